// Publishing rows held in memory: every table as Parquet and CSV, then datapackage.json and
// manifest.json. The streaming path for large corpora (pipeline/finish.ts) writes the same bytes;
// this one is the plain reference it is tested against. Nothing here carries a clock or a machine
// path, so two runs on the same input give byte-identical folders.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { TableSpec } from "../tables/spec.ts";
import type { ManifestRow } from "../types.ts";
import { toCsv } from "./csv.ts";
import { sha256, writePackageFiles, type OutputFile } from "./package-files.ts";
import { toParquet } from "./parquet.ts";

export type { OutputFile } from "./package-files.ts";

export interface PublishedTable {
  spec: TableSpec<any>;
  rows: readonly unknown[];
}

export interface PublishInfo {
  /** Name of the corpus folder (its last path segment; never an absolute path). */
  corpusName: string;
  lexicons: Record<string, string>;
  manifest: readonly ManifestRow[];
}

export async function writeOutputs(
  outDir: string,
  tables: readonly PublishedTable[],
  info: PublishInfo,
): Promise<OutputFile[]> {
  await mkdir(outDir, { recursive: true });
  const outputs: OutputFile[] = [];
  const put = async (name: string, data: Uint8Array | string, rows: number) => {
    await writeFile(join(outDir, name), data);
    const bytes = typeof data === "string" ? Buffer.byteLength(data) : data.byteLength;
    outputs.push({ path: name, sha256: sha256(data), bytes, rows });
  };
  for (const { spec, rows } of tables) {
    await put(`${spec.name}.parquet`, toParquet(spec, rows), rows.length);
    await put(`${spec.name}.csv`, toCsv(spec, rows), rows.length);
  }
  await writePackageFiles(
    outDir,
    tables.map((t) => t.spec),
    outputs,
    { ...info, rowCounts: Object.fromEntries(tables.map((t) => [t.spec.name, t.rows.length])) },
  );
  return outputs;
}
