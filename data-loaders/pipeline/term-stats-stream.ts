// term_stats from compact per-speech counts, streamed. Same rows, same order and
// the same floating-point operations in the same order as language/stats.ts termStats() (with
// its defaults), which would need every term row and an inverted index of objects in memory:
// here the counts are typed arrays, groups accumulate only the kept terms (corpus count ≥
// DEFAULT_MIN_TERM_COUNT), and speech rows (each speech's DEFAULT_SPEECH_TERMS most distinctive
// terms, chosen speech by speech) come from a CSR inverted index. Rows go to a sink, cell by
// cell: straight into the table writer's blocks (termStatsBlocks), or as objects.
import { compareCodePoints as compare } from "../language/collocations.ts";
import { logOddsTerm } from "../language/logodds.ts";
import {
  CORPUS_GROUP,
  DEFAULT_MIN_TERM_COUNT,
  DEFAULT_SPEECH_TERMS,
  UNKNOWN_YEAR,
} from "../language/stats.ts";
import { tfidf } from "../language/tfidf.ts";
import { termStatsTable } from "../tables/language.ts";
import type { GroupKind, TermStatRow } from "../types.ts";
import { BlockBuilder, StringCells } from "./block-builder.ts";
import type { RowBlock } from "./column-blocks.ts";
import type { CompactSpeech as CollectedSpeech } from "./corpus-tables.ts";

const POOLED_KINDS = ["corpus", "year", "level", "genre"] as const;
type PooledKind = (typeof POOLED_KINDS)[number];
/** group_kind values by index, as rows give them to a sink. */
const KINDS: readonly GroupKind[] = [...POOLED_KINDS, "speech"];
const SPEECH_KIND = KINDS.length - 1;

/** Where the rows go, one call per row; null = a null cell. `term` is a term id (index into
 *  `words`), `kind` an index into KINDS, `group` an index into the names given to start(). */
export interface TermStatSink {
  start(groupNames: readonly string[]): void;
  row(
    term: number,
    kind: number,
    group: number,
    count: number,
    hanChars: number,
    rate: number,
    meanRate: number | null,
    df: number,
    tfidf: number | null,
    z: number | null,
  ): void;
  /** Stop (yield) after this row. */
  readonly full: boolean;
}

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

/** The rows into `sink`, yielding whenever it is full. `speeches` in output order (speech_id);
 *  `words` maps term ids to terms. */
