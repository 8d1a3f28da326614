// Parquet writing through parquet-wasm (Apache Arrow's Rust parquet writer compiled to wasm).
// ZSTD, fixed "created by" and no timestamps, so the same rows give byte-identical files.
import { tableToIPC } from "apache-arrow";
import {
  Compression,
  Table as WasmTable,
  WriterPropertiesBuilder,
  writeParquet,
} from "parquet-wasm";
import type { TableSpec } from "../tables/spec.ts";
import { toArrowTable } from "./arrow.ts";

export const PARQUET_CREATED_BY = "speech-atlas (parquet-wasm)";

export function toParquet<Row>(spec: TableSpec<Row>, rows: readonly Row[]): Uint8Array {
  const ipc = tableToIPC(toArrowTable(spec, rows), "stream");
  const props = new WriterPropertiesBuilder()
    .setCompression(Compression.ZSTD)
    .setCreatedBy(PARQUET_CREATED_BY)
    .setMaxRowGroupSize(64 * 1024)
    .build();
  return writeParquet(WasmTable.fromIPCStream(ipc), props);
}
