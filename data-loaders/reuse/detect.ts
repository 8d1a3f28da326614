// Text reuse over a corpus: passages of at least minChars Han characters that two speeches
// share despite small edits. Three steps, as in passim or BLAST-style reuse detection:
//  1. fingerprint every speech (winnowed hashed n-grams of units) into one inverted index;
//     fingerprints in a large share of the speeches are stock phrases: masked, never seeds;
//  2. for each speech, the fingerprints it shares with later speeches (by id) are seeds,
//     grouped per pair into diagonal chains (chains.ts);
//  3. each chain's region is aligned (align.ts); alignments long and original enough are kept.
// Pure and deterministic: the result depends on the set of speeches, not their order.
import { createHash } from "node:crypto";
import type { ReusePassageRow } from "../tables/reuse.ts";
import { alignBanded, type AlignInput, type Alignment } from "./align.ts";
import { chainSeeds, type Seed } from "./chains.ts";
import { direction } from "./direction.ts";
import { FingerprintIndex } from "./fingerprint-index.ts";
import { winnow, type Fingerprints } from "./fingerprints.ts";
import { maskPhrases, phraseMask } from "./mask.ts";
import { reuseOptions, stockThreshold, type ReuseOptions } from "./options.ts";
import { textUnits } from "./units.ts";

export interface ReuseDoc {
  id: string;
  /** The speech's cleaned text (offsets in the result index it). */
  text: string;
  year: number | null;
}

export interface DetectOptions extends Partial<ReuseOptions> {
  /** Phrases masked everywhere (the lexicon's surface forms: mask.ts lexiconPhrases). */
  phrases?: Iterable<string>;
  /** Aligned passages of pairs known from earlier runs (pair-memo.ts), kept up to date. */
  pairs?: PairMemo | null;
}

/** One aligned passage of a pair, in units of its two sequences: what rows are made from. */
export interface PairPassage {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
  columns: number;
  equal: number;
}

/** Passages of pairs by their sequences' keys (sequenceKey): a pair's passages are a pure
 *  function of the two sequences (codes and masks) and the options, so a key never goes stale. */
export interface PairMemo {
  get(a: string, b: string): readonly PairPassage[] | undefined;
  set(a: string, b: string, passages: readonly PairPassage[]): void;
}

/** What the pair loop needs of a speech, kept for every speech: 5 bytes per unit. */
interface Sequence {
  codes: Int32Array;
  /** 1 = formulation or stock phrase. */
  mask: Uint8Array;
}

interface PairFound {
  a: number;
  b: number;
  passages: readonly PairPassage[];
}

export function detectReuse(
  input: readonly ReuseDoc[],
  opts: DetectOptions = {},
): ReusePassageRow[] {
  const { phrases: phraseList, pairs: memo, ...overrides } = opts;
  const o = reuseOptions(overrides);
  const phrases = phraseMask(phraseList ?? []);
  const docs = [...input].sort((x, y) => cmp(x.id, y.id));
  for (let i = 1; i < docs.length; i++)
    if (docs[i]!.id === docs[i - 1]!.id)
      throw new Error(`reuse: duplicate speech id ${docs[i]!.id}`);

  const codes = docs.map((d) => textUnits(d.text).codes);
  const fingerprints = codes.map((c) => winnow(c, o.gram, o.window));
  const index = new FingerprintIndex(fingerprints);
  const stockDf = stockThreshold(o, docs.length);
  const sequences: Sequence[] = codes.map((c) => ({ codes: c, mask: maskPhrases(c, phrases) }));
  // Stock phrases: selected n-grams cover the text without gaps (window <= gram), so masking the
  // stock ones masks a stock passage whole, not just where its fingerprints happen to fall. One
  // pass over the index in its order: at 10,000 speeches looking up each speech's fingerprints
  // was ~40 % of the stage, nearly all of it cache misses.
  index.forEachEntryIn(stockDf, (doc, p) => {
    const mask = sequences[doc]!.mask;
    for (let u = p; u < p + o.gram; u++) mask[u] = 1;
  });
  const keys = memo ? sequences.map((s) => sequenceKey(s, o)) : null;

  const found: PairFound[] = [];
  for (let a = 0; a < docs.length; a++) {
    // Pairs the memo knows need no seeds: only the speeches they are with.
    const known = new Map<number, readonly PairPassage[] | undefined>();
    const knownWith = (b: number) => {
      if (!known.has(b)) known.set(b, keys ? memo!.get(keys[a]!, keys[b]!) : undefined);
      return known.get(b);
    };
    const seeds = seedsWithLaterDocs(
      a,
      fingerprints[a]!,
      sequences[a]!.mask,
      index,
      stockDf,
      o,
      (b) => !knownWith(b),
    );
    for (const [b, pairSeeds] of seeds) {
      let passages = knownWith(b);
      if (!passages) {
        passages = alignPair(pairSeeds, sequences[a]!, sequences[b]!, o).map(
          ({ aStart, aEnd, bStart, bEnd, columns, equal }) => ({
            aStart,
            aEnd,
            bStart,
            bEnd,
            columns,
            equal,
          }),
        );
        if (keys) memo!.set(keys[a]!, keys[b]!, passages);
      }
      if (passages.length) found.push({ a, b, passages });
    }
  }
  return passageRows(docs, found).sort(
    (x, y) =>
      cmp(x.speech_id, y.speech_id) ||
      x.start - y.start ||
      cmp(x.other_speech_id, y.other_speech_id) ||
      x.other_start - y.other_start ||
      x.end - y.end ||
      x.other_end - y.other_end,
  );
}

