// Parquet writing through parquet-wasm (Apache Arrow's Rust parquet writer compiled to wasm).
// ZSTD, fixed "created by" and no timestamps, so the same rows give byte-identical files.
import { tableToIPC } from "apache-arrow";
import {
  Compression,
  Table as WasmTable,
  WriterPropertiesBuilder,
  writeParquet,
  type WriterProperties,
} from "parquet-wasm";
import type { TableSpec } from "../tables/spec.ts";
import { toArrowTable } from "./arrow.ts";
import { spliceParquet } from "./parquet-splice.ts";
import { MAX_ROWS, speechRowGroups } from "./row-groups.ts";

export const PARQUET_CREATED_BY = "speech-atlas (parquet-wasm)";

/** Rows per row group of tables cut by row count (publish/row-groups.ts cuts the others). */
export const ROW_GROUP_ROWS = 64 * 1024;

/** The writer properties of a published Parquet file of `spec`; `maxRowGroup` rows per row
 *  group. Floating-point columns are written without a dictionary: their values are nearly all
 *  distinct (rates, z-scores, PMI), so the writer only hashed every value into a dictionary
 *  before falling back to plain pages once it grew past its size limit. Without it term_stats
 *  (1.1 M rows at 10,000 speeches) encodes in ~1.1–1.3 s instead of ~1.6 s, and the file is
 *  no larger (25.25 MB instead of 25.48 MB). */
export function parquetProperties(
  spec: Pick<TableSpec<unknown>, "columns">,
  maxRowGroup = ROW_GROUP_ROWS,
): WriterProperties {
  let b = new WriterPropertiesBuilder()
    .setCompression(Compression.ZSTD)
    .setCreatedBy(PARQUET_CREATED_BY)
    .setMaxRowGroupSize(maxRowGroup);
  for (const c of spec.columns)
    if (c.type === "number") b = b.setColumnDictionaryEnabled(c.name, false);
  return b.build();
}

/** Rows as one Parquet file cut every `maxRowGroup` rows. */
function plainParquet<Row>(spec: TableSpec<Row>, rows: readonly Row[], maxRowGroup: number) {
  const ipc = tableToIPC(toArrowTable(spec, rows), "stream");
  return writeParquet(WasmTable.fromIPCStream(ipc), parquetProperties(spec, maxRowGroup));
}

/** One row group's rows as a file of that one row group (what parquet-splice.ts joins). */
export function rowGroupFile<Row>(spec: TableSpec<Row>, rows: readonly Row[]): Uint8Array {
  return plainParquet(spec, rows, MAX_ROWS);
}

export function toParquet<Row>(spec: TableSpec<Row>, rows: readonly Row[]): Uint8Array {
  if (spec.rowGroups !== "speech") return plainParquet(spec, rows, ROW_GROUP_ROWS);
  // Runs of one speech_id are the speeches; each row group of whole speeches is written alone
  // and the files joined, as the streaming writer does (pipeline/table-writer.ts).
  const runs: { speechId: string; rows: number; from: number }[] = [];
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const id = (r as { speech_id: string }).speech_id;
    const last = runs[runs.length - 1];
    if (last && last.speechId === id) last.rows++;
    else {
      if (seen.has(id)) throw new Error(`${spec.name}: rows of speech ${id} are not together`);
      seen.add(id);
      runs.push({ speechId: id, rows: 1, from: i });
    }
  });
  const groups = speechRowGroups(runs);
  if (!groups.length) return plainParquet(spec, rows, ROW_GROUP_ROWS);
  return spliceParquet(
    groups.map(([a, b]) =>
      rowGroupFile(spec, rows.slice(runs[a]!.from, b < runs.length ? runs[b]!.from : rows.length)),
    ),
  );
}
