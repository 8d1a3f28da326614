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

/** Byte-order mark that makes spreadsheets read a CSV as UTF-8 (Excel otherwise guesses a code page). */
export const CSV_BOM = "\ufeff";

/**
 * The table a query reads when it reads exactly one of `tables` (first FROM/JOIN names), else null:
 * names the SQL console's download after it.
 */
export function queriedTable(query, tables) {
  const names = new Set();
  for (const m of String(query).matchAll(/\b(?:from|join)\s+"?([A-Za-z_][A-Za-z0-9_]*)"?/gi))
    if (tables.includes(m[1])) names.add(m[1]);
  return names.size === 1 ? [...names][0] : null;
}

/** Rows → CSV text (RFC 4180 quoting), columns in the given order. */
export function toCsv(rows, columns) {
  const cell = (v) => {
    if (v == null) return "";
    const s =
      v instanceof Date ? v.toISOString() : typeof v === "object" ? JSON.stringify(v) : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return (
    [
      columns.map(cell).join(","),
      ...rows.map((r) => columns.map((c) => cell(r[c])).join(",")),
    ].join("\r\n") + "\r\n"
  );
}

const ARROW_DECIMAL = 7; // apache-arrow Type.Decimal

/** A Decimal128 cell (four little-endian 32-bit words, two's complement) → Number. */
function decimalToNumber(words, scale) {
  let big = 0n;
  for (let i = words.length - 1; i >= 0; --i) big = (big << 32n) | BigInt(words[i] >>> 0);
  const bits = BigInt(words.length * 32);
  if (big >> (bits - 1n)) big -= 1n << bits;
  return Number(big) / 10 ** scale;
}

/**
 * Arrow table (what DuckDBClient.query returns) → plain row objects, plus `columns`.
 * DuckDB's sum() of integers is HUGEINT, which reaches JavaScript as Decimal128 word arrays:
 * converted to numbers here so every page and the SQL console show 18623, not "18623,0,0,0".
 */
export function toRows(table) {
  const fields = table.schema.fields;
  const decimals = fields.filter((f) => f.type.typeId === ARROW_DECIMAL);
  const rows = Array.from(table, (row) => {
    const o = row.toJSON();
    for (const f of decimals)
      if (o[f.name] != null && typeof o[f.name] === "object")
        o[f.name] = decimalToNumber(o[f.name], f.type.scale);
    return o;
  });
  rows.columns = fields.map((f) => f.name);
  return rows;
}
