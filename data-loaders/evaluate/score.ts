// Scores one published output against gold annotations: pure functions over rows already read.
// Metric definitions (README "Checking accuracy"): title exact after removing whitespace; genre,
// level, year exact (an empty year is right only when the gold year is empty too); level-1
// precision/recall/F1 and level-2 recall by one-to-one heading matching (headings.ts); level-2
// headings count only under the predicted level-1 section matched to their gold parent; a
// labelled section's theme is the dominant theme over its whole span (all leaves inside it).
import type { GoldEntry } from "./gold.ts";
import { headingMatchScore, matchHeadings, squeeze } from "./headings.ts";

export interface PredictedSpeech {
  speech_id: string;
  source_file: string;
  title: string | null;
  genre: string;
  level: string;
  year: number | null;
  year_conflict: boolean;
}

export interface PredictedSection {
  speech_id: string;
  section_id: string;
  parent_id: string | null;
  level: number;
  kind: string;
  heading: string | null;
  start: number;
  end: number;
  is_leaf: boolean;
}

export interface PredictedThemeScore {
  speech_id: string;
  section_id: string;
  theme_id: string;
  hits: number;
}

export interface Check<T> {
  gold: T;
  predicted: T | null;
  ok: boolean;
}

export interface FileScore {
  file: string;
  /** False when the output has no speech for this file (not ingested, or a duplicate). */
  found: boolean;
  title: Check<string | null>;
  genre: Check<string>;
  level: Check<string>;
  year: Check<number | null>;
  /** Null when the gold does not annotate a conflict. */
  year_conflict: Check<boolean> | null;
  l1: { gold: number; predicted: number; matched: number; missed: string[]; extra: string[] };
  l2: { gold: number; matched: number; missed: string[] };
  themes: { labelled: number; matched: number; misses: string[] };
}

const byStart = (a: PredictedSection, b: PredictedSection) => a.start - b.start;

export function scoreFile(
  gold: GoldEntry,
  speech: PredictedSpeech | undefined,
  sections: readonly PredictedSection[],
  themeScores: readonly PredictedThemeScore[],
  themeOrder: readonly string[],
): FileScore {
  const check = <T>(g: T, p: T | null, same: (a: T, b: T | null) => boolean): Check<T> => ({
    gold: g,
    predicted: p,
    ok: speech !== undefined && same(g, p),
  });
  const headings = sections.filter((s) => s.kind === "heading").sort(byStart);
  const l1 = headings.filter((s) => s.level === 1);
  const l1Match = matchHeadings(
    l1.map((s) => s.heading),
    gold.l1_headings,
  );
  const matchedPredicted = new Set(l1Match.filter((p) => p >= 0));

  let l2Gold = 0;
  let l2Matched = 0;
  const l2Missed: string[] = [];
  (gold.l2_headings ?? []).forEach((list, gi) => {
    l2Gold += list.length;
    const parent = l1Match[gi]! >= 0 ? l1[l1Match[gi]!]! : null;
    const children = parent
      ? headings.filter((s) => s.level === 2 && s.parent_id === parent.section_id)
      : [];
    const m = matchHeadings(
      children.map((s) => s.heading),
      list,
    );
    m.forEach((p, i) => {
      if (p >= 0) l2Matched++;
      else l2Missed.push(list[i]!);
    });
  });

  const themes = scoreSectionThemes(gold, headings, sections, themeScores, themeOrder);
  return {
    file: gold.file,
    found: speech !== undefined,
    title: check(gold.title, speech ? speech.title : null, (g, p) => squeeze(g) === squeeze(p)),
    genre: check(gold.genre, speech?.genre ?? null, (g, p) => g === p),
    level: check(gold.level, speech?.level ?? null, (g, p) => g === p),
    year: check(gold.year, speech ? speech.year : null, (g, p) => (g ?? null) === (p ?? null)),
    year_conflict:
      gold.year_conflict === undefined || gold.year_conflict === null
        ? null
        : check(gold.year_conflict, speech?.year_conflict ?? null, (g, p) => g === p),
    l1: {
      gold: gold.l1_headings.length,
      predicted: l1.length,
      matched: matchedPredicted.size,
      missed: gold.l1_headings.filter((_, i) => l1Match[i] === -1),
      extra: l1.filter((_, i) => !matchedPredicted.has(i)).map((s) => s.heading ?? ""),
    },
    l2: { gold: l2Gold, matched: l2Matched, missed: l2Missed },
    themes,
  };
}

