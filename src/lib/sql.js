// Small SQL helpers for dashboard filters: parameters, never string interpolation of values.

/**
 * Builds a WHERE clause from {column: value} pairs, skipping null/undefined values
 * (meaning "all"). Column names come from page code, never from user input.
 * Returns [clause, params]; clause is "" when nothing is filtered.
 */
export function whereEquals(filters, alias = "") {
  const parts = [];
  const params = [];
  for (const [column, value] of Object.entries(filters)) {
    if (value == null) continue;
    parts.push(`${alias ? alias + "." : ""}"${column}" = ?`);
    params.push(value);
  }
  return [parts.length ? `WHERE ${parts.join(" AND ")}` : "", params];
}

/** Rows → CSV text (RFC 4180 quoting), columns in the given order. */
export function toCsv(rows, columns) {
  const cell = (v) => {
    if (v == null) return "";
    const s = v instanceof Date ? v.toISOString() : typeof v === "object" ? JSON.stringify(v) : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.map(cell).join(","), ...rows.map((r) => columns.map((c) => cell(r[c])).join(","))].join("\r\n") + "\r\n";
}

/** Arrow table (what DuckDBClient.query returns) → plain row objects and column names. */
export function toRows(table) {
  const rows = Array.from(table, (row) => row.toJSON());
  rows.columns = table.schema.fields.map((f) => f.name);
  return rows;
}