/** A sequence's identity for the pair memo: its codes, its mask (which carries the lexicon and
 *  the corpus-wide stock phrases) and the options, hashed (128 bits, hex). */
export function sequenceKey({ codes, mask }: Sequence, o: ReuseOptions): string {
  return createHash("sha256")
    .update(JSON.stringify([PAIR_FORMAT, o, codes.length]))
    .update(new Uint8Array(codes.buffer, codes.byteOffset, codes.byteLength))
    .update(mask)
    .digest("hex")
    .slice(0, 32);
}

/** Bumped when the passages a pair gets could change for the same codes, masks and options
 *  (seeding, chaining, alignment): old memo entries then stop matching. */
export const PAIR_FORMAT = 1;

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Seeds of speech a with every speech b > a, per b in ascending order, sorted by (a, b); for a
 *  b that is not `wanted`, the pair without its seeds. */
function seedsWithLaterDocs(
  a: number,
  { hashes, positions }: Fingerprints,
  mask: Uint8Array,
  index: FingerprintIndex,
  stockDf: number,
  o: ReuseOptions,
  wanted: (b: number) => boolean,
): [number, Seed[]][] {
  const byDoc = new Map<number, Seed[]>();
  const repeats = new Map<number, number>();
  for (let f = 0; f < hashes.length; f++) {
    const p = positions[f]!;
    if (anyMasked(mask, p, p + o.gram)) continue; // formulation or stock phrase
    const h = hashes[f]!;
    const [lo, hi] = index.range(h);
    const df = hi > lo ? index.dfAt(lo) : 0;
    if (df < 2 || df >= stockDf) continue;
    const seen = (repeats.get(h) ?? 0) + 1;
    repeats.set(h, seen);
    if (seen > o.maxRepeats) continue;
    let e = firstEntryAfterDoc(index, lo, hi, a);
    while (e < hi) {
      const b = index.doc(e);
      let list = byDoc.get(b);
      if (!list) byDoc.set(b, (list = []));
      const seeding = wanted(b);
      let taken = 0;
      for (; e < hi && index.doc(e) === b; e++)
        if (seeding && taken++ < o.maxRepeats) list.push({ a: p, b: index.position(e) });
    }
  }
  return [...byDoc.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([b, seeds]) => [b, seeds.sort((x, y) => x.a - y.a || x.b - y.b)]);
}

function anyMasked(mask: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (mask[i]) return true;
  return false;
}

function firstEntryAfterDoc(index: FingerprintIndex, lo: number, hi: number, doc: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.doc(mid) <= doc) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Every accepted alignment of one pair, no two of them covering the same passage. */
export function alignPair(
  seeds: readonly Seed[],
  pa: Sequence,
  pb: Sequence,
  o: ReuseOptions,
): Alignment[] {
  const found: Alignment[] = [];
  const pending = chainSeeds(seeds, o);
  while (pending.length) {
    const chain = pending.pop()!;
    if (chain.length < o.minSeeds) continue;
    let minA = Infinity;
    let maxA = -Infinity;
    let minD = Infinity;
    let maxD = -Infinity;
    for (const s of chain) {
      minA = Math.min(minA, s.a);
      maxA = Math.max(maxA, s.a);
      minD = Math.min(minD, s.b - s.a);
      maxD = Math.max(maxD, s.b - s.a);
    }
    const region = {
      a: pa.codes,
      aMask: pa.mask,
      b: pb.codes,
      bMask: pb.mask,
      aLo: Math.max(0, minA - o.edgePad),
      aHi: Math.min(pa.codes.length, maxA + o.gram + o.edgePad),
    };
    // Ungapped first, on each diagonal of the chain's seeds: linear in the region, where the
    // gapped alignment costs region × band. A chain whose best ungapped stretch scores below
    // gappedTrigger shares no more than a common phrase (BLAST's trigger for gapped
    // extension): dropped. Seeds all on one diagonal whose ungapped passage is accepted and
    // cannot be extended through a gap at either end (its flanks aligned with gaps): a copy
    // without insertions or deletions (most copies), done without the gapped alignment.
    let ungapped: Alignment | null = null;
    for (const d of new Set(chain.map((s) => s.b - s.a))) {
      const u = alignBanded({ ...region, dLo: d, dHi: d }, o);
      if (u && (!ungapped || u.score > ungapped.score)) ungapped = u;
    }
    if (!ungapped || ungapped.score < o.gappedTrigger) continue;
    const band = { dLo: minD - o.bandPad, dHi: maxD + o.bandPad };
    const al =
      minD === maxD &&
      accepted(ungapped, pa.codes, pb.codes, o) &&
      !gappedFlank(ungapped, { ...region, ...band }, o)
        ? ungapped
        : alignBanded({ ...region, ...band, xDropFrom: maxA + o.gram }, o);
    if (!al) continue;
    // A seed inside the passage on either side is spent: off its diagonal it is a chance match.
    const inside = (s: Seed) =>
      (s.a >= al.aStart && s.a < al.aEnd) || (s.b >= al.bStart && s.b < al.bEnd);
    const rest = chain.filter((s) => !inside(s));
    // An alignment that took none of its chain's seeds: drop one so the loop ends.
    if (rest.length === chain.length) rest.shift();
    if (accepted(al, pa.codes, pb.codes, o)) found.push(al);
    if (rest.length >= o.minSeeds) pending.push(...chainSeeds(rest, o));
  }
  return distinct(found);
}

