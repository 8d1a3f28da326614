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
import { logOddsBelow } from "./log-bound.ts";
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

/** A pooled group: its speeches (indexes, ascending) and totals, then per kept term (by rank r)
 *  its count, df and Σ of per-speech rates at acc[3r], acc[3r + 1], acc[3r + 2]. */
interface Group {
  kind: number;
  members: number[];
  speeches: number;
  hanChars: number;
  tokens: number;
  acc: Float64Array;
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
  const S = speeches.length;
  const corpus = new Float64Array(V);
  const df = new Int32Array(V);
  const speechTokens = new Float64Array(S);
  // han_chars by speech: the speech rows read it in term order (scattered over the speeches),
  // where a typed array costs one load and the speech objects a cache miss each.
  const speechHan = new Float64Array(S);
  let corpusTokens = 0;
  // A negative count (never in practice) would make the corpus group's sums differ from the
  // corpus counts: then it is summed like the other groups.
  let noNegative = true;
  for (let i = 0; i < S; i++) {
    const s = speeches[i]!;
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
      else if (c < 0) noNegative = false;
    }
    speechTokens[i] = n;
    speechHan[i] = s.speech.han_chars;
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

  // Pooled groups, totals summed in speech order as termStats() does.
  const pooled = POOLED_KINDS.map(() => new Map<string, Group>());
  for (let i = 0; i < S; i++) {
    const s = speeches[i]!;
    POOLED_KINDS.forEach((kind, k) => {
      const key = groupKey(kind, s);
      let g = pooled[k]!.get(key);
      if (!g) {
        g = { kind: k, members: [], speeches: 0, hanChars: 0, tokens: 0, acc: new Float64Array(0) };
        pooled[k]!.set(key, g);
      }
      g.members.push(i);
      g.speeches++;
      g.hanChars += s.speech.han_chars;
      g.tokens += speechTokens[i]!;
    });
  }
  // Term sums one group at a time, its speeches in order (so each rate sum adds in the same
  // order as termStats()): the group's accumulator stays in cache, where adding each speech to
  // its four groups at once missed the cache on nearly every term (~1 s at 10,000 speeches).
  for (const groups of pooled)
    for (const g of groups.values()) {
      const acc = (g.acc = new Float64Array(3 * K));
      if (g.kind === 0 && noNegative) {
        // The corpus group's sums are the corpus counts and df (its rate sum is never shown).
        for (let r = 0; r < K; r++) {
          acc[3 * r] = corpus[keptIds[r]!]!;
          acc[3 * r + 1] = df[keptIds[r]!]!;
        }
        continue;
      }
      for (const i of g.members) {
        const s = speeches[i]!;
        const ids = s.termIds;
        const counts = s.termCounts;
        const hanChars = speechHan[i]!;
        for (let j = 0; j < ids.length; j++) {
          const c = counts[j]!;
          const r = rank[ids[j]!]!;
          if (c <= 0 || r < 0) continue;
          const at = 3 * r;
          acc[at] = acc[at]! + c;
          acc[at + 1] = acc[at + 1]! + 1;
          acc[at + 2] = acc[at + 2]! + rate(c, hanChars);
        }
      }
      g.members = [];
    }

  // Each speech's most distinctive kept terms (the same z as the row will show), then a CSR
  // inverted index of them: for each kept term, (speech index, count, z) in speech order.
  const chosen = chooseSpeechTerms(speeches, speechTokens, corpus, corpusTokens, rank, speechTerms);
  const postings = new Int32Array(K + 1);
  for (let c = 0; c < chosen.n; c++)
    postings[chosen.rank[c]! + 1] = postings[chosen.rank[c]! + 1]! + 1;
  for (let r = 0; r < K; r++) postings[r + 1] = postings[r + 1]! + postings[r]!;
  const fill = postings.slice(0, K);
  const postSpeech = new Int32Array(chosen.n);
  const postCount = new Int32Array(chosen.n);
  const postZ = new Float64Array(chosen.n); // NaN = null
  for (let c = 0; c < chosen.n; c++) {
    const at = fill[chosen.rank[c]!]!++;
    postSpeech[at] = chosen.speech[c]!;
    postCount[at] = chosen.count[c]!;
    postZ[at] = chosen.z[c]!;
  }
  // Groups in output order (kind, then name in code-point order), then the speeches: their
  // names are what start() gets, each row's group an index into them.
  const ordered: Group[] = [];
  const groupNames: string[] = [];
  for (const groups of pooled)
    for (const key of [...groups.keys()].sort(compare)) {
      ordered.push(groups.get(key)!);
      groupNames.push(key);
    }
  const firstSpeech = groupNames.length;
  for (const s of speeches) groupNames.push(s.speechId);
  sink.start(groupNames);

