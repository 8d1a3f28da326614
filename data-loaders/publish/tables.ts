// Every published table goes through DuckDB: a query over the per-speech parts, the rows the
// main process holds, or the published files themselves, COPY'd to Parquet (ZSTD) and, where a
// spreadsheet can open it, to CSV (UTF-8 with BOM, formula-safe cells). Column names, order and
// types come from the table's contract (data-loaders/tables/), never from the data.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";
import type { ColumnSpec, ColumnType, TableSpec } from "../tables/spec.ts";
import { literal, type Engine } from "./duckdb.ts";
import type { OutputFile } from "./package-files.ts";

/** Which tables get a CSV besides their Parquet file. */
export type CsvPolicy = "auto" | "all" | "none";

/** Data rows a spreadsheet opens (Excel's and LibreOffice's 1,048,576 rows, less the header):
 *  under `auto`, a table with more rows is published as Parquet only. */
export const SPREADSHEET_ROWS = 1_048_575;

export const SQL_TYPES: Record<ColumnType, string> = {
  string: "VARCHAR",
  integer: "INTEGER",
  number: "DOUBLE",
  boolean: "BOOLEAN",
};

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** DuckDB struct/column type list of a table's columns, as read_json's `columns` wants it. */
export function jsonColumns(columns: readonly ColumnSpec[], list = false): string {
  return `{${columns.map((c) => `${literal(c.name)}: '${SQL_TYPES[c.type]}${list ? "[]" : ""}'`).join(", ")}}`;
}

/** Parquet writer options of every published file: ZSTD, row groups of 64 Ki rows. */
export const PARQUET_OPTIONS = "FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 65536";

export interface TableFiles {
  rows: number;
  files: OutputFile[];
}

/**
 * Writes `<out>/<name>.parquet` from `source` (any query with the table's columns, in the row
 * order to publish), and `<name>.csv` when the policy says so (a CSV left by an earlier run is
 * removed otherwise: the folder holds exactly what manifest.json lists).
 */
export async function publishTable(
  db: Engine,
  spec: TableSpec<any>,
  source: string,
  out: string,
  csv: CsvPolicy,
): Promise<TableFiles> {
  const parquet = join(out, `${spec.name}.parquet`);
  const select = spec.columns
    .map((c) => `CAST(${ident(c.name)} AS ${SQL_TYPES[c.type]}) AS ${ident(c.name)}`)
    .join(", ");
  await db.run(
    `COPY (SELECT ${select} FROM (${source})) TO ${literal(parquet)} (${PARQUET_OPTIONS})`,
  );
  const [{ n }] = (await db.rows(
    `SELECT count(*) AS n FROM read_parquet(${literal(parquet)})`,
  )) as [{ n: number }];
  const files: OutputFile[] = [
    { path: `${spec.name}.parquet`, ...(await digestOf(parquet)), rows: n },
  ];
  const csvPath = join(out, `${spec.name}.csv`);
  if (csv === "all" || (csv === "auto" && n <= SPREADSHEET_ROWS)) {
    files.push({
      path: `${spec.name}.csv`,
      ...(await writeCsv(db, spec, parquet, csvPath)),
      rows: n,
    });
  } else rmSync(csvPath, { force: true });
  return { rows: n, files };
}

/** The CSV of a published Parquet file: DuckDB writes it (RFC 4180 quoting, LF rows, NULL as an
 *  empty cell), string cells made formula-safe; the BOM, which DuckDB does not write, goes in
 *  front as the file is copied into place and hashed. */
async function writeCsv(
  db: Engine,
  spec: TableSpec<any>,
  parquet: string,
  file: string,
): Promise<{ sha256: string; bytes: number }> {
  const cells = spec.columns
    .map((c) =>
      c.type === "string" ? `formula_safe(${ident(c.name)}) AS ${ident(c.name)}` : ident(c.name),
    )
    .join(", ");
  const body = `${file}.body.tmp`;
  // Rows in the Parquet file's order, said explicitly: DuckDB's parallel CSV writer does not keep
  // a scan's order on its own (4 threads shuffled terms.csv at 300 speeches; Parquet kept it).
  await db.run(
    `COPY (SELECT ${cells} FROM read_parquet(${literal(parquet)}, file_row_number = true) ORDER BY file_row_number) TO ${literal(body)} (FORMAT csv, HEADER true, DELIMITER ',', QUOTE '"', ESCAPE '"', NEW_LINE '\\n')`,
  );
  const hash = createHash("sha256");
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  tap.write(Buffer.from("\uFEFF"));
  await pipeline(createReadStream(body), tap, createWriteStream(file));
  rmSync(body, { force: true });
  return { sha256: hash.digest("hex"), bytes };
}

export async function digestOf(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest("hex"), bytes };
}

/** Rows held in memory as a query: written as JSON lines with the table's columns to `dir`,
 *  read back typed by the contract. */
export function rowsSource(spec: TableSpec<any>, rows: readonly unknown[], dir: string): string {
  const file = join(dir, `${spec.name}.rows.json`);
  const lines = rows.map((r) => {
    const row = r as Record<string, unknown>;
    for (const c of spec.columns) {
      if (row[c.name] === undefined) throw new Error(`${spec.name}: row lacks column ${c.name}`);
      if (row[c.name] === null && !c.nullable)
        throw new Error(`${spec.name}: null in non-nullable column ${c.name}`);
    }
    return JSON.stringify(Object.fromEntries(spec.columns.map((c) => [c.name, row[c.name]])));
  });
  writeFileSync(file, lines.join("\n") + "\n");
  if (rows.length === 0)
    return `SELECT ${spec.columns.map((c) => `NULL::${SQL_TYPES[c.type]} AS ${ident(c.name)}`).join(", ")} WHERE false`;
  return `SELECT * FROM read_json(${literal(file)}, format = 'newline_delimited', columns = ${jsonColumns(spec.columns)})`;
}
