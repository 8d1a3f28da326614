// term_stats from compact per-speech counts, streamed in row chunks. Same rows, same order and
// the same floating-point operations in the same order as language/stats.ts termStats() (with
// its defaults), which would need every term row and an inverted index of objects in memory:
// here the counts are typed arrays, groups accumulate only the kept terms (corpus count ≥
// DEFAULT_MIN_TERM_COUNT), and speech rows (each speech's DEFAULT_SPEECH_TERMS most distinctive
// terms, chosen speech by speech) come from a CSR inverted index.
import { compareCodePoints as compare } from "../language/collocations.ts";
import { logOddsTerm } from "../language/logodds.ts";
import {
  CORPUS_GROUP,
  DEFAULT_MIN_TERM_COUNT,
  DEFAULT_SPEECH_TERMS,
  UNKNOWN_YEAR,
} from "../language/stats.ts";
import { tfidf } from "../language/tfidf.ts";
import type { TermStatRow } from "../types.ts";
import type { CompactSpeech as CollectedSpeech } from "./corpus-tables.ts";

const POOLED_KINDS = ["corpus", "year", "level", "genre"] as const;
type PooledKind = (typeof POOLED_KINDS)[number];

function groupKey(kind: PooledKind, s: CollectedSpeech): string {
  const m = s.speech;
  if (kind === "corpus") return CORPUS_GROUP;
  if (kind === "year") return m.year === null ? UNKNOWN_YEAR : String(m.year);
  return kind === "level" ? m.level : m.genre;
}

const rate = (count: number, hanChars: number) => (hanChars > 0 ? (count / hanChars) * 10_000 : 0);

interface Group {
  speeches: number;
  hanChars: number;
  tokens: number;
  count: Float64Array;
  df: Int32Array;
  rateSum: Float64Array;
}

