// Streaming writer of one published table as Parquet + CSV, fed rows chunk by chunk, so a table
// of millions of rows never exists as one JS array or one Arrow table. The bytes equal what
// publish/ writes for the same rows in one go: the CSV is the same lines, and the Parquet goes
// through the same arrow-rs writer (parquet-wasm's transformParquetStream) with the same writer
// properties, which cuts row groups by row count, not by how the batches arrived.
import { createHash, type Hash } from "node:crypto";
import { open, type FileHandle } from "node:fs/promises";
import { tableToIPC, type Table } from "apache-arrow";
import { Table as WasmTable, transformParquetStream, writeParquet } from "parquet-wasm";
import { BlockRegrouper, type RowBlock } from "./column-blocks.ts";
import { encodeRowBlock } from "./row-block-encoder.ts";
import type { EncodedGroup, GroupCache } from "./group-cache.ts";
import { ParquetSplicer } from "../publish/parquet-splice.ts";
import { parquetProperties, ROW_GROUP_ROWS } from "../publish/parquet.ts";
import { MAX_ROWS, speechRowGroups } from "../publish/row-groups.ts";
import type { TableSpec } from "../tables/spec.ts";

/** Rows per Arrow batch handed to the Parquet writer: one row group (publish/parquet.ts). */
export const CHUNK_ROWS = ROW_GROUP_ROWS;

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
  /** Writes what is pending now (the caller is about to reuse a buffer it handed over). */
  async flush(): Promise<void> {
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

/** Encodes each chunk of rows as it comes (in-memory and corpus-level tables), as the workers
 *  encode per-speech rows (row-block-encoder.ts: the same block as toRowBlock(encodeRows()),
 *  CSV as UTF-8 bytes; for the 10,000 speeches' rows ~150 ms instead of ~500 ms, most of the
 *  difference the garbage of formatting every cell and line as a JS string). */
async function* encodeChunks<Row>(
  spec: TableSpec<Row>,
  chunks: AsyncIterable<readonly Row[]> | Iterable<readonly Row[]>,
): AsyncGenerator<RowBlock> {
  for await (const rows of chunks as AsyncIterable<readonly Row[]>)
    if (rows.length) yield encodeRowBlock(spec, rows);
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

/** Arrow table → parquet-wasm's table, freeing the wasm side's copy as soon as possible. */
function wasmBatches(table: Table) {
  const wasm = WasmTable.fromIPCStream(tableToIPC(table, "stream"));
  const batches = wasm.recordBatches();
  // wasm memory only grows: free the table now rather than whenever GC finalizes it.
  wasm.free();
  return batches;
}

/** One speech's share of a per-speech table: its row count (known before its rows are read),
 *  its speech-store key (null when it has none, e.g. from a shard file) and its rows. */
export interface SpeechPart {
  speechId: string;
  rows: number;
  storeKey: string | null;
  read(): RowBlock;
}

/** Encodes one row group of whole speeches: a one-row-group Parquet file and its CSV lines. */
export function encodeGroup(spec: TableSpec<any>, parts: readonly SpeechPart[]): EncodedGroup {
  const regroup = new BlockRegrouper(spec, Infinity);
  const csv: Uint8Array[] = [];
  for (const p of parts) {
    // A speech without rows here (most speeches in removals or formulation_hits) has nothing to
    // read: skipping it saves a read of its store file per speech.
    if (p.rows === 0) continue;
    const block = p.read();
    if (block.n !== p.rows)
      throw new Error(`${spec.name}: speech ${p.speechId} has ${block.n} rows, expected ${p.rows}`);
    if (block.csv) csv.push(typeof block.csv === "string" ? Buffer.from(block.csv) : block.csv);
    for (const _ of regroup.push(block)) throw new Error("unreachable: unbounded regrouper");
  }
  const [table] = [...regroup.finish()];
  const wasm = WasmTable.fromIPCStream(tableToIPC(table!, "stream"));
  const parquet = writeParquet(wasm, parquetProperties(spec, MAX_ROWS));
  return { rows: table!.numRows, parquet, csv: Buffer.concat(csv) };
}

/** One row group of a per-speech table: its speeches, their row count, and its group-cache key
 *  (null without a cache, or when a speech has no store key). */
export interface PlannedGroup {
  members: SpeechPart[];
  rows: number;
  key: string | null;
}

/** The row groups of a per-speech table, in output order (publish/row-groups.ts). */
export function planGroups(
  spec: TableSpec<any>,
  speeches: readonly SpeechPart[],
  groups: GroupCache | null,
): PlannedGroup[] {
  return speechRowGroups(speeches).map(([from, to]) => {
    const members = speeches.slice(from, to);
    const keys = members.map((m) => m.storeKey);
    return {
      members,
      rows: members.reduce((n, m) => n + m.rows, 0),
      key: groups && keys.every((k) => k !== null) ? groups.key(spec, keys as string[]) : null,
    };
  });
}

/** Row groups another thread may encode into the group cache ahead of this one
 *  (corpus-tasks.ts): `claim(i)` resolves once the table's group i is this thread's to write,
 *  either claimed here or put in the cache by the other thread (or given up by it). */
export interface GroupClaims {
  claim(group: number): Promise<void>;
}

/**
 * A per-speech table (spec.rowGroups = "speech") from its speeches' parts in output order:
 * row groups of whole speeches (publish/row-groups.ts), each encoded alone, or taken from
 * `groups` when the same speeches were encoded before, then joined (parquet-splice.ts). The
 * bytes equal publish/parquet.ts's toParquet and the CSV its lines, whatever came from the cache.
 */
export async function writeSpeechGroupedTable(
  spec: TableSpec<any>,
  speeches: readonly SpeechPart[],
  base: string,
  groups: GroupCache | null,
  { csv = true, claims = null }: { csv?: boolean; claims?: GroupClaims | null } = {},
): Promise<{
  rows: number;
  parquet: { sha256: string; bytes: number };
  csv: { sha256: string; bytes: number } | null;
  reused: number;
  encoded: number;
}> {
  if (spec.rowGroups !== "speech") throw new Error(`${spec.name}: not cut by speech`);
  const pq = await HashedFile.create(`${base}.parquet`);
  const cs = csv ? await HashedFile.create(`${base}.csv`) : null;
  if (cs) await cs.write("\uFEFF" + spec.columns.map((c) => c.name).join(",") + "\n");
  const splicer = new ParquetSplicer();
  let total = 0;
  let reused = 0;
  let encoded = 0;
  const emit = async (g: EncodedGroup) => {
    total += g.rows;
    await pq.write(splicer.add(g.parquet));
    if (cs) await cs.write(g.csv);
    // A cached group lives in the cache's read buffer, reused by the next get().
    await pq.flush();
    await cs?.flush();
  };
  const plan = planGroups(spec, speeches, groups);
  for (const [i, { members, rows, key }] of plan.entries()) {
    // Claimed or not, a group goes through the cache: one the other thread encoded is there.
    if (claims && key) await claims.claim(i);
    let group = key ? groups!.get(key) : null;
    // An entry must hold the rows its speeches say they have (else it is re-encoded).
    if (group && group.rows !== rows) group = null;
    if (group) reused++;
    else {
      group = encodeGroup(spec, members);
      encoded++;
      if (key) groups!.put(key, group);
    }
    await emit(group);
  }
  if (!speeches.length) await emit(encodeGroup(spec, []));
  await pq.write(splicer.finish());
  return {
    rows: total,
    parquet: await pq.close(),
    csv: cs ? await cs.close() : null,
    reused,
    encoded,
  };
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

  const props = parquetProperties(spec, CHUNK_ROWS);

  // The CSV is written as parts pass by; their columns are regrouped into Arrow tables of
  // exactly CHUNK_ROWS rows, one batch = one row group's worth.
  let total = 0;
  const regroup = new BlockRegrouper(spec, CHUNK_ROWS);
  const toWasm = function* (tables: Iterable<Table>) {
    for (const table of tables) {
      total += table.numRows;
      yield* wasmBatches(table);
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
