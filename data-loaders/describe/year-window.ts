// Intersects the windows of the anchors found in a text. Anchors can disagree (a 2023 speech that
// looks back on 决战脱贫攻坚 in 2020): the window kept is the one most distinct anchors agree on;
// the others are dropped and reported as conflicts, never allowed to empty the window.
import type { Anchor } from "./anchors.ts";

export interface YearWindow {
  year_min: number | null;
  year_max: number | null;
  /** The single year stated by a kept "year of X" anchor (十三五收官之年 → 2020), if any. */
  single: number | null;
  kept: Anchor[];
  dropped: Anchor[];
}

const lo = (a: Anchor) => a.not_before ?? -Infinity;
const hi = (a: Anchor) => a.not_after ?? Infinity;

export function intersectAnchors(anchors: readonly Anchor[]): YearWindow {
  const distinct = [...new Map(anchors.map((a) => [a.id, a])).values()];
  if (distinct.length === 0)
    return { year_min: null, year_max: null, single: null, kept: [], dropped: [] };
  // The best-supported year lies on some anchor's bound, so those are the only candidates.
  const candidates = new Set<number>();
  for (const a of distinct) {
    if (a.not_before !== null) candidates.add(a.not_before);
    if (a.not_after !== null) candidates.add(a.not_after);
  }
  let best: { kept: Anchor[]; width: number; year: number } | null = null;
  for (const y of [...candidates].sort((a, b) => a - b)) {
    const kept = distinct.filter((a) => lo(a) <= y && y <= hi(a));
    const width = Math.min(...kept.map(hi)) - Math.max(...kept.map(lo));
    // More agreeing anchors win; then the narrower window; then the earlier year (sorted order).
    if (
      !best ||
      kept.length > best.kept.length ||
      (kept.length === best.kept.length && width < best.width)
    )
      best = { kept, width, year: y };
  }
  const kept = best?.kept ?? [];
  const lows = kept.map((a) => a.not_before).filter((v): v is number => v !== null);
  const highs = kept.map((a) => a.not_after).filter((v): v is number => v !== null);
  const singles = kept.map((a) => a.year).filter((v): v is number => v !== null);
  return {
    year_min: lows.length ? Math.max(...lows) : null,
    year_max: highs.length ? Math.min(...highs) : null,
    single: singles[0] ?? null,
    kept,
    dropped: distinct.filter((a) => !kept.includes(a)),
  };
}

/** A closed window this narrow (two consecutive years) still names a year: its first. */
const MAX_PINNED_WIDTH = 1;

/**
 * The year the content implies: a kept single-year anchor, or the first year of a closed window
 * of at most two years (9800多万名党员 and the 2023 主题教育 → 2023–2024: phrases are used soon
 * after they appear). An open window implies no year: anchors mostly say "after X happened"
 * (党的二十大 → ≥2022) and a speech may use a phrase for years; the window is reported instead.
 */
export function contentYear(w: YearWindow): number | null {
  if (w.single !== null) return w.single;
  if (w.year_min === null || w.year_max === null) return null;
  return w.year_max - w.year_min <= MAX_PINNED_WIDTH ? w.year_min : null;
}

/**
 * An open window whose lower bound is a plenum's (cited_until set) closes at the next plenum or
 * congress: a text cites the latest plenum's guidance (深入学习贯彻党的二十届三中全会精神), so one
 * citing nothing later was given before the next was held. Weak evidence by design: the caller
 * uses it only when no year is stated, and an anchor's own upper bound always wins.
 */
export function closeByLatestPlenum(w: YearWindow): { window: YearWindow; by: Anchor } | null {
  if (w.year_min === null || w.year_max !== null || w.single !== null) return null;
  const by = w.kept.find((a) => a.cited_until !== null && a.not_before === w.year_min);
  if (!by || by.cited_until === null) return null;
  return { window: { ...w, year_max: by.cited_until }, by };
}

export function windowContains(w: YearWindow, year: number): boolean {
  return (w.year_min === null || year >= w.year_min) && (w.year_max === null || year <= w.year_max);
}
