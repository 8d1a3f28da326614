// Rows → Apache Arrow table, typed by the table's spec (never inferred from the data, so an
// empty table or an all-null column still gets its declared type).
import {
  Bool,
  Float64,
  Int32,
  Table,
  Utf8,
  vectorFromArray,
  type DataType,
  type Vector,
} from "apache-arrow";
import type { ColumnSpec, ColumnType, TableSpec } from "../tables/spec.ts";

const ARROW_TYPES: Record<ColumnType, () => DataType> = {
  string: () => new Utf8(),
  integer: () => new Int32(),
  number: () => new Float64(),
  boolean: () => new Bool(),
};

/** A column's values from row objects, refusing missing columns and nulls the contract forbids. */
export function columnValues<Row>(
  spec: TableSpec<Row>,
  col: ColumnSpec,
  rows: readonly Row[],
): unknown[] {
  return rows.map((r) => {
    const v = (r as Record<string, unknown>)[col.name];
    if (v === undefined) throw new Error(`${spec.name}: row lacks column ${col.name}`);
    if (v === null && !col.nullable)
      throw new Error(`${spec.name}: null in non-nullable column ${col.name}`);
    return v;
  });
}

export function toArrowTable<Row>(spec: TableSpec<Row>, rows: readonly Row[]): Table {
  const columns: Record<string, Vector> = {};
  for (const col of spec.columns) {
    columns[col.name] = vectorFromArray(columnValues(spec, col, rows), ARROW_TYPES[col.type]());
  }
  return new Table(columns);
}
