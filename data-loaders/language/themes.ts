// Theme scores: how much of each leaf section (and of the whole speech) is about each
// codebook theme, counted as term hits. All themes' terms are matched together,
// longest-first and without overlap, so a stretch of text counts for one theme only
// (干部队伍建设 is one cadres hit, never also a bare 建设 elsewhere).

import type { ThemeRow, ThemeScoreRow } from "../types.ts";
import type { Codebook } from "./codebook.ts";
import { buildMatcher } from "./matcher.ts";
// The speeches table's definition of a Han character, so section rates and speech rates agree.
import { countHan } from "../describe/text-stats.ts";

export interface ThemeHit {
  theme_id: string;
  /** The codebook term, or the regex source for a pattern hit. */
  term: string;
  /** Offsets into the text given to findThemeHits (UTF-16, half-open). */
  start: number;
  end: number;
}

export interface LeafSpan {
  section_id: string;
  start: number;
  end: number;
}

/** Section id of the whole-speech rows. */
export const ALL_SECTIONS = "_all";

export function themeRows(codebook: Codebook): ThemeRow[] {
  return codebook.themes.map((t) => ({
    theme_id: t.id,
    zh: t.zh,
    en: t.en,
    description: t.description,
    terms: JSON.stringify([...t.terms, ...t.patterns.map((p) => `/${p}/`)]),
    codebook_version: codebook.version,
  }));
}

/** A reusable scanner for one codebook: the trie is built once, not per section. */
export function themeScanner(codebook: Codebook): (text: string, offset?: number) => ThemeHit[] {
  const matcher = buildMatcher(codebook.themes.map((t) => ({ id: t.id, patterns: t.terms })));
  const regexes = codebook.themes.flatMap((t) =>
    t.patterns.map((p) => ({ id: t.id, source: p, re: new RegExp(p, "gu") })),
  );
  return (text, offset = 0) => {
    const hits: ThemeHit[] = matcher
      .findAll(text, offset)
      .map((m) => ({ theme_id: m.id, term: m.pattern, start: m.start, end: m.end }));
    const literal = hits.length;
    for (const { id, source, re } of regexes) {
      for (const m of text.matchAll(re)) {
        if (m[0].length === 0) continue;
        hits.push({
          theme_id: id,
          term: source,
          start: m.index + offset,
          end: m.index + m[0].length + offset,
        });
      }
    }
    // The matcher's hits alone are already leftmost-longest, in order and disjoint: what
    // nonOverlapping would return (most spans have no pattern hit).
    return hits.length === literal ? hits : nonOverlapping(hits);
  };
}

/** Leftmost-longest selection over literal and pattern hits together (ties: earlier theme entry). */
function nonOverlapping(hits: ThemeHit[]): ThemeHit[] {
  const sorted = hits
    .map((h, i) => ({ h, i }))
    .sort((a, b) => a.h.start - b.h.start || b.h.end - a.h.end || a.i - b.i);
  const out: ThemeHit[] = [];
  let end = -Infinity;
  for (const { h } of sorted) {
    if (h.start >= end) {
      out.push(h);
      end = h.end;
    }
  }
  return out;
}

export function findThemeHits(text: string, codebook: Codebook): ThemeHit[] {
  return themeScanner(codebook)(text);
}

/**
 * One row per (leaf section, theme) and per ("_all", theme), zero rows included so shares
 * sum to 1 wherever there are hits. Each leaf is scanned on its own, so a hit never straddles
 * two sections; "_all" is the sum over the given leaves (the leaves of a speech tile its
 * cleaned text). With no leaves, "_all" covers the whole text.
 */
export function scoreThemes(
  speechId: string,
  text: string,
  leafSections: readonly LeafSpan[],
  codebook: Codebook,
  scan = themeScanner(codebook),
): ThemeScoreRow[] {
  const themeIds = codebook.themes.map((t) => t.id);
  const spans: LeafSpan[] =
    leafSections.length > 0
      ? [...leafSections]
      : [{ section_id: ALL_SECTIONS, start: 0, end: text.length }];
  const totalHits = new Map<string, number>(themeIds.map((id) => [id, 0]));
  let totalHan = 0;
  const rows: ThemeScoreRow[] = [];

  for (const span of spans) {
    const slice = text.slice(span.start, span.end);
    const hits = countBy(scan(slice, span.start), themeIds);
    const han = countHan(slice);
    totalHan += han;
    for (const [id, n] of hits) totalHits.set(id, (totalHits.get(id) ?? 0) + n);
    if (leafSections.length > 0)
      rows.push(...sectionRows(speechId, span.section_id, hits, han, themeIds));
  }
  rows.push(...sectionRows(speechId, ALL_SECTIONS, totalHits, totalHan, themeIds));
  return rows;
}

function countBy(hits: readonly ThemeHit[], themeIds: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>(themeIds.map((id) => [id, 0]));
  for (const h of hits) counts.set(h.theme_id, (counts.get(h.theme_id) ?? 0) + 1);
  return counts;
}

function sectionRows(
  speechId: string,
  sectionId: string,
  hits: ReadonlyMap<string, number>,
  hanChars: number,
  themeIds: readonly string[],
): ThemeScoreRow[] {
  const coded = [...hits.values()].reduce((a, b) => a + b, 0);
  const dominant = dominantTheme(hits, themeIds);
  return themeIds.map((id) => {
    const n = hits.get(id) ?? 0;
    return {
      speech_id: speechId,
      section_id: sectionId,
      theme_id: id,
      hits: n,
      han_chars: hanChars,
      rate_per_10k: hanChars > 0 ? (n / hanChars) * 10_000 : 0,
      share: coded > 0 ? n / coded : 0,
      dominant: id === dominant,
    };
  });
}

/** Most hits wins; ties go to the theme listed first in the codebook; none without hits. */
export function dominantTheme(
  hits: ReadonlyMap<string, number>,
  themeIds: readonly string[],
): string | null {
  let best: string | null = null;
  let bestN = 0;
  for (const id of themeIds) {
    const n = hits.get(id) ?? 0;
    if (n > bestN) {
      best = id;
      bestN = n;
    }
  }
  return best;
}
