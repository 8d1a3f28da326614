// Streaming writer of one published table as Parquet + CSV, fed rows chunk by chunk, so a table
// of millions of rows never exists as one JS array or one Arrow table. The bytes equal what
// publish/ writes for the same rows in one go: the CSV is the same lines, and the Parquet goes
// through the same arrow-rs writer (parquet-wasm's transformParquetStream) with the same writer
// properties, which cuts row groups by row count, not by how the batches arrived.
import { createHash, type Hash } from "node:crypto";
import { open, type FileHandle } from "node:fs/promises";
import { tableToIPC, type Table } from "apache-arrow";
import {
  Compression,
  Table as WasmTable,
  WriterPropertiesBuilder,
  transformParquetStream,
} from "parquet-wasm";
import { BlockRegrouper, toRowBlock, type RowBlock } from "./column-blocks.ts";
import { encodeRows } from "./encoded-rows.ts";
import { PARQUET_CREATED_BY } from "../publish/parquet.ts";
import type { TableSpec } from "../tables/spec.ts";

/** Rows per Arrow batch handed to the Parquet writer: one row group (publish/parquet.ts). */
export const CHUNK_ROWS = 64 * 1024;

export interface WrittenFile {
  path: string;
  sha256: string;
  bytes: number;
}

/** Bytes gathered before one write: per-speech parts are small (a few kB), and one write call
 *  per part cost ~2 s of the terms table at 10,000 speeches. */
const WRITE_BUFFER = 4 << 20;

class HashedFile {
  private hash: Hash = createHash("sha256");
  bytes = 0;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private constructor(private handle: FileHandle) {}
  static async create(path: string): Promise<HashedFile> {
    return new HashedFile(await open(path, "w"));
  }
  async write(data: Uint8Array | string): Promise<void> {
    const buf = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    if (buf.byteLength === 0) return;
    this.hash.update(buf);
    this.bytes += buf.byteLength;
    this.pending.push(buf);
    this.pendingBytes += buf.byteLength;
    if (this.pendingBytes >= WRITE_BUFFER) await this.flush();
  }
  private async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const chunk = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    for (let at = 0; at < chunk.byteLength;)
      at += (await this.handle.write(chunk, at, chunk.byteLength - at)).bytesWritten;
  }
  async close(): Promise<{ sha256: string; bytes: number }> {
    await this.flush();
    await this.handle.close();
    return { sha256: this.hash.digest("hex"), bytes: this.bytes };
  }
}

/** Encodes each chunk of rows as it comes (in-memory and corpus-level tables). */
async function* encodeChunks<Row>(
  spec: TableSpec<Row>,
  chunks: AsyncIterable<readonly Row[]> | Iterable<readonly Row[]>,
): AsyncGenerator<RowBlock> {
  for await (const rows of chunks as AsyncIterable<readonly Row[]>)
    if (rows.length) yield toRowBlock(spec, encodeRows(spec, rows));
}

/**
 * Writes `rows` (a stream of row chunks, in output order) to `<base>.parquet` and `<base>.csv`
 * (csv optional); returns the row count and file digests.
 */
export function writeTableStreaming<Row>(
  spec: TableSpec<Row>,
  chunks: AsyncIterable<readonly Row[]> | Iterable<readonly Row[]>,
  base: string,
  options: { csv?: boolean } = {},
) {
  return writeEncodedTable(spec, encodeChunks(spec, chunks), base, options);
}

/** Same, from rows already encoded (column-blocks.ts), e.g. per speech by the worker processes. */
export async function writeEncodedTable(
  spec: TableSpec<any>,
  parts: AsyncIterable<RowBlock> | Iterable<RowBlock>,
  base: string,
  { csv = true }: { csv?: boolean } = {},
): Promise<{
  rows: number;
  parquet: { sha256: string; bytes: number };
  csv: { sha256: string; bytes: number } | null;
}> {
  const pq = await HashedFile.create(`${base}.parquet`);
  const cs = csv ? await HashedFile.create(`${base}.csv`) : null;
  if (cs) await cs.write("\uFEFF" + spec.columns.map((c) => c.name).join(",") + "\n");

  const props = new WriterPropertiesBuilder()
    .setCompression(Compression.ZSTD)
    .setCreatedBy(PARQUET_CREATED_BY)
    .setMaxRowGroupSize(CHUNK_ROWS)
    .build();

  // The CSV is written as parts pass by; their columns are regrouped into Arrow tables of
  // exactly CHUNK_ROWS rows, one batch = one row group's worth.
  let total = 0;
  const regroup = new BlockRegrouper(spec, CHUNK_ROWS);
  const toWasm = function* (tables: Iterable<Table>) {
    for (const table of tables) {
      total += table.numRows;
      const wasm = WasmTable.fromIPCStream(tableToIPC(table, "stream"));
      const batches = wasm.recordBatches();
      // wasm memory only grows: free the table now rather than whenever GC finalizes it.
      wasm.free();
      yield* batches;
    }
  };
  const iterator = (async function* () {
    for await (const part of parts as AsyncIterable<RowBlock>) {
      if (cs && part.csv) await cs.write(part.csv);
      yield* toWasm(regroup.push(part));
    }
    yield* toWasm(regroup.finish());
  })();

  const input = new ReadableStream({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
  const output: ReadableStream<Uint8Array> = await transformParquetStream(input, props);
  const reader = output.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    await pq.write(value);
  }
  return { rows: total, parquet: await pq.close(), csv: cs ? await cs.close() : null };
}
