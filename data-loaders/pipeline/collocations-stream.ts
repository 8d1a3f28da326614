// collocations from compact sentence token ids, with bounded memory. Same rows and arithmetic
// as language/collocations.ts collocations() (default minCount), which keeps every sentence as a
// Set of strings and every pair in one Map (a JS Map holds at most 2^24 entries: it cannot
// count the pairs of a 10,000-speech corpus). Here pairs are counted exactly, in passes over
// ranges of the first term, each range sized so its pair map stays under PAIR_BUDGET entries.
import { compareCodePoints, DEFAULT_MIN_COOCCURRENCE } from "../language/collocations.ts";
import type { CollocationRow } from "../types.ts";
import type { CompactSpeech as CollectedSpeech } from "./corpus-tables.ts";

/** Pair occurrences counted per pass (an upper bound on that pass's Map size). */
export const PAIR_BUDGET = 1_500_000;

export function* collocationChunks(
  speeches: readonly CollectedSpeech[],
  words: readonly string[],
  { minCount = DEFAULT_MIN_COOCCURRENCE, pairBudget = PAIR_BUDGET } = {},
): Generator<CollocationRow[]> {
  const V = words.length;
  const df = new Int32Array(V);
  const seen = new Int32Array(V).fill(-1);
  let n = 0;
  for (const s of speeches) {
    let start = 0;
    for (const end of s.sentenceEnds) {
      for (let i = start; i < end; i++) {
        const t = s.tokens[i]!;
        if (seen[t] !== n) {
          seen[t] = n;
          df[t] = df[t]! + 1;
        }
      }
      start = end;
      n++;
    }
  }
  const vocab: number[] = [];
  for (let t = 0; t < V; t++) if (df[t]! >= minCount) vocab.push(t);
  vocab.sort((a, b) => compareCodePoints(words[a]!, words[b]!));
  const k = vocab.length;
  const rank = new Int32Array(V).fill(-1);
  vocab.forEach((t, r) => (rank[t] = r));

  // Each sentence as its sorted distinct vocabulary ranks, back to back.
  const lists: Int32Array[] = [];
  const ends: Int32Array[] = [];
  const work = new Int32Array(k + 1);
  const pairsFrom = new Float64Array(k);
  seen.fill(-1);
  let sentence = 0;
  for (const s of speeches) {
    const list: number[] = [];
    const end = new Int32Array(s.sentenceEnds.length);
    let start = 0;
    for (const [j, e] of s.sentenceEnds.entries()) {
      let m = 0;
      for (let i = start; i < e; i++) {
        const r = rank[s.tokens[i]!]!;
        if (r >= 0 && seen[r] !== sentence) {
          seen[r] = sentence;
          work[m++] = r;
        }
      }
      const sorted = work.subarray(0, m).sort();
      for (let x = 0; x < m; x++) {
        list.push(sorted[x]!);
        pairsFrom[sorted[x]!] = pairsFrom[sorted[x]!]! + m - 1 - x;
      }
      end[j] = list.length;
      start = e;
      sentence++;
    }
    lists.push(Int32Array.from(list));
    ends.push(end);
  }

  let lo = 0;
  while (lo < k) {
    let hi = lo;
    let budget = 0;
    do budget += pairsFrom[hi++]!;
    while (hi < k && budget + pairsFrom[hi]! <= pairBudget);
    const pairs = new Map<number, number>();
    for (const [si, list] of lists.entries()) {
      let start = 0;
      for (const e of ends[si]!) {
        for (let x = start; x < e; x++) {
          const a = list[x]!;
          if (a < lo) continue;
          if (a >= hi) break;
          const base = (a - lo) * k;
          for (let y = x + 1; y < e; y++) {
            const key = base + list[y]!;
            pairs.set(key, (pairs.get(key) ?? 0) + 1);
          }
        }
        start = e;
      }
    }
    const keys: number[] = [];
    for (const [key, count] of pairs) if (count >= minCount) keys.push(key);
    keys.sort((x, y) => x - y);
    let rows: CollocationRow[] = [];
    for (const key of keys) {
      const count = pairs.get(key)!;
      const a = words[vocab[lo + Math.floor(key / k)]!]!;
      const b = words[vocab[key % k]!]!;
      const dfa = df[vocab[lo + Math.floor(key / k)]!]!;
      const dfb = df[vocab[key % k]!]!;
      const pab = count / n;
      const pmi = Math.log(pab / ((dfa / n) * (dfb / n)));
      const npmi = pab === 1 ? 1 : pmi / -Math.log(pab);
      rows.push({ term_a: a, term_b: b, count, pmi, npmi });
      if (rows.length >= 8192) {
        yield rows;
        rows = [];
      }
    }
    if (rows.length) yield rows;
    lo = hi;
  }
}
