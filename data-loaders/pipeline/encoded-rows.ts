// Rows of a table as plain JS values: the CSV lines formatted as strings and the values column
// by column, checked against the table's contract. This is the straightforward form the fast
// encoder (row-block-encoder.ts, used by the workers and the publishing writers) is checked
// against: toRowBlock(encodeRows(spec, rows)) equals encodeRowBlock(spec, rows) with its CSV
// decoded. decodeRows turns encoded rows back into objects for tests.
import { columnValues } from "../publish/arrow.ts";
import { csvFormatter } from "../publish/csv.ts";
import type { TableSpec } from "../tables/spec.ts";

/** A column whose value is the same on every row is stored once (speech_id, mostly). */
export type EncodedColumn = unknown[] | { same: unknown };

export interface EncodedRows {
  /** Row count. */
  n: number;
  /** CSV lines of the rows, each ending in "\n" (no header); as UTF-8 bytes when read back
   *  from a store. */
  csv: string | Uint8Array;
  /** Values per column, in spec.columns order. */
  columns: EncodedColumn[];
}

export function encodeRows<Row>(spec: TableSpec<Row>, rows: readonly Row[]): EncodedRows {
  const columns: EncodedColumn[] = spec.columns.map((col) => {
    const values = columnValues(spec, col, rows);
    return values.length > 1 && values.every((v) => v === values[0]) ? { same: values[0] } : values;
  });
  // Column by column (the values are already arrays), then joined row by row.
  const cells = spec.columns.map((col, c) => {
    const format = csvFormatter(col);
    const encoded = columns[c]!;
    if (!Array.isArray(encoded)) return format(encoded.same);
    return encoded.map(format);
  });
  const parts: string[] = new Array(rows.length);
  const width = cells.length;
  for (let i = 0; i < rows.length; i++) {
    let line = "";
    for (let c = 0; c < width; c++) {
      const cell = cells[c]!;
      line += (c === 0 ? "" : ",") + (typeof cell === "string" ? cell : cell[i]);
    }
    parts[i] = line;
  }
  return { n: rows.length, csv: rows.length ? parts.join("\n") + "\n" : "", columns };
}

/** Values of one column of encoded rows. */
export function columnOf(e: EncodedRows, c: number): readonly unknown[] {
  const col = e.columns[c]!;
  return Array.isArray(col) ? col : new Array<unknown>(e.n).fill(col.same);
}

/** Decodes back to row objects (tests, and the rare reader that wants rows). */
export function decodeRows(spec: TableSpec<any>, e: EncodedRows): Record<string, unknown>[] {
  const cols = spec.columns.map((_, c) => columnOf(e, c));
  return Array.from({ length: e.n }, (_, i) =>
    Object.fromEntries(spec.columns.map((col, c) => [col.name, cols[c]![i]])),
  );
}
