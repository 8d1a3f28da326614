// Formulation hits: where each lexicon formulation occurs in a speech.
//
// Contract of `formulation_hits` (one row per match):
// - matching runs per sentence, so a hit never crosses a sentence (nor, therefore, a leaf section);
// - longest match first, leftmost, non-overlapping: 习近平新时代中国特色社会主义思想 is one hit and
//   never also 中国特色社会主义;
// - every surface form (canonical or variant) folds to its entry's formulation_id;
// - start/end are UTF-16 offsets into the cleaned text and text.slice(start, end) === matched;
// - rows are ordered by start.
import type { FormulationHitRow, FormulationRow, SentenceRow } from "../types.ts";
import { buildMatcher, type Matcher } from "./matcher.ts";
import { surfaceForms, type Lexicon } from "./lexicon.ts";

export type SentenceSpan = Pick<SentenceRow, "sentence_id" | "section_id" | "start" | "end">;

const matchers = new WeakMap<Lexicon, Matcher>();

/** One matcher per lexicon object, built on first use. */
export function formulationMatcher(lexicon: Lexicon): Matcher {
  let matcher = matchers.get(lexicon);
  if (!matcher) {
    matcher = buildMatcher(lexicon.entries.map((e) => ({ id: e.id, patterns: surfaceForms(e) })));
    matchers.set(lexicon, matcher);
  }
  return matcher;
}

export function findFormulationHits(
  speechId: string,
  text: string,
  sentences: readonly SentenceSpan[],
  lexicon: Lexicon,
): FormulationHitRow[] {
  const matcher = formulationMatcher(lexicon);
  const rows: FormulationHitRow[] = [];
  for (const s of sentences) {
    for (const m of matcher.findAll(text.slice(s.start, s.end), s.start)) {
      rows.push({
        speech_id: speechId,
        section_id: s.section_id,
        sentence_id: s.sentence_id,
        formulation_id: m.id,
        start: m.start,
        end: m.end,
        matched: m.pattern,
      });
    }
  }
  // Callers usually pass sentences in text order; sorting keeps the contract if they do not.
  return rows.sort((a, b) => a.start - b.start);
}

/** The `formulations` table: one row per lexicon entry, in lexicon order. */
export function formulationRows(lexicon: Lexicon): FormulationRow[] {
  return lexicon.entries.map((e) => ({
    formulation_id: e.id,
    canonical: e.canonical,
    variants: JSON.stringify(e.variants),
    theme: e.theme,
    gloss_en: e.gloss_en,
    lexicon_version: lexicon.version,
  }));
}
