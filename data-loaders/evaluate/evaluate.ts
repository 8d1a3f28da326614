// Joins gold entries to a published output's speeches and scores each file.
import { basename } from "node:path";
import type { GoldEntry } from "./gold.ts";
import type { PublishedOutput } from "./read-output.ts";
import {
  scoreFile,
  summarize,
  type FileScore,
  type OverallScore,
  type PredictedSpeech,
} from "./score.ts";

export interface Evaluation {
  files: FileScore[];
  overall: OverallScore;
}

/**
 * Gold entries name files by their path under the corpus folder; a bare file name also finds a
 * speech in a subfolder when exactly one source file has that name.
 */
function speechFor(
  file: string,
  speeches: readonly PredictedSpeech[],
): PredictedSpeech | undefined {
  const exact = speeches.find((s) => s.source_file === file);
  if (exact) return exact;
  const same = speeches.filter((s) => basename(s.source_file) === basename(file));
  return same.length === 1 ? same[0] : undefined;
}

export function evaluate(gold: readonly GoldEntry[], output: PublishedOutput): Evaluation {
  const group = <T extends { speech_id: string }>(rows: readonly T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) {
      const list = m.get(r.speech_id);
      if (list) list.push(r);
      else m.set(r.speech_id, [r]);
    }
    return m;
  };
  const sections = group(output.sections);
  const themes = group(output.themeScores);
  const files = gold.map((g) => {
    const speech = speechFor(g.file, output.speeches);
    const id = speech?.speech_id ?? "";
    return scoreFile(g, speech, sections.get(id) ?? [], themes.get(id) ?? [], output.themeOrder);
  });
  return { files, overall: summarize(files) };
}
