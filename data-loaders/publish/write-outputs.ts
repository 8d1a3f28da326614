// The publishing edge: every table as Parquet and CSV, then datapackage.json and manifest.json.
// Nothing here carries a clock or a machine path, so two runs on the same input give
// byte-identical folders.
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { TableSpec } from "../tables/spec.ts";
import type { ManifestRow } from "../types.ts";
import { PIPELINE_VERSION } from "../version.ts";
import { toCsv } from "./csv.ts";
import { buildDataPackage } from "./datapackage.ts";
import { toParquet } from "./parquet.ts";

export interface PublishedTable {
  spec: TableSpec<any>;
  rows: readonly unknown[];
}

export interface OutputFile {
  path: string;
  sha256: string;
  bytes: number;
  rows: number | null;
}

export interface PublishInfo {
  /** Name of the corpus folder (its last path segment; never an absolute path). */
  corpusName: string;
  lexicons: Record<string, string>;
  manifest: readonly ManifestRow[];
}

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");

function jsonBytes(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}

export async function writeOutputs(
  outDir: string,
  tables: readonly PublishedTable[],
  info: PublishInfo,
): Promise<OutputFile[]> {
  await mkdir(outDir, { recursive: true });
  const outputs: OutputFile[] = [];
  const put = async (name: string, data: Uint8Array | string, rows: number | null) => {
    await writeFile(join(outDir, name), data);
    const bytes = typeof data === "string" ? Buffer.byteLength(data) : data.byteLength;
    outputs.push({ path: name, sha256: sha256(data), bytes, rows });
  };

  for (const { spec, rows } of tables) {
    await put(`${spec.name}.parquet`, toParquet(spec, rows), rows.length);
    await put(`${spec.name}.csv`, toCsv(spec, rows), rows.length);
  }

  const rowCounts = Object.fromEntries(tables.map((t) => [t.spec.name, t.rows.length]));
  const pkg = buildDataPackage(
    tables.map((t) => t.spec),
    { name: `speech-atlas-${slug(info.corpusName)}`, version: PIPELINE_VERSION, lexicons: info.lexicons, rowCounts },
  );
  await put("datapackage.json", jsonBytes(pkg), null);

  const manifest = {
    pipeline: { name: "speech-atlas", version: PIPELINE_VERSION },
    lexicons: info.lexicons,
    corpus: {
      name: info.corpusName,
      files: info.manifest.length,
      ingested: info.manifest.filter((m) => m.status === "ingested").length,
      duplicates: info.manifest.filter((m) => m.status === "duplicate").length,
      quarantined: info.manifest.filter((m) => m.status === "quarantined").length,
    },
    inputs: info.manifest.map((m) => ({
      path: m.path,
      sha256: m.sha256,
      bytes: m.bytes,
      encoding: m.encoding,
      status: m.status,
      reason: m.reason,
      speech_id: m.speech_id,
    })),
    outputs: [...outputs],
  };
  // manifest.json describes the other outputs, so it is the one file not listed in itself.
  const manifestJson = jsonBytes(manifest);
  await writeFile(join(outDir, "manifest.json"), manifestJson);
  outputs.push({ path: "manifest.json", sha256: sha256(manifestJson), bytes: Buffer.byteLength(manifestJson), rows: null });
  return outputs;
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "corpus";
}
