// Text reuse over a corpus: passages of at least minChars Han characters that two speeches
// share despite small edits. Three steps, as in passim or BLAST-style reuse detection:
//  1. fingerprint every speech (winnowed hashed n-grams of units) into one inverted index;
//     fingerprints in a large share of the speeches are stock phrases: masked, never seeds;
//  2. for each speech, the fingerprints it shares with later speeches (by id) are seeds,
//     grouped per pair into diagonal chains (chains.ts);
//  3. each chain's region is aligned (align.ts); alignments long and original enough are kept.
// Pure and deterministic: the result depends on the set of speeches, not their order.
import type { ReusePassageRow } from "../tables/reuse.ts";
import { alignBanded, type Alignment } from "./align.ts";
import { chainSeeds, type Seed } from "./chains.ts";
import { direction } from "./direction.ts";
import { FingerprintIndex } from "./fingerprint-index.ts";
import { winnow, type Fingerprints } from "./fingerprints.ts";
import { maskPhrases, phraseMask, type PhraseMask } from "./mask.ts";
import { reuseOptions, stockThreshold, type ReuseOptions } from "./options.ts";
import { textUnits, type Units } from "./units.ts";

export interface ReuseDoc {
  id: string;
  /** The speech's cleaned text (offsets in the result index it). */
  text: string;
  year: number | null;
}

export interface DetectOptions extends Partial<ReuseOptions> {
  /** Phrases masked everywhere (the lexicon's surface forms: mask.ts lexiconPhrases). */
  phrases?: Iterable<string>;
}

/** What the pair loop needs of a speech, kept for every speech: 5 bytes per unit. */
interface Sequence {
  codes: Int32Array;
  /** 1 = formulation or stock phrase. */
  mask: Uint8Array;
}

export function detectReuse(
  input: readonly ReuseDoc[],
  opts: DetectOptions = {},
): ReusePassageRow[] {
  const o = reuseOptions(opts);
  const phrases = phraseMask(opts.phrases ?? []);
  const docs = [...input].sort((x, y) => cmp(x.id, y.id));
  for (let i = 1; i < docs.length; i++)
    if (docs[i]!.id === docs[i - 1]!.id)
      throw new Error(`reuse: duplicate speech id ${docs[i]!.id}`);

  const codes = docs.map((d) => textUnits(d.text).codes);
  const fingerprints = codes.map((c) => winnow(c, o.gram, o.window));
  const index = new FingerprintIndex(fingerprints);
  const stockDf = stockThreshold(o, docs.length);
  const sequences: Sequence[] = codes.map((c, i) => ({
    codes: c,
    mask: speechMask(c, fingerprints[i]!, index, stockDf, phrases, o),
  }));
  // Offsets are needed only for the rows: recomputed, for the few speeches at hand.
  const units = recent((i) => textUnits(docs[i]!.text));

  const rows: ReusePassageRow[] = [];
  for (let a = 0; a < docs.length; a++) {
    const seeds = seedsWithLaterDocs(a, fingerprints[a]!, sequences[a]!.mask, index, stockDf, o);
    for (const [b, pairSeeds] of seeds) {
      for (const al of alignPair(pairSeeds, sequences[a]!, sequences[b]!, o)) {
        rows.push(passageRow(docs[a]!, units(a), docs[b]!, units(b), al, false));
        rows.push(passageRow(docs[b]!, units(b), docs[a]!, units(a), al, true));
      }
    }
  }
  return rows.sort(
    (x, y) =>
      cmp(x.speech_id, y.speech_id) ||
      x.start - y.start ||
      cmp(x.other_speech_id, y.other_speech_id) ||
      x.other_start - y.other_start ||
      x.end - y.end ||
      x.other_end - y.other_end,
  );
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

function speechMask(
  codes: Int32Array,
  fingerprints: Fingerprints,
  index: FingerprintIndex,
  stockDf: number,
  phrases: PhraseMask,
  o: ReuseOptions,
): Uint8Array {
  const mask = maskPhrases(codes, phrases);
  // Selected n-grams cover the text without gaps (window <= gram), so masking the stock ones
  // masks a stock passage whole, not just where its fingerprints happen to fall.
  for (let i = 0; i < fingerprints.hashes.length; i++) {
    if (index.documentFrequency(fingerprints.hashes[i]!) >= stockDf) {
      const p = fingerprints.positions[i]!;
      mask.fill(1, p, p + o.gram);
    }
  }
  return mask;
}

/** The last few values of f: the speeches of the rows being written. */
function recent<T>(f: (i: number) => T, capacity = 256): (i: number) => T {
  const cache = new Map<number, T>();
  return (i) => {
    let v = cache.get(i);
    if (v !== undefined) {
      cache.delete(i);
    } else {
      v = f(i);
      if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
    }
    cache.set(i, v);
    return v;
  };
}

/** Seeds of speech a with every speech b > a, per b in ascending order, sorted by (a, b). */
function seedsWithLaterDocs(
  a: number,
  { hashes, positions }: Fingerprints,
  mask: Uint8Array,
  index: FingerprintIndex,
  stockDf: number,
  o: ReuseOptions,
): [number, Seed[]][] {
  const byDoc = new Map<number, Seed[]>();
  const repeats = new Map<number, number>();
  for (let f = 0; f < hashes.length; f++) {
    const p = positions[f]!;
    if (mask.subarray(p, p + o.gram).includes(1)) continue; // formulation or stock phrase
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
      let taken = 0;
      for (; e < hi && index.doc(e) === b; e++) {
        if (taken++ >= o.maxRepeats) continue;
        const list = byDoc.get(b) ?? [];
        list.push({ a: p, b: index.position(e) });
        byDoc.set(b, list);
      }
    }
  }
  return [...byDoc.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([b, seeds]) => [b, seeds.sort((x, y) => x.a - y.a || x.b - y.b)]);
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
    const al = alignBanded(
      {
        a: pa.codes,
        aMask: pa.mask,
        b: pb.codes,
        bMask: pb.mask,
        aLo: Math.max(0, minA - o.edgePad),
        aHi: Math.min(pa.codes.length, maxA + o.gram + o.edgePad),
        dLo: minD - o.bandPad,
        dHi: maxD + o.bandPad,
      },
      o,
    );
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

function passageRow(
  doc: ReuseDoc,
  units: Units,
  other: ReuseDoc,
  otherUnits: Units,
  al: Alignment,
  swapped: boolean,
): ReusePassageRow {
  const [s, e, os, oe] = swapped
    ? [al.bStart, al.bEnd, al.aStart, al.aEnd]
    : [al.aStart, al.aEnd, al.bStart, al.bEnd];
  return {
    speech_id: doc.id,
    start: units.starts[s]!,
    end: units.ends[e - 1]!,
    other_speech_id: other.id,
    other_start: otherUnits.starts[os]!,
    other_end: otherUnits.ends[oe - 1]!,
    chars: units.hanBefore[e]! - units.hanBefore[s]!,
    identity: Math.round((al.equal / al.columns) * 10_000) / 10_000,
    direction: direction(doc.year, other.year),
  };
}
