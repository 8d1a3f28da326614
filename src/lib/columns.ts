// Node-side (Framework loaders only): columns of a published Parquet table as plain arrays.
// readOutTable (outTables.ts) builds one object per row, which costs minutes on the terms table of
// a 10,000-speech corpus (9 million rows); loaders that only sum or regroup read columns instead.
// 64-bit integers become Numbers (offsets and counts fit in a double), as in readOutTable.
import * as arrow from "apache-arrow";
import * as parquet from "parquet-wasm";
import { readOutFile } from "../../scripts/site/pipeline-out.ts";

export type Columns = Record<string, unknown[]>;

/**
 * A published table as Arrow, only `columns` decoded: the other columns of a wide table cost
 * most of the read (terms at 10,000 speeches: 13.5 s for all five columns, 2.2 s for three).
 */
export function readOutArrow(name: string, columns: string[]): arrow.Table {
  return arrow.tableFromIPC(
    parquet
      .readParquet(readOutFile(`${name}.parquet`), { columns, batchSize: 65536 })
      .intoIPCStream(),
  );
}

export function readOutColumns(name: string, columns: string[]): Columns {
  const table = readOutArrow(name, columns);
  const out: Columns = {};
  for (const column of columns) {
    const child = table.getChild(column);
    if (!child) throw new Error(`${name}.parquet has no column ${column}`);
    const values: unknown[] = new Array(table.numRows);
    let i = 0;
    for (const v of child) values[i++] = typeof v === "bigint" ? Number(v) : v;
    out[column] = values;
  }
  return out;
}
