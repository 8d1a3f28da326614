// Rows of a table in the form the writers consume: the CSV lines already formatted and the
// values column by column, checked against the table's contract. Per-speech rows are encoded
// where the speech is processed (a worker process, in parallel), and the encoded form is what
// the spill files, the cache and shard files hold, so publishing a table costs concatenation and
// the Parquet encoder only: no JSON of row objects to parse back and no per-row formatting on
// the main thread (they were ~75 % of writing a 9-million-row terms table).
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

/**
 * Regroups encoded parts into consecutive blocks of exactly `size` rows (the last one shorter),
 * each as one value array per column: what the Parquet writer turns into one row group.
 */
export function* rechunkColumns(
  width: number,
  parts: Iterable<EncodedRows>,
  size: number,
): Generator<{ n: number; columns: unknown[][] }> {
  let columns: unknown[][] = Array.from({ length: width }, () => []);
  let n = 0;
  for (const part of parts) {
    let from = 0;
    while (from < part.n) {
      const take = Math.min(size - n, part.n - from);
      for (let c = 0; c < width; c++) {
        const col = part.columns[c]!;
        const out = columns[c]!;
        if (Array.isArray(col)) for (let i = from; i < from + take; i++) out.push(col[i]);
        else for (let i = 0; i < take; i++) out.push(col.same);
      }
      n += take;
      from += take;
      if (n === size) {
        yield { n, columns };
        columns = Array.from({ length: width }, () => []);
        n = 0;
      }
    }
  }
  if (n > 0) yield { n, columns };
}
