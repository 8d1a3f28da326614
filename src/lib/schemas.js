// The Data page's schema list: datapackage.json describes each table twice (a CSV resource named
// after the table and a Parquet resource "<table>_parquet" with the same schema); one entry per
// table here, with the formats it comes in, in the datapackage's order.

/** @returns [{name, description, fields, formats: ["csv", "parquet"]}] */
export function tableSchemas(datapackage) {
  const tables = new Map();
  for (const r of datapackage?.resources ?? []) {
    const name = String(r.name ?? "").replace(/_parquet$/, "");
    const format =
      r.format ??
      String(r.path ?? "")
        .split(".")
        .pop() ??
      "";
    const t = tables.get(name);
    if (t) {
      if (format && !t.formats.includes(format)) t.formats.push(format);
      if (!t.fields.length) t.fields = r.schema?.fields ?? [];
      continue;
    }
    tables.set(name, {
      name,
      description: r.description ?? r.title ?? "",
      fields: r.schema?.fields ?? [],
      formats: format ? [format] : [],
    });
  }
  return [...tables.values()];
}
