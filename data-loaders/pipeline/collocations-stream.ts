// collocations from compact sentence token ids, with bounded memory. Same rows and arithmetic
// as language/collocations.ts collocations() (default minCount), which keeps every sentence as a
// Set of strings and every pair in one Map (a JS Map holds at most 2^24 entries: it cannot
// count the pairs of a 10,000-speech corpus). Here pairs are counted exactly from an inverted
// index of sentences, one first term at a time, in a dense typed-array counter.
import { compareCodePoints, DEFAULT_MIN_COOCCURRENCE } from "../language/collocations.ts";
import type { CollocationRow } from "../types.ts";
import type { CompactSpeech as CollectedSpeech } from "./corpus-tables.ts";

const END = -1;

export function* collocationChunks(
  speeches: readonly CollectedSpeech[],
  words: readonly string[],
  { minCount = DEFAULT_MIN_COOCCURRENCE } = {},
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

  // Each sentence as its sorted distinct vocabulary ranks, back to back in one flat array, each
  // sentence followed by END (so a position needs no separate record of its sentence's end).
  let total = 0;
  for (const sp of speeches) total += sp.tokens.length + sp.sentenceEnds.length;
  const flat = new Int32Array(total);
  const occurrences = new Int32Array(k + 1); // positions per rank, then CSR offsets
  seen.fill(-1);
  let sentence = 0;
  let at = 0;
  for (const sp of speeches) {
    let start = 0;
    for (const e of sp.sentenceEnds) {
      const from = at;
      for (let i = start; i < e; i++) {
        const r = rank[sp.tokens[i]!]!;
        if (r >= 0 && seen[r] !== sentence) {
          seen[r] = sentence;
          flat[at++] = r;
        }
      }
      flat.subarray(from, at).sort();
      for (let x = from; x < at; x++) occurrences[flat[x]! + 1] = occurrences[flat[x]! + 1]! + 1;
      flat[at++] = END;
      start = e;
      sentence++;
    }
  }
  // Postings: for each rank, the flat positions where it occurs (in sentence order).
  for (let r = 0; r < k; r++) occurrences[r + 1] = occurrences[r + 1]! + occurrences[r]!;
  const fill = occurrences.slice(0, k);
  const postings = new Int32Array(occurrences[k]!);
  for (let x = 0; x < at; x++) if (flat[x] !== END) postings[fill[flat[x]!]!++] = x;

  // Pairs (a, b), a < b, counted term by term: for a, every sentence holding it adds one to
  // each later term of that sentence, in a dense counter reset after a. Work is one increment
  // per pair occurrence, memory one counter per vocabulary term; rows come out in (a, b) order.
  const count = new Int32Array(k);
  const touched = new Int32Array(k);
  let rows: CollocationRow[] = [];
  for (let a = 0; a < k; a++) {
    let m = 0;
    for (let p = occurrences[a]!; p < occurrences[a + 1]!; p++) {
      const x = postings[p]!;
      for (let y = x + 1; flat[y] !== END; y++) {
        const b = flat[y]!;
        if (count[b] === 0) touched[m++] = b;
        count[b] = count[b]! + 1;
      }
    }
    const bs = touched.subarray(0, m).sort();
    const wa = words[vocab[a]!]!;
    const dfa = df[vocab[a]!]!;
    for (let j = 0; j < m; j++) {
      const b = bs[j]!;
      const c = count[b]!;
      count[b] = 0;
      if (c < minCount) continue;
      const dfb = df[vocab[b]!]!;
      const pab = c / n;
      const pmi = Math.log(pab / ((dfa / n) * (dfb / n)));
      const npmi = pab === 1 ? 1 : pmi / -Math.log(pab);
      rows.push({ term_a: wa, term_b: words[vocab[b]!]!, count: c, pmi, npmi });
      if (rows.length >= 8192) {
        yield rows;
        rows = [];
      }
    }
  }
  if (rows.length) yield rows;
}
