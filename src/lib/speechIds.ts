// Node-side (config and loaders only): the ingested speech ids of the pipeline output the site is
// built from. Read from manifest.json, which is small JSON, so the config needs no Parquet reader.
import { existsSync, readFileSync } from "node:fs";
import { outDir } from "../../scripts/site/pipeline-out.ts";

interface ManifestJson {
  inputs?: { status: string; speech_id: string | null }[];
}

/** Speech ids safe to use as file names: the pipeline's ids are content hashes ("s" + hex). */
export const SPEECH_ID = /^[A-Za-z0-9_-]+$/;

export function readSpeechIds(dir: string = outDir()): string[] {
  const path = `${dir}/manifest.json`;
  if (!existsSync(path)) return [];
  const manifest = JSON.parse(readFileSync(path, "utf8")) as ManifestJson;
  const ids = (manifest.inputs ?? [])
    .filter((i) => i.status === "ingested" && i.speech_id)
    .map((i) => i.speech_id!);
  return [...new Set(ids)].filter((id) => SPEECH_ID.test(id)).sort();
}
