// Heading matching for evaluation: whitespace- and HTML-entity-insensitive, and lenient about where a heading
// ends, because annotators and the segmenter legitimately disagree on that (a heading line
// copied whole vs. an inline lead cut at its first full stop), but strict about where it starts.
import { decodeEntities } from "../ingest/entities.ts";

/** Entities decoded and whitespace of any width removed: gold and output differ in both. */
export function squeeze(s: string | null | undefined): string {
  // Annotators copy headings from the raw page (`&mdash;&mdash;我们要…`); the output is decoded.
  return decodeEntities(s ?? "").replace(/\s+/gu, "");
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * How strongly two headings match: the length of their common prefix when it counts as a match
 * (at least 6 characters, or the whole of the shorter heading), otherwise 0.
 */
export function headingMatchScore(predicted: string | null, gold: string): number {
  const a = squeeze(predicted);
  const b = squeeze(gold);
  if (a.length === 0 || b.length === 0) return 0;
  const p = commonPrefix(a, b);
  return p >= 6 || p === Math.min(a.length, b.length) ? p : 0;
}

/**
 * One-to-one matching of predicted to gold headings. Pairs are taken greedily by the longest
 * common prefix (ties: nearest in order, then earliest), so parallel headings that share a long
 * opening (这是…必由之路 / 这是…光明之路) pair with their own counterpart first.
 * Returns, for each gold heading, the index of its predicted match or -1.
 */
export function matchHeadings(
  predicted: readonly (string | null)[],
  gold: readonly string[],
): number[] {
  const pairs: { g: number; p: number; score: number }[] = [];
  gold.forEach((g, gi) =>
    predicted.forEach((p, pi) => {
      const score = headingMatchScore(p, g);
      if (score > 0) pairs.push({ g: gi, p: pi, score });
    }),
  );
  pairs.sort(
    (x, y) =>
      y.score - x.score || Math.abs(x.g - x.p) - Math.abs(y.g - y.p) || x.g - y.g || x.p - y.p,
  );
  const goldTo = new Array<number>(gold.length).fill(-1);
  const used = new Set<number>();
  for (const { g, p } of pairs) {
    if (goldTo[g] !== -1 || used.has(p)) continue;
    goldTo[g] = p;
    used.add(p);
  }
  return goldTo;
}
