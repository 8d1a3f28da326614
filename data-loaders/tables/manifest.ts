import type { ManifestRow } from "../types.ts";
import { defineTable } from "./spec.ts";

export const manifestTable = defineTable<ManifestRow>({
  name: "manifest",
  title: "Manifest 输入文件清单",
  grain: "one row per input file found in the corpus folder, whatever became of it",
  primaryKey: ["path"],
  columns: [
    { name: "path", type: "string", description: "Path relative to the corpus folder." },
    { name: "sha256", type: "string", description: "SHA-256 of the file's bytes." },
    { name: "bytes", type: "integer", description: "File size in bytes." },
    {
      name: "encoding",
      type: "string",
      nullable: true,
      description: "Detected encoding (utf-8, utf-8-bom, utf-16le, utf-16be, gb18030, docx).",
    },
    {
      name: "status",
      type: "string",
      enum: ["ingested", "duplicate", "quarantined"],
      description: "What became of the file.",
    },
    {
      name: "reason",
      type: "string",
      nullable: true,
      description: "Why a file was quarantined or counted as a duplicate.",
    },
    {
      name: "speech_id",
      type: "string",
      nullable: true,
      description: "Speech the file became (ingested) or duplicates (duplicate).",
    },
    {
      name: "similarity",
      type: "number",
      nullable: true,
      description:
        "Near duplicates: Jaccard similarity of character 5-gram shingles to the kept file.",
    },
  ],
  invariants: [
    "every file under the corpus folder has exactly one row",
    "status = 'quarantined' exactly when speech_id is null",
    "status = 'ingested' rows and speeches rows correspond one to one",
  ],
});
