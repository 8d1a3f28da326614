// Checks rows against a table's written contract: declared types, nullability, enumerations and
// primary-key uniqueness. Reports every problem, not just the first.
import type { TableSpec } from "../../data-loaders/tables/spec.ts";

export function contractViolations<Row>(
  spec: TableSpec<Row>,
  rows: readonly Row[],
  max = 20,
): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  rows.forEach((row, i) => {
    const r = row as Record<string, unknown>;
    for (const col of spec.columns) {
      const v = r[col.name];
      const where = `${spec.name}[${i}].${col.name}`;
      if (v === null || v === undefined) {
        if (!col.nullable) problems.push(`${where} is ${v} but not nullable`);
        continue;
      }
      const ok =
        col.type === "string"
          ? typeof v === "string"
          : col.type === "boolean"
            ? typeof v === "boolean"
            : col.type === "integer"
              ? Number.isInteger(v)
              : typeof v === "number" && Number.isFinite(v);
      if (!ok) problems.push(`${where} = ${JSON.stringify(v)} is not ${col.type}`);
      if (col.enum && !col.enum.includes(String(v)))
        problems.push(`${where} = ${String(v)} not in ${col.enum.join("|")}`);
    }
    const key = JSON.stringify(spec.primaryKey.map((k) => r[k]));
    if (keys.has(key)) problems.push(`${spec.name}: duplicate key ${key}`);
    keys.add(key);
  });
  const extra =
    rows.length > 0
      ? Object.keys(rows[0] as object).filter((k) => !spec.columns.some((c) => c.name === k))
      : [];
  if (extra.length) problems.push(`${spec.name}: columns not in the contract: ${extra.join(", ")}`);
  return problems.slice(0, max);
}
