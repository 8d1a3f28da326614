// CSV for spreadsheets: UTF-8 with BOM (so Excel shows Chinese), RFC 4180 quoting, LF rows,
// and string cells starting with = + - @ (or tab/CR) prefixed with an apostrophe so a
// spreadsheet never evaluates them as formulas. Numbers are written as numbers.
import type { ColumnSpec, TableSpec } from "../tables/spec.ts";

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown, col: ColumnSpec): string {
  if (value === null || value === undefined) return "";
  let s: string;
  if (col.type === "boolean") s = value ? "true" : "false";
  else if (col.type === "number") s = formatNumber(value as number);
  else s = String(value);
  if (col.type === "string" && FORMULA_START.test(s)) s = "'" + s;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Shortest round-trip representation; non-finite values have no CSV form and become empty. */
function formatNumber(n: number): string {
  return Number.isFinite(n) ? String(n) : "";
}

export function toCsv<Row>(spec: TableSpec<Row>, rows: readonly Row[]): string {
  const cols = spec.columns;
  const lines = [cols.map((c) => c.name).join(",")];
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    lines.push(cols.map((c) => csvCell(r[c.name], c)).join(","));
  }
  return "\uFEFF" + lines.join("\n") + "\n";
}
