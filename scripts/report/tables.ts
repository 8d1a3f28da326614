// Reads the pipeline's published tables for a report: Parquet → Arrow → plain rows (numbers, not BigInt).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { readParquet } from "parquet-wasm";
import type { HitRow, SentenceRow } from "./examples.ts";
import type { PassageLike } from "./reuse.ts";
import type { ReuseGroupLike } from "../../src/lib/reuse.js";
import {
  plainRows,
  type HitLike,
  type FormulationLike,
  type SpeechLike,
  type ThemeLike,
  type ThemeScoreLike,
} from "../../src/charts/params.js";

export interface ReportTables {
  /** For example sentences: the sentences (text and offsets) and the hits with their sentence. */
  sentences: SentenceRow[];
  hits: HitRow[];
  speeches: SpeechLike[];
  themes: ThemeLike[];
  themeScores: ThemeScoreLike[];
  formulations: FormulationLike[];
  formulationHits: HitLike[];
  /** Text reuse (empty for output without the reuse tables). */
  reuseGroups: ReuseGroupLike[];
  reusePassages: PassageLike[];
  manifest: {
    corpus?: { name?: string };
    pipeline?: { version?: string };
    lexicons?: Record<string, string>;
  };
}

function readTable<T>(dir: string, name: string, columns?: string[]): T[] {
  const path = join(dir, `${name}.parquet`);
  if (!existsSync(path)) throw new Error(`${path} is missing: not a pipeline output folder`);
  return plainRows<T>(
    tableFromIPC(
      readParquet(
        new Uint8Array(readFileSync(path)),
        columns ? { columns } : undefined,
      ).intoIPCStream(),
    ),
  );
}

/** A table that older outputs lack: no file, no rows. */
function readOptional<T>(dir: string, name: string, columns?: string[]): T[] {
  return existsSync(join(dir, `${name}.parquet`)) ? readTable<T>(dir, name, columns) : [];
}

export function readReportTables(dir: string): ReportTables {
  const hits = readTable<HitRow>(dir, "formulation_hits", [
    "speech_id",
    "sentence_id",
    "formulation_id",
    "start",
    "end",
  ]);
  return {
    speeches: readTable<SpeechLike>(dir, "speeches"),
    themes: readTable<ThemeLike>(dir, "themes"),
    // Whole-speech rows only: the briefing charts never draw sections.
    themeScores: readTable<ThemeScoreLike>(dir, "theme_scores").filter(
      (d) => d.section_id === "_all",
    ),
    formulations: readTable<FormulationLike>(dir, "formulations"),
    formulationHits: hits.map(({ speech_id, formulation_id }) => ({ speech_id, formulation_id })),
    hits,
    sentences: readTable<SentenceRow>(dir, "sentences", [
      "speech_id",
      "sentence_id",
      "start",
      "end",
      "text",
    ]),
    reuseGroups: readOptional<ReuseGroupLike>(dir, "reuse_groups"),
    reusePassages: readOptional<PassageLike>(dir, "reuse_passages"),
    manifest: JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")),
  };
}
