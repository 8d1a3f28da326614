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

/**
 * csvCell specialised to one column: the same text, without the type dispatch and the quoting
 * test on cells that cannot need quoting (numbers, booleans). For encoding millions of rows.
 */
export function csvFormatter(col: ColumnSpec): (value: unknown) => string {
  switch (col.type) {
    case "boolean":
      return (v) => (v === null || v === undefined ? "" : v ? "true" : "false");
    case "number":
      return (v) => (v === null || v === undefined ? "" : formatNumber(v as number));
    case "integer":
      return (v) => (v === null || v === undefined ? "" : String(v));
    case "string":
      return (v) => {
        if (v === null || v === undefined) return "";
        let s = String(v);
        if (s.length === 0) return s;
        const c = s.charCodeAt(0);
        // = + - @ tab CR: FORMULA_START without the regex.
        if (c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13) s = "'" + s;
        return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
      };
  }
}

const NEEDS_QUOTES = /[",\n\r]/;

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
