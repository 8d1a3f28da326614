// Node-side (Framework loaders only): a published Parquet table of the pipeline as plain rows.
// 64-bit integers arrive from Arrow as BigInt; offsets and counts fit in a double, so they are
// converted to Number here and JSON output stays plain.
import * as arrow from "apache-arrow";
import * as parquet from "parquet-wasm";
import { readOutFile } from "../../scripts/site/pipeline-out.ts";

export type Row = Record<string, unknown>;

export function readOutTable(name: string): Row[] {
  const table = arrow.tableFromIPC(
    parquet.readParquet(readOutFile(`${name}.parquet`)).intoIPCStream(),
  );
  return table.toArray().map((row) => {
    const o = row.toJSON() as Row;
    for (const [k, v] of Object.entries(o)) if (typeof v === "bigint") o[k] = Number(v);
    return o;
  });
}