function scoreSectionThemes(
  gold: GoldEntry,
  headings: readonly PredictedSection[],
  sections: readonly PredictedSection[],
  themeScores: readonly PredictedThemeScore[],
  themeOrder: readonly string[],
): FileScore["themes"] {
  const labels = gold.section_themes ?? [];
  const misses: string[] = [];
  let matched = 0;
  for (const label of labels) {
    let best: PredictedSection | null = null;
    let bestScore = 0;
    for (const s of headings) {
      const score = headingMatchScore(s.heading, label.heading);
      if (score > bestScore) [best, bestScore] = [s, score];
    }
    if (!best) {
      misses.push(`${label.heading}: no such section (gold ${label.theme})`);
      continue;
    }
    const node = best;
    const inside = new Set(
      sections
        .filter((s) => s.is_leaf && s.start >= node.start && s.end <= node.end)
        .map((s) => s.section_id),
    );
    const hits = new Map<string, number>();
    for (const r of themeScores)
      if (inside.has(r.section_id)) hits.set(r.theme_id, (hits.get(r.theme_id) ?? 0) + r.hits);
    const predicted = dominantTheme(hits, themeOrder);
    if (predicted === label.theme) matched++;
    else misses.push(`${label.heading}: gold ${label.theme}, predicted ${predicted ?? "none"}`);
  }
  return { labelled: labels.length, matched, misses };
}

/** Most hits; ties go to the theme listed first in the codebook; null when nothing was hit. */
export function dominantTheme(
  hits: ReadonlyMap<string, number>,
  order: readonly string[],
): string | null {
  let best: string | null = null;
  let bestHits = 0;
  for (const id of order) {
    const n = hits.get(id) ?? 0;
    if (n > bestHits) [best, bestHits] = [id, n];
  }
  return best;
}

export interface Ratio {
  right: number;
  of: number;
}

export interface OverallScore {
  files: number;
  found: number;
  title: Ratio;
  genre: Ratio;
  level: Ratio;
  year: Ratio;
  year_conflict: Ratio;
  l1: {
    gold: number;
    predicted: number;
    matched: number;
    precision: number;
    recall: number;
    f1: number;
  };
  l2: { gold: number; matched: number; recall: number };
  themes: Ratio;
}

/** Micro-averaged over files: heading counts are summed before precision and recall are taken. */
export function summarize(files: readonly FileScore[]): OverallScore {
  const ratio = (pick: (f: FileScore) => Check<unknown> | null): Ratio => {
    const checks = files.map(pick).filter((c): c is Check<unknown> => c !== null);
    return { right: checks.filter((c) => c.ok).length, of: checks.length };
  };
  const sum = (pick: (f: FileScore) => number) => files.reduce((n, f) => n + pick(f), 0);
  const gold = sum((f) => f.l1.gold);
  const predicted = sum((f) => f.l1.predicted);
  const matched = sum((f) => f.l1.matched);
  // An empty side is perfect by convention: no headings claimed, none missed.
  const precision = predicted === 0 ? 1 : matched / predicted;
  const recall = gold === 0 ? 1 : matched / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const l2Gold = sum((f) => f.l2.gold);
  const l2Matched = sum((f) => f.l2.matched);
  return {
    files: files.length,
    found: files.filter((f) => f.found).length,
    title: ratio((f) => f.title),
    genre: ratio((f) => f.genre),
    level: ratio((f) => f.level),
    year: ratio((f) => f.year),
    year_conflict: ratio((f) => f.year_conflict),
    l1: { gold, predicted, matched, precision, recall, f1 },
    l2: { gold: l2Gold, matched: l2Matched, recall: l2Gold === 0 ? 1 : l2Matched / l2Gold },
    themes: {
      right: sum((f) => f.themes.matched),
      of: sum((f) => f.themes.labelled),
    },
  };
}
