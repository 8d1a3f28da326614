// Reads the tables evaluate needs from a published output folder (the I/O edge of evaluate).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { readParquet } from "parquet-wasm";
import type { PredictedSection, PredictedSpeech, PredictedThemeScore } from "./score.ts";

export interface PublishedOutput {
  speeches: PredictedSpeech[];
  sections: PredictedSection[];
  themeScores: PredictedThemeScore[];
  themeOrder: string[];
}

function readRows(dir: string, table: string): Record<string, unknown>[] {
  const path = join(dir, `${table}.parquet`);
  if (!existsSync(path))
    throw new Error(`${path} not found: is --out a folder the data command wrote?`);
  const arrow = tableFromIPC(readParquet(new Uint8Array(readFileSync(path))).intoIPCStream());
  return arrow.toArray().map((r) => r.toJSON() as Record<string, unknown>);
}

// Integer columns may arrive as BigInt depending on the writer's physical type.
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export function readPublishedOutput(dir: string): PublishedOutput {
  const speeches = readRows(dir, "speeches").map((r) => ({
    speech_id: String(r.speech_id),
    source_file: String(r.source_file),
    title: str(r.title),
    genre: String(r.genre),
    level: String(r.level),
    year: num(r.year),
    year_conflict: Boolean(r.year_conflict),
  }));
  const sections = readRows(dir, "sections").map((r) => ({
    speech_id: String(r.speech_id),
    section_id: String(r.section_id),
    parent_id: str(r.parent_id),
    level: num(r.level) ?? 0,
    kind: String(r.kind),
    heading: str(r.heading),
    start: num(r.start) ?? 0,
    end: num(r.end) ?? 0,
    is_leaf: Boolean(r.is_leaf),
  }));
  const themeScores = readRows(dir, "theme_scores")
    .filter((r) => r.section_id !== "_all")
    .map((r) => ({
      speech_id: String(r.speech_id),
      section_id: String(r.section_id),
      theme_id: String(r.theme_id),
      hits: num(r.hits) ?? 0,
    }));
  const themeOrder = readRows(dir, "themes").map((r) => String(r.theme_id));
  return { speeches, sections, themeScores, themeOrder };
}
