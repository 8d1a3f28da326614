// Collocations: term pairs that share sentences more often than chance. The unit is the
// sentence (a term counts once per sentence), so with N sentences:
//   p(a) = sentences containing a / N,  p(a,b) = sentences containing both / N
//   PMI  = ln(p(a,b) / (p(a) p(b)))
//   NPMI = PMI / −ln p(a,b)  ∈ [−1, 1]; 1 when a and b only ever occur together
// (when p(a,b) = 1 both terms are in every sentence and NPMI is defined as 1).

import type { CollocationRow } from "../types.ts";

export interface CollocationOptions {
  /** Minimum number of sentences containing both terms. Default 3: PMI of rarer pairs is noise. */
  minCount?: number;
}

export const DEFAULT_MIN_COOCCURRENCE = 3;

/**
 * Input: the tokens of each sentence (duplicates within a sentence are ignored). One row per
 * unordered pair with term_a < term_b in code-point order, rows ordered by term_a, term_b.
 */
export function collocations(
  sentences: Iterable<Iterable<string>>,
  options: CollocationOptions = {},
): CollocationRow[] {
  const minCount = options.minCount ?? DEFAULT_MIN_COOCCURRENCE;
  if (!(minCount >= 1)) throw new Error(`minCount must be ≥ 1: ${minCount}`);

  const sets: Set<string>[] = [];
  const df = new Map<string, number>();
  for (const sentence of sentences) {
    const set = new Set(sentence);
    sets.push(set);
    for (const t of set) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const n = sets.length;

  // A term in fewer than minCount sentences cannot be in a pair that reaches minCount: drop it
  // before the quadratic pair count. Ids follow code-point order, so id order is term_a < term_b.
  const vocab = [...df]
    .filter(([, c]) => c >= minCount)
    .map(([t]) => t)
    .sort(compareCodePoints);
  const id = new Map(vocab.map((t, i) => [t, i]));
  const k = vocab.length;
  const pairs = new Map<number, number>();
  for (const set of sets) {
    const ids: number[] = [];
    for (const t of set) {
      const i = id.get(t);
      if (i !== undefined) ids.push(i);
    }
    ids.sort((a, b) => a - b);
    for (let x = 0; x < ids.length; x++) {
      for (let y = x + 1; y < ids.length; y++) {
        const key = ids[x]! * k + ids[y]!;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
    }
  }

  const rows: CollocationRow[] = [];
  for (const [key, count] of pairs) {
    if (count < minCount) continue;
    const a = vocab[Math.floor(key / k)]!;
    const b = vocab[key % k]!;
    const pab = count / n;
    const pmi = Math.log(pab / ((df.get(a)! / n) * (df.get(b)! / n)));
    const npmi = pab === 1 ? 1 : pmi / -Math.log(pab);
    rows.push({ term_a: a, term_b: b, count, pmi, npmi });
  }
  return rows.sort(
    (r, s) => compareCodePoints(r.term_a, s.term_a) || compareCodePoints(r.term_b, s.term_b),
  );
}

/**
 * Code-point order (what the tables promise). Plain `<` compares UTF-16 code units, which puts
 * astral characters (surrogates, U+D800–DFFF) before U+E000–FFFF; this does not.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Code units differ: only a surrogate against a unit ≥ U+E000 orders differently.
    const sx = x >= 0xd800 && x <= 0xdfff;
    const sy = y >= 0xd800 && y <= 0xdfff;
    if (sx !== sy && (sx ? y : x) >= 0xe000) return sx ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
