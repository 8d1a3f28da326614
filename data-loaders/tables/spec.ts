// A table's written contract: grain, keys, columns with types and meaning, invariants in prose.
// One spec drives the Parquet schema, the CSV header, datapackage.json and the contract tests,
// so the documentation cannot drift from what is written.

export type ColumnType = "string" | "integer" | "number" | "boolean";

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  description: string;
  /** Null allowed? Defaults to false. */
  nullable?: boolean;
  /** Allowed values for enumerations (checked by the contract tests). */
  enum?: readonly string[];
}

export interface TableSpec<Row = Record<string, unknown>> {
  name: string;
  title: string;
  /** What one row is. */
  grain: string;
  primaryKey: readonly (keyof Row & string)[];
  columns: readonly ColumnSpec[];
  /** Cross-column and cross-table rules, checked in test/contracts. */
  invariants: readonly string[];
  /** "speech": rows come speech by speech (in speech_id order, with a speech_id column) and
   *  each Parquet row group holds whole speeches, cut where publish/row-groups.ts says, so an
   *  unchanged run of speeches keeps its encoded row group from one run to the next. Otherwise
   *  row groups are cut every 64 Ki rows. */
  rowGroups?: "speech";
}

export const OFFSET_NOTE =
  "UTF-16 code-unit offset (JavaScript string index), half-open [start, end)";

export function defineTable<Row>(spec: TableSpec<Row>): TableSpec<Row> {
  return spec;
}
