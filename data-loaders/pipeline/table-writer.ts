// Streaming writer of one published table as Parquet + CSV, fed rows chunk by chunk, so a table
// of millions of rows never exists as one JS array or one Arrow table. The bytes equal what
// publish/ writes for the same rows in one go: the CSV is the same lines, and the Parquet goes
// through the same arrow-rs writer (parquet-wasm's transformParquetStream) with the same writer
// properties, which cuts row groups by row count, not by how the batches arrived.
import { createHash, type Hash } from "node:crypto";
import { open, type FileHandle } from "node:fs/promises";
import { tableToIPC } from "apache-arrow";
import {
  Compression,
  Table as WasmTable,
  WriterPropertiesBuilder,
  transformParquetStream,
} from "parquet-wasm";
import { toArrowTableFast as toArrowTable } from "./fast-arrow.ts";
import { csvCell } from "../publish/csv.ts";
import { PARQUET_CREATED_BY } from "../publish/parquet.ts";
import type { TableSpec } from "../tables/spec.ts";

/** Rows per Arrow batch handed to the Parquet writer: one row group (publish/parquet.ts). */
export const CHUNK_ROWS = 64 * 1024;

export interface WrittenFile {
  path: string;
  sha256: string;
  bytes: number;
}

class HashedFile {
  private hash: Hash = createHash("sha256");
  bytes = 0;
  private constructor(private handle: FileHandle) {}
  static async create(path: string): Promise<HashedFile> {
    return new HashedFile(await open(path, "w"));
  }
  async write(data: Uint8Array | string): Promise<void> {
    const buf = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    if (buf.byteLength === 0) return;
    this.hash.update(buf);
    this.bytes += buf.byteLength;
    await this.handle.write(buf);
  }
  async close(): Promise<{ sha256: string; bytes: number }> {
    await this.handle.close();
    return { sha256: this.hash.digest("hex"), bytes: this.bytes };
  }
}

/**
 * Writes `rows` (an async stream of row chunks, in output order) to `<base>.parquet` and
 * `<base>.csv` (csv optional); returns the row count and file digests.
 */
export async function writeTableStreaming<Row>(
  spec: TableSpec<Row>,
  chunks: AsyncIterable<readonly Row[]> | Iterable<readonly Row[]>,
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

  // Re-chunk to exactly CHUNK_ROWS so each Arrow batch is one row group's worth.
  let pending: Row[] = [];
  let total = 0;
  let sawBatch = false;
  const iterator = (async function* () {
    const flush = function* (rows: Row[]) {
      const wasm = WasmTable.fromIPCStream(tableToIPC(toArrowTable(spec, rows), "stream"));
      const batches = wasm.recordBatches();
      // wasm memory only grows: free the table now rather than whenever GC finalizes it.
      wasm.free();
      for (const batch of batches) yield batch;
    };
    for await (const chunk of chunks as AsyncIterable<readonly Row[]>) {
      for (const row of chunk) pending.push(row);
      if (cs && chunk.length) {
        let text = "";
        for (const row of chunk) {
          const r = row as Record<string, unknown>;
          text += spec.columns.map((c) => csvCell(r[c.name], c)).join(",") + "\n";
        }
        await cs.write(text);
      }
      while (pending.length >= CHUNK_ROWS) {
        const head = pending.slice(0, CHUNK_ROWS);
        pending = pending.slice(CHUNK_ROWS);
        total += head.length;
        sawBatch = true;
        yield* flush(head);
      }
    }
    if (pending.length > 0 || !sawBatch) {
      total += pending.length;
      yield* flush(pending);
      pending = [];
    }
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
