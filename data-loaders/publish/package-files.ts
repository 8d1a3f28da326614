// The two description files of a published folder: datapackage.json (what each table is) and
// manifest.json (what went in, what came out, with hashes). manifest.json lists every other output,
// so it is written last and is the one file not listed in itself.
import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { TableSpec } from "../tables/spec.ts";
import type { ManifestRow } from "../types.ts";
import { PIPELINE_VERSION } from "../version.ts";
import { buildDataPackage } from "./datapackage.ts";

export interface OutputFile {
  path: string;
  sha256: string;
  bytes: number;
  rows: number | null;
}

export interface PackageFilesInfo {
  /** Name of the corpus folder (its last path segment; never an absolute path). */
  corpusName: string;
  lexicons: Record<string, string>;
  manifest: readonly ManifestRow[];
  rowCounts: Record<string, number>;
}

export const sha256 = (data: Uint8Array | string) =>
  createHash("sha256").update(data).digest("hex");

export function jsonBytes(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}

/** Writes datapackage.json then manifest.json, appending both to `outputs`. */
export async function writePackageFiles(
  outDir: string,
  specs: readonly TableSpec<any>[],
  outputs: OutputFile[],
  info: PackageFilesInfo,
): Promise<void> {
  const put = async (name: string, text: string) => {
    await writeFile(join(outDir, name), text);
    outputs.push({ path: name, sha256: sha256(text), bytes: Buffer.byteLength(text), rows: null });
  };
  const pkg = buildDataPackage(specs, {
    name: `speech-atlas-${slug(info.corpusName)}`,
    version: PIPELINE_VERSION,
    lexicons: info.lexicons,
    rowCounts: Object.fromEntries(specs.map((s) => [s.name, info.rowCounts[s.name] ?? 0])),
    written: new Set(outputs.map((o) => o.path)),
  });
  await put("datapackage.json", jsonBytes(pkg));

  const count = (status: ManifestRow["status"]) =>
    info.manifest.filter((m) => m.status === status).length;
  const manifest = {
    pipeline: { name: "speech-atlas", version: PIPELINE_VERSION },
    lexicons: info.lexicons,
    corpus: {
      name: info.corpusName,
      files: info.manifest.length,
      ingested: count("ingested"),
      duplicates: count("duplicate"),
      quarantined: count("quarantined"),
    },
    inputs: info.manifest.map(({ path, sha256, bytes, encoding, status, reason, speech_id }) => ({
      path,
      sha256,
      bytes,
      encoding,
      status,
      reason,
      speech_id,
    })),
    outputs: [...outputs],
  };
  await put("manifest.json", jsonBytes(manifest));
}

function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "corpus"
  );
}
