// Node-side (Framework loaders only): which codebook terms made a speech's theme scores, section
// by section. Runs the pipeline's own scanner (data-loaders/language/themes.ts themeScanner)
// over each leaf section, with the codebook rebuilt from the published themes table (the one the
// scores were made with, not whatever lexicon/codebook.yaml says today), so the counts per
// theme add up to theme_scores.hits (test/browser/workbench.test.ts checks it).
import type { Codebook } from "../../data-loaders/language/codebook.ts";
import { ALL_SECTIONS, themeScanner } from "../../data-loaders/language/themes.ts";

type Row = Record<string, unknown>;

/** The run's codebook from its themes table; patterns are the `/…/` entries of `terms`. */
export function codebookOfThemes(themes: readonly Row[]): Codebook {
  const isPattern = (t: string) => t.length > 2 && t.startsWith("/") && t.endsWith("/");
  return {
    version: String(themes[0]?.codebook_version ?? ""),
    themes: themes.map((t) => {
      const entries = JSON.parse(String(t.terms)) as string[];
      return {
        id: String(t.theme_id),
        zh: String(t.zh),
        en: String(t.en),
        description: String(t.description),
        terms: entries.filter((e) => !isPattern(e)),
        patterns: entries.filter(isPattern).map((e) => e.slice(1, -1)),
      };
    }),
  };
}

/**
 * The cleaned text as far as its sentences tell it: each sentence at its offsets, the gaps
 * between them (line breaks, spaces) as newlines. Theme terms hold no whitespace, so no match
 * is gained or lost in a gap.
 */
export function textOfSentences(sentences: readonly Row[]): string {
  const sorted = [...sentences].sort((a, b) => Number(a.start) - Number(b.start));
  let text = "";
  for (const s of sorted) {
    const start = Number(s.start);
    if (start > text.length) text += "\n".repeat(start - text.length);
    text = text.slice(0, start) + String(s.text);
  }
  return text;
}

/** [theme_id, term (or regex source), hits] rows, most hits first. */
export type EvidenceRow = [string, string, number];

/**
 * Evidence of every leaf section and of the whole speech ("_all"): the codebook terms matched
 * in it and how often, as scoreThemes counts them (each leaf scanned on its own).
 */
export function themeEvidence(
  text: string,
  leaves: readonly { section_id: string; start: number; end: number }[],
  codebook: Codebook,
): Record<string, EvidenceRow[]> {
  const scan = themeScanner(codebook);
  const spans =
    leaves.length > 0 ? leaves : [{ section_id: ALL_SECTIONS, start: 0, end: text.length }];
  const out: Record<string, EvidenceRow[]> = {};
  const all = new Map<string, number>();
  for (const span of spans) {
    const counts = new Map<string, number>();
    for (const h of scan(text.slice(span.start, span.end), span.start)) {
      const key = JSON.stringify([h.theme_id, h.term]);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      all.set(key, (all.get(key) ?? 0) + 1);
    }
    if (leaves.length > 0) out[span.section_id] = rowsOf(counts);
  }
  out[ALL_SECTIONS] = rowsOf(all);
  return out;
}

function rowsOf(counts: Map<string, number>): EvidenceRow[] {
  return [...counts]
    .map(([key, n]) => [...(JSON.parse(key) as [string, string]), n] as EvidenceRow)
    .sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1));
}