/** Whether a gapped alignment of either flank of `u` (its edge and what lies beyond, within the
 *  region) continues it past its end: then the gapped alignment of the whole region decides. */
function gappedFlank(u: Alignment, region: AlignInput, o: ReuseOptions): boolean {
  const right = alignBanded(
    { ...region, aLo: Math.max(region.aLo, u.aEnd - 2 * o.gram), xDropFrom: u.aEnd },
    o,
  );
  if (right && right.aStart < u.aEnd && right.aEnd > u.aEnd) return true;
  const left = alignBanded({ ...region, aHi: Math.min(region.aHi, u.aStart + 2 * o.gram) }, o);
  return !!left && left.aEnd > u.aStart && left.aStart < u.aStart;
}

function accepted(al: Alignment, a: Int32Array, b: Int32Array, o: ReuseOptions): boolean {
  return (
    al.ownEqual >= o.minOwnShare * al.columns &&
    hanUnits(a, al.aStart, al.aEnd) >= o.minChars &&
    hanUnits(b, al.bStart, al.bEnd) >= o.minChars
  );
}

/** Han units among codes[start, end) (Han codes are code points, runs negative). */
function hanUnits(codes: Int32Array, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (codes[i]! > 0) n++;
  return n;
}

/** Best first; an alignment overlapping a better one by more than half on both sides goes. */
function distinct(found: Alignment[]): Alignment[] {
  const overlap = (s1: number, e1: number, s2: number, e2: number) =>
    Math.max(0, Math.min(e1, e2) - Math.max(s1, s2)) > 0.5 * Math.min(e1 - s1, e2 - s2);
  const kept: Alignment[] = [];
  const ordered = [...found].sort(
    (x, y) => y.score - x.score || x.aStart - y.aStart || x.bStart - y.bStart,
  );
  for (const al of ordered) {
    const dup = kept.some(
      (k) =>
        overlap(al.aStart, al.aEnd, k.aStart, k.aEnd) &&
        overlap(al.bStart, al.bEnd, k.bStart, k.bEnd),
    );
    if (!dup) kept.push(al);
  }
  return kept.sort((x, y) => x.aStart - y.aStart || x.bStart - y.bStart);
}

/** Two rows per passage, one from each side. Offsets come from each speech's units, made
 *  once per speech (not kept for all speeches: 12 bytes per unit). */
function passageRows(docs: readonly ReuseDoc[], found: readonly PairFound[]): ReusePassageRow[] {
  // Per passage and side: [start, end, chars] in the text of that side's speech.
  const spans = found.map((f) => f.passages.map(() => ({ a: [0, 0, 0], b: [0, 0, 0] })));
  const bySpeech: [pair: number, side: "a" | "b"][][] = docs.map(() => []);
  found.forEach((f, i) => {
    bySpeech[f.a]!.push([i, "a"]);
    bySpeech[f.b]!.push([i, "b"]);
  });
  bySpeech.forEach((refs, d) => {
    if (!refs.length) return;
    const u = textUnits(docs[d]!.text);
    for (const [i, side] of refs)
      found[i]!.passages.forEach((p, k) => {
        const [s, e] = side === "a" ? [p.aStart, p.aEnd] : [p.bStart, p.bEnd];
        spans[i]![k]![side] = [u.starts[s]!, u.ends[e - 1]!, u.hanBefore[e]! - u.hanBefore[s]!];
      });
  });
  const rows: ReusePassageRow[] = [];
  found.forEach((f, i) =>
    f.passages.forEach((p, k) => {
      const { a, b } = spans[i]![k]!;
      const identity = Math.round((p.equal / p.columns) * 10_000) / 10_000;
      const [da, db] = [docs[f.a]!, docs[f.b]!];
      rows.push(row(da, a, db, b, identity), row(db, b, da, a, identity));
    }),
  );
  return rows;
}

function row(
  doc: ReuseDoc,
  [start, end, chars]: number[],
  other: ReuseDoc,
  [otherStart, otherEnd]: number[],
  identity: number,
): ReusePassageRow {
  return {
    speech_id: doc.id,
    start: start!,
    end: end!,
    other_speech_id: other.id,
    other_start: otherStart!,
    other_end: otherEnd!,
    chars: chars!,
    identity,
    direction: direction(doc.year, other.year),
  };
}