/** `speeches` in output order (speech_id); `words` maps term ids to terms. */
export function* termStatsChunks(
  speeches: readonly CollectedSpeech[],
  words: readonly string[],
  chunkRows = 8192,
  speechTerms = DEFAULT_SPEECH_TERMS,
): Generator<TermStatRow[]> {
  const V = words.length;
  const corpus = new Float64Array(V);
  const df = new Int32Array(V);
  const speechTokens = new Float64Array(speeches.length);
  let corpusTokens = 0;
  for (const [i, s] of speeches.entries()) {
    let n = 0;
    for (let j = 0; j < s.termIds.length; j++) {
      const c = s.termCounts[j]!;
      n += c;
      corpus[s.termIds[j]!] = corpus[s.termIds[j]!]! + c;
      if (c > 0) df[s.termIds[j]!] = df[s.termIds[j]!]! + 1;
    }
    speechTokens[i] = n;
    corpusTokens += n;
  }
  const keptIds: number[] = [];
  for (let t = 0; t < V; t++)
    if (corpus[t]! >= DEFAULT_MIN_TERM_COUNT && corpus[t]! > 0) keptIds.push(t);
  keptIds.sort((a, b) => compare(words[a]!, words[b]!));
  const K = keptIds.length;
  const rank = new Int32Array(V).fill(-1);
  keptIds.forEach((t, r) => (rank[t] = r));
  const alpha0 = corpusTokens;

  const pooled = new Map<PooledKind, Map<string, Group>>(POOLED_KINDS.map((k) => [k, new Map()]));
  for (const [i, s] of speeches.entries()) {
    for (const kind of POOLED_KINDS) {
      const groups = pooled.get(kind)!;
      const key = groupKey(kind, s);
      let g = groups.get(key);
      if (!g)
        groups.set(
          key,
          (g = {
            speeches: 0,
            hanChars: 0,
            tokens: 0,
            count: new Float64Array(K),
            df: new Int32Array(K),
            rateSum: new Float64Array(K),
          }),
        );
      g.speeches++;
      g.hanChars += s.speech.han_chars;
      g.tokens += speechTokens[i]!;
      for (let j = 0; j < s.termIds.length; j++) {
        const c = s.termCounts[j]!;
        const r = rank[s.termIds[j]!]!;
        if (c <= 0 || r < 0) continue;
        g.count[r] = g.count[r]! + c;
        g.df[r] = g.df[r]! + 1;
        g.rateSum[r] = g.rateSum[r]! + rate(c, s.speech.han_chars);
      }
    }
  }
  // Each speech's most distinctive kept terms (the same z as the row will show), then a CSR
  // inverted index of them: for each kept term, (speech index, count, z) in speech order. The
  // top terms come from a bounded heap under compareDistinctive's order (z desc, count desc, term
  // code points), which picks the same terms as sorting all of them and cutting: the order is
  // total within a speech (its terms are distinct).
  const chosenSpeech: number[] = [];
  const chosenRank: number[] = [];
  const chosenCount: number[] = [];
  const chosenZ: number[] = []; // NaN = null
  let zs = new Float64Array(0);
  const heap = new Int32Array(Math.max(speechTerms, 0));
  for (const [i, s] of speeches.entries()) {
    const tokens = speechTokens[i]!;
    const m = s.termIds.length;
    if (zs.length < m) zs = new Float64Array(m);
    // -Infinity stands for a null z (it sorts last, as compareDistinctive sorts null).
    const before = (a: number, b: number): boolean => {
      const za = zs[a]!;
      const zb = zs[b]!;
      if (za !== zb) return za > zb;
      const ca = s.termCounts[a]!;
      const cb = s.termCounts[b]!;
      if (ca !== cb) return ca > cb;
      return compare(words[s.termIds[a]!]!, words[s.termIds[b]!]!) < 0;
    };
    // Max-heap of the kept candidates by "sorts later": the root is the first to give way.
    let size = 0;
    const siftDown = (at: number) => {
      for (;;) {
        const l = 2 * at + 1;
        if (l >= size) return;
        const r = l + 1;
        const later = r < size && before(heap[l]!, heap[r]!) ? r : l;
        if (!before(heap[at]!, heap[later]!)) return;
        const x = heap[at]!;
        heap[at] = heap[later]!;
        heap[later] = x;
        at = later;
      }
    };
    for (let j = 0; j < m; j++) {
      const t = s.termIds[j]!;
      const count = s.termCounts[j]!;
      if (count <= 0 || rank[t]! < 0) continue;
      const total = corpus[t]!;
      const alphaW = (alpha0 * total) / corpusTokens;
      zs[j] =
        tokens < corpusTokens
          ? logOddsTerm(count, tokens, total - count, corpusTokens - tokens, alphaW, alpha0).z
          : -Infinity;
      if (speechTerms <= 0) continue;
      if (size < speechTerms) {
        // Sift up.
        let at = size++;
        heap[at] = j;
        while (at > 0) {
          const parent = (at - 1) >> 1;
          if (!before(heap[parent]!, heap[at]!)) break;
          const x = heap[at]!;
          heap[at] = heap[parent]!;
          heap[parent] = x;
          at = parent;
        }
      } else if (before(j, heap[0]!)) {
        heap[0] = j;
        siftDown(0);
      }
    }
    const kept = Array.from(heap.subarray(0, size)).sort((a, b) => (before(a, b) ? -1 : 1));
    for (const j of kept) {
      chosenSpeech.push(i);
      chosenRank.push(rank[s.termIds[j]!]!);
      chosenCount.push(s.termCounts[j]!);
      chosenZ.push(zs[j] === -Infinity ? NaN : zs[j]!);
    }
  }
  const postings = new Int32Array(K + 1);
  for (const r of chosenRank) postings[r + 1] = postings[r + 1]! + 1;
  for (let r = 0; r < K; r++) postings[r + 1] = postings[r + 1]! + postings[r]!;
  const fill = postings.slice(0, K);
  const postSpeech = new Int32Array(postings[K]!);
  const postCount = new Int32Array(postings[K]!);
  const postZ = new Float64Array(postings[K]!); // NaN = null
  for (let c = 0; c < chosenRank.length; c++) {
    const at = fill[chosenRank[c]!]!++;
    postSpeech[at] = chosenSpeech[c]!;
    postCount[at] = chosenCount[c]!;
    postZ[at] = chosenZ[c]!;
  }
  const sortedGroups = new Map(
    POOLED_KINDS.map((k) => [k, [...pooled.get(k)!.keys()].sort(compare)]),
  );

  let rows: TermStatRow[] = [];
  for (let r = 0; r < K; r++) {
    const t = keptIds[r]!;
    const term = words[t]!;
    const total = corpus[t]!;
    const alphaW = (alpha0 * total) / corpusTokens;
    for (const kind of POOLED_KINDS) {
      const groups = pooled.get(kind)!;
      for (const key of sortedGroups.get(kind)!) {
        const g = groups.get(key)!;
        if (g.df[r] === 0) continue;
        const count = g.count[r]!;
        const comparable = kind !== "corpus" && g.tokens < corpusTokens;
        rows.push({
          term,
          group_kind: kind,
          group: key,
          count,
          han_chars: g.hanChars,
          rate_per_10k: rate(count, g.hanChars),
          mean_speech_rate_per_10k: kind === "corpus" ? null : g.rateSum[r]! / g.speeches,
          df: g.df[r]!,
          tfidf: null,
          log_odds_z: comparable
            ? logOddsTerm(count, g.tokens, total - count, corpusTokens - g.tokens, alphaW, alpha0).z
            : null,
        });
      }
    }
    for (let p = postings[r]!; p < postings[r + 1]!; p++) {
      const i = postSpeech[p]!;
      const s = speeches[i]!;
      const count = postCount[p]!;
      const tokens = speechTokens[i]!;
      rows.push({
        term,
        group_kind: "speech",
        group: s.speechId,
        count,
        han_chars: s.speech.han_chars,
        rate_per_10k: rate(count, s.speech.han_chars),
        mean_speech_rate_per_10k: null,
        df: 1,
        tfidf: tfidf(count, tokens, df[t]!, speeches.length),
        log_odds_z: Number.isNaN(postZ[p]!) ? null : postZ[p]!,
      });
    }
    if (rows.length >= chunkRows) {
      yield rows;
      rows = [];
    }
  }
  if (rows.length) yield rows;
}
