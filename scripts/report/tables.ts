// Reads the pipeline's published tables for a report: Parquet → Arrow → plain rows (numbers, not BigInt).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { readParquet } from "parquet-wasm";
import {
  plainRows,
  type FormulationLike,
  type HitLike,
  type SpeechLike,
  type ThemeLike,
  type ThemeScoreLike,
} from "../../src/embed/series.js";

export interface ReportTables {
  speeches: SpeechLike[];
  themes: ThemeLike[];
  themeScores: ThemeScoreLike[];
  formulations: FormulationLike[];
  formulationHits: HitLike[];
  manifest: {
    corpus?: { name?: string };
    pipeline?: { version?: string };
    lexicons?: Record<string, string>;
  };
}

function readTable<T>(dir: string, name: string): T[] {
  const path = join(dir, `${name}.parquet`);
  if (!existsSync(path)) throw new Error(`${path} is missing: not a pipeline output folder`);
  return plainRows<T>(
    tableFromIPC(readParquet(new Uint8Array(readFileSync(path))).intoIPCStream()),
  );
}

export function readReportTables(dir: string): ReportTables {
  return {
    speeches: readTable<SpeechLike>(dir, "speeches"),
    themes: readTable<ThemeLike>(dir, "themes"),
    // Whole-speech rows only: the briefing charts never draw sections.
    themeScores: readTable<ThemeScoreLike>(dir, "theme_scores").filter(
      (d) => d.section_id === "_all",
    ),
    formulations: readTable<FormulationLike>(dir, "formulations"),
    formulationHits: readTable<HitLike>(dir, "formulation_hits").map(
      ({ speech_id, formulation_id }) => ({ speech_id, formulation_id }),
    ),
    manifest: JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")),
  };
}