function* termStatsInto(
  sink: TermStatSink,
  speeches: readonly CollectedSpeech[],
  words: readonly string[],
  speechTerms: number,
): Generator<void> {
  const V = words.length;
  const corpus = new Float64Array(V);
  const df = new Int32Array(V);
  const speechTokens = new Float64Array(speeches.length);
  let corpusTokens = 0;
  for (const [i, s] of speeches.entries()) {
    let n = 0;
    // Arrays in locals: the JIT does not hoist their loads out of loops that store to others.
    const ids = s.termIds;
    const counts = s.termCounts;
    for (let j = 0; j < ids.length; j++) {
      const c = counts[j]!;
      const t = ids[j]!;
      n += c;
      corpus[t] = corpus[t]! + c;
      if (c > 0) df[t] = df[t]! + 1;
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
  // A speech's kept terms (rank, count, rate), gathered once for its four groups.
  let keptRank = new Int32Array(0);
  let keptCount = new Int32Array(0);
  let keptRate = new Float64Array(0);
  for (const [i, s] of speeches.entries()) {
    const ids = s.termIds;
    const counts = s.termCounts;
    const hanChars = s.speech.han_chars;
    if (keptRank.length < ids.length) {
      keptRank = new Int32Array(ids.length);
      keptCount = new Int32Array(ids.length);
      keptRate = new Float64Array(ids.length);
    }
    let m = 0;
    for (let j = 0; j < ids.length; j++) {
      const c = counts[j]!;
      const r = rank[ids[j]!]!;
      if (c <= 0 || r < 0) continue;
      keptRank[m] = r;
      keptCount[m] = c;
      keptRate[m++] = rate(c, hanChars);
    }
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
      g.hanChars += hanChars;
      g.tokens += speechTokens[i]!;
      const gCount = g.count;
      const gDf = g.df;
      const gRateSum = g.rateSum;
      for (let j = 0; j < m; j++) {
        const r = keptRank[j]!;
        gCount[r] = gCount[r]! + keptCount[j]!;
        gDf[r] = gDf[r]! + 1;
        gRateSum[r] = gRateSum[r]! + keptRate[j]!;
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
    const ids = s.termIds;
    const counts = s.termCounts;
    const m = ids.length;
    if (zs.length < m) zs = new Float64Array(m);
    const z = zs; // a const for the closures below (a reassigned capture is slower to read)
    // -Infinity stands for a null z (it sorts last, as compareDistinctive sorts null).
    const before = (a: number, b: number): boolean => {
      const za = z[a]!;
      const zb = z[b]!;
      if (za !== zb) return za > zb;
      const ca = counts[a]!;
      const cb = counts[b]!;
      if (ca !== cb) return ca > cb;
      // rank is the code-point order of the kept terms (words are distinct).
      return rank[ids[a]!]! < rank[ids[b]!]!;
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
      const t = ids[j]!;
      const count = counts[j]!;
      if (count <= 0 || rank[t]! < 0) continue;
      const total = corpus[t]!;
      const alphaW = (alpha0 * total) / corpusTokens;
      z[j] =
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
      chosenRank.push(rank[ids[j]!]!);
      chosenCount.push(counts[j]!);
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
  // Groups in output order (kind, then name in code-point order), then the speeches: their
  // names are what start() gets, each row's group an index into them.
  const ordered: { g: Group; kind: number; name: number }[] = [];
  const groupNames: string[] = [];
  POOLED_KINDS.forEach((kind, k) => {
    const groups = pooled.get(kind)!;
    for (const key of [...groups.keys()].sort(compare)) {
      ordered.push({ g: groups.get(key)!, kind: k, name: groupNames.length });
      groupNames.push(key);
    }
  });
  const firstSpeech = groupNames.length;
  for (const s of speeches) groupNames.push(s.speechId);
  sink.start(groupNames);

  for (let r = 0; r < K; r++) {
    const t = keptIds[r]!;
    const total = corpus[t]!;
    const alphaW = (alpha0 * total) / corpusTokens;
    for (const { g, kind, name } of ordered) {
      if (g.df[r] === 0) continue;
      const count = g.count[r]!;
      const comparable = kind !== 0 && g.tokens < corpusTokens;
      sink.row(
        t,
        kind,
        name,
        count,
        g.hanChars,
        rate(count, g.hanChars),
        kind === 0 ? null : g.rateSum[r]! / g.speeches,
        g.df[r]!,
        null,
        comparable
          ? logOddsTerm(count, g.tokens, total - count, corpusTokens - g.tokens, alphaW, alpha0).z
          : null,
      );
      if (sink.full) yield;
    }
    for (let p = postings[r]!; p < postings[r + 1]!; p++) {
      const i = postSpeech[p]!;
      const hanChars = speeches[i]!.speech.han_chars;
      const count = postCount[p]!;
      sink.row(
        t,
        SPEECH_KIND,
        firstSpeech + i,
        count,
        hanChars,
        rate(count, hanChars),
        null,
        1,
        tfidf(count, speechTokens[i]!, df[t]!, speeches.length),
        Number.isNaN(postZ[p]!) ? null : postZ[p]!,
      );
      if (sink.full) yield;
    }
  }
}

/** Rows as objects, in chunks of about `chunkRows` (tests, and readers that want rows). */
export function* termStatsChunks(
  speeches: readonly CollectedSpeech[],
  words: readonly string[],
  chunkRows = 8192,
  speechTerms = DEFAULT_SPEECH_TERMS,
): Generator<TermStatRow[]> {
  let names: readonly string[] = [];
  let rows: TermStatRow[] = [];
  const sink: TermStatSink = {
    start: (groupNames) => (names = groupNames),
    row(term, kind, group, count, hanChars, rate, meanRate, df, tfidf, z) {
      rows.push({
        term: words[term]!,
        group_kind: KINDS[kind]!,
        group: names[group]!,
        count,
        han_chars: hanChars,
        rate_per_10k: rate,
        mean_speech_rate_per_10k: meanRate,
        df,
        tfidf,
        log_odds_z: z,
      });
    },
    get full() {
      return rows.length >= chunkRows;
    },
  };
  for (const _ of termStatsInto(sink, speeches, words, speechTerms)) {
    yield rows;
    rows = [];
  }
  if (rows.length) yield rows;
}

const TERM_STATS_COLUMNS =
  "term,group_kind,group,count,han_chars,rate_per_10k,mean_speech_rate_per_10k,df,tfidf,log_odds_z";

/** Rows as the table writer's blocks of `blockRows` rows (the last one shorter). */
export function* termStatsBlocks(
  speeches: readonly CollectedSpeech[],
  words: readonly string[],
  blockRows: number,
  speechTerms = DEFAULT_SPEECH_TERMS,
): Generator<RowBlock> {
  const cols = termStatsTable.columns;
  // The builder takes cells in column order, which the row() below writes by index.
  if (cols.map((c) => c.name).join() !== TERM_STATS_COLUMNS)
    throw new Error("term_stats columns changed: update termStatsBlocks");
  const b = new BlockBuilder(termStatsTable, blockRows);
  const terms = new StringCells(cols[0]!, words);
  const kinds = new StringCells(cols[1]!, KINDS);
  let groups: StringCells | undefined;
  const sink: TermStatSink = {
    start: (groupNames) => (groups = new StringCells(cols[2]!, groupNames)),
    row(term, kind, group, count, hanChars, rate, meanRate, df, tfidf, z) {
      b.str(0, terms, term);
      b.str(1, kinds, kind);
      b.str(2, groups!, group);
      b.int(3, count);
      b.int(4, hanChars);
      b.num(5, rate);
      if (meanRate === null) b.nul(6);
      else b.num(6, meanRate);
      b.int(7, df);
      if (tfidf === null) b.nul(8);
      else b.num(8, tfidf);
      if (z === null) b.nul(9);
      else b.num(9, z);
      b.end();
    },
    get full() {
      return b.full;
    },
  };
  for (const _ of termStatsInto(sink, speeches, words, speechTerms)) yield b.take();
  if (b.n > 0) yield b.take();
}