  for (let r = 0; r < K; r++) {
    const t = keptIds[r]!;
    const total = corpus[t]!;
    const alphaW = (alpha0 * total) / corpusTokens;
    for (let o = 0; o < ordered.length; o++) {
      const g = ordered[o]!;
      const acc = g.acc;
      const gDf = acc[3 * r + 1]!;
      if (gDf === 0) continue;
      const count = acc[3 * r]!;
      const kind = g.kind;
      const comparable = kind !== 0 && g.tokens < corpusTokens;
      sink.row(
        t,
        kind,
        o,
        count,
        g.hanChars,
        rate(count, g.hanChars),
        kind === 0 ? null : acc[3 * r + 2]! / g.speeches,
        gDf,
        null,
        comparable
          ? logOddsTerm(count, g.tokens, total - count, corpusTokens - g.tokens, alphaW, alpha0).z
          : null,
      );
      if (sink.full) yield;
    }
    const idf = df[t]!;
    for (let p = postings[r]!; p < postings[r + 1]!; p++) {
      const i = postSpeech[p]!;
      const hanChars = speechHan[i]!;
      const count = postCount[p]!;
      const z = postZ[p]!;
      sink.row(
        t,
        SPEECH_KIND,
        firstSpeech + i,
        count,
        hanChars,
        rate(count, hanChars),
        null,
        1,
        tfidf(count, speechTokens[i]!, idf, S),
        Number.isNaN(z) ? null : z,
      );
      if (sink.full) yield;
    }
  }
}

/** Per speech, in speech order, its kept terms with the `speechTerms` highest z (the same z as
 *  the row will show; NaN = null) in compareDistinctive's order (z desc, count desc, term code
 *  points). They come from a bounded heap, which picks the same terms as sorting all of them
 *  and cutting: the order is total within a speech (its terms are distinct). */
function chooseSpeechTerms(
  speeches: readonly CollectedSpeech[],
  speechTokens: Float64Array,
  corpus: Float64Array,
  corpusTokens: number,
  rank: Int32Array,
  speechTerms: number,
): { n: number; speech: Int32Array; rank: Int32Array; count: Int32Array; z: Float64Array } {
  const alpha0 = corpusTokens;
  const most = Math.max(speechTerms, 0);
  let room = Math.min(most * speeches.length, 1 << 20);
  let out = {
    n: 0,
    speech: new Int32Array(room),
    rank: new Int32Array(room),
    count: new Int32Array(room),
    z: new Float64Array(room),
  };
  let zs = new Float64Array(0);
  const heap = new Int32Array(most);
  for (let i = 0; i < speeches.length; i++) {
    const s = speeches[i]!;
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
      if (most === 0) continue;
      if (tokens < corpusTokens) {
        // logOddsTerm(count, tokens, total - count, corpusTokens - tokens, alphaW, alpha0).z,
        // operation for operation (so the same z), left out for a term whose z is surely
        // below the list's last once the list is full (log-bound.ts: ~70 % of them).
        const total = corpus[t]!;
        const alphaW = (alpha0 * total) / corpusTokens;
        const yB = total - count;
        const nB = corpusTokens - tokens;
        const p1 = count + alphaW;
        const q1 = tokens + alpha0 - count - alphaW;
        const p2 = yB + alphaW;
        const q2 = nB + alpha0 - yB - alphaW;
        if (size === most && logOddsBelow(p1, q1, p2, q2, z[heap[0]!]!)) continue;
        z[j] = (Math.log(p1 / q1) - Math.log(p2 / q2)) / Math.sqrt(1 / p1 + 1 / p2);
      } else z[j] = -Infinity;
      if (size < most) {
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
    if (out.n + size > room) {
      room = Math.max(room * 2, out.n + size);
      const grow = <T extends Int32Array | Float64Array>(a: T, b: T): T => (b.set(a), b);
      out = {
        n: out.n,
        speech: grow(out.speech, new Int32Array(room)),
        rank: grow(out.rank, new Int32Array(room)),
        count: grow(out.count, new Int32Array(room)),
        z: grow(out.z, new Float64Array(room)),
      };
    }
    // Popping the root gives the terms last first: fill this speech's slots from the end.
    out.n += size;
    for (let at = out.n - 1; size > 0; at--) {
      const j = heap[0]!;
      heap[0] = heap[--size]!;
      siftDown(0);
      out.speech[at] = i;
      out.rank[at] = rank[ids[j]!]!;
      out.count[at] = counts[j]!;
      out.z[at] = z[j] === -Infinity ? NaN : z[j]!;
    }
  }
  return out;
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
