// Exact and near-duplicate detection among ingested speeches. Pure.
//
// Measure: Jaccard similarity |A ∩ B| / |A ∪ B| of the sets of character 5-gram shingles of the
// two texts, taken with all whitespace removed (so re-wrapped paragraphs do not count as edits).
// Five Han characters are about two words: long enough that two different speeches share few
// shingles despite the common formulaic vocabulary, short enough that one edited paragraph only
// touches the shingles inside it.
//
// Scale: comparing every pair is quadratic (5·10^7 pairs for 10,000 speeches). Instead each text
// gets a MinHash signature (one-permutation hashing: one hash per shingle, the minimum kept per
// bin, empty bins filled from the next bin), signatures are cut into bands, and only texts that
// share a band bucket become candidates (LSH). Candidates are then verified with exact Jaccard
// over the shingle hashes, so the reported similarity is not an estimate. The hash seed is fixed:
// the same corpus always gives the same answer.

export interface DuplicateOf {
  /** Key of the kept document (the earliest one in input order that this one duplicates). */
  of: string;
  /** Jaccard similarity of 5-gram shingle sets, rounded to 4 decimals (1 for exact duplicates). */
  similarity: number;
  /** True when the normalized texts are identical. */
  exact: boolean;
}

export const SHINGLE_SIZE = 5;
const BINS = 128;
const ROWS_PER_BAND = 4; // 32 bands: a pair at J = 0.6 becomes a candidate with p ≈ 0.98
const SEED = 0x9e3779b9;

/**
 * Duplicates among `docs`, keyed by the duplicate's key. Documents are taken in input order; a
 * document is a duplicate when it is identical to, or has shingle Jaccard ≥ `threshold` with,
 * an earlier document that is itself kept. It points at the most similar such document
 * (ties: the earliest). Kept documents do not appear in the map.
 */
export interface DedupeDoc {
  key: string;
  /** The text, or a function that reads it back (only LSH candidates need it). */
  text: string | (() => string);
  /** MinHash signature (minhashSignature), when computed elsewhere. */
  signature?: ArrayLike<number>;
  /** A digest of the text (identical texts ⇔ identical digests), when the text is not at hand;
   *  give it for every document or for none. */
  digest?: string;
}

/**
 * Exact similarities of text pairs known from elsewhere (an earlier run: pipeline/similarity-
 * memo.ts), by the two texts' digests. Used only for documents that carry a digest; a pair it
 * does not know is computed and given to set().
 */
export interface SimilarityMemo {
  get(a: string, b: string): number | undefined;
  set(a: string, b: string, similarity: number): void;
}

export function findDuplicates(
  docs: DedupeDoc[],
  threshold = 0.9,
  memo?: SimilarityMemo,
): Map<string, DuplicateOf> {
  const result = new Map<string, DuplicateOf>();
  const firstByText = new Map<string, string>();
  const textOf = (d: DedupeDoc) => (typeof d.text === "string" ? d.text : d.text());
  // Kept texts (or their readers), not their shingle sets: 10,000 sets of ~10^4 shingles would
  // not fit in memory, and only the few LSH candidates ever need their set rebuilt.
  const kept: DedupeDoc[] = [];
  const keptSignatures: ArrayLike<number>[] = [];
  const bands = new LshBands();
  const keptShingles = new RecentShingles(SHINGLE_MEMO);

  for (const doc of docs) {
    const exactKey = doc.digest ?? textOf(doc);
    const exactOf = firstByText.get(exactKey);
    if (exactOf !== undefined) {
      result.set(doc.key, { of: exactOf, similarity: 1, exact: true });
      continue;
    }
    const sig = doc.signature ?? minhashSignature(textOf(doc));
    if (sig.length !== BINS)
      throw new Error(`MinHash signature of ${sig.length} values, not ${BINS}`);
    const candidates = bands.candidates(sig, keptSignatures);
    // Shingles only for the few texts with candidates (the signature, computed where the text
    // was processed and cached with it, is all the others need), and only for pairs the memo
    // does not know: the same Jaccard, computed in an earlier run.
    let shingles: Uint32Array | undefined;

    let best: { index: number; similarity: number } | null = null;
    for (const i of candidates) {
      const other = kept[i]!;
      const memoized = memo && doc.digest !== undefined && other.digest !== undefined;
      let similarity = memoized ? memo.get(doc.digest!, other.digest!) : undefined;
      if (similarity === undefined) {
        shingles ??= shingleHashes(textOf(doc));
        similarity = jaccard(
          shingles,
          keptShingles.get(i, () => shingleHashes(textOf(other))),
        );
        if (memoized) memo.set(doc.digest!, other.digest!, similarity);
      }
      if (similarity >= threshold && (best === null || similarity > best.similarity))
        best = { index: i, similarity };
    }
    if (best !== null) {
      result.set(doc.key, {
        of: kept[best.index]!.key,
        similarity: round4(best.similarity),
        exact: false,
      });
      continue;
    }

    firstByText.set(exactKey, doc.key);
    const index = kept.push(doc) - 1;
    keptSignatures.push(sig);
    bands.add(index, sig);
  }
  return result;
}

/** Kept shingle sets remembered (most recently used): a kept text that several later texts
 *  nearly duplicate is read back and shingled once, not once per candidate pair. */
const SHINGLE_MEMO = 64;

class RecentShingles {
  private sets = new Map<number, Uint32Array>();
  constructor(private size: number) {}
  get(index: number, make: () => Uint32Array): Uint32Array {
    let set = this.sets.get(index);
    if (set !== undefined) this.sets.delete(index);
    else {
      set = make();
      if (this.sets.size >= this.size) this.sets.delete(this.sets.keys().next().value!);
    }
    this.sets.set(index, set);
    return set;
  }
}

/**
 * LSH buckets: documents whose signatures agree on all rows of a band share that band's bucket.
 * A bucket is found by a 30-bit hash of the band's rows and the rows are then compared exactly,
 * so the candidates are those of an exact (band, rows) key, without building 32 key strings per
 * document.
 */
class LshBands {
  private buckets = Array.from({ length: BINS / ROWS_PER_BAND }, () => new Map<number, number[]>());

  /** Kept documents sharing a band with `sig`, ascending. */
  candidates(sig: ArrayLike<number>, keptSignatures: readonly ArrayLike<number>[]): number[] {
    let found: number[] | null = null;
    for (let b = 0; b < this.buckets.length; b++) {
      const list = this.buckets[b]!.get(bandHash(sig, b));
      if (list === undefined) continue;
      for (const i of list) {
        if (!sameBand(sig, keptSignatures[i]!, b)) continue;
        (found ??= []).push(i);
      }
    }
    if (found === null) return [];
    found.sort((a, b) => a - b);
    return found.filter((x, k) => k === 0 || x !== found![k - 1]);
  }

  add(index: number, sig: ArrayLike<number>): void {
    for (let b = 0; b < this.buckets.length; b++) {
      const key = bandHash(sig, b);
      const list = this.buckets[b]!.get(key);
      if (list) list.push(index);
      else this.buckets[b]!.set(key, [index]);
    }
  }
}

function bandHash(sig: ArrayLike<number>, band: number): number {
  let h = 0x811c9dc5;
  for (let r = band * ROWS_PER_BAND, end = r + ROWS_PER_BAND; r < end; r++) {
    const v = sig[r]!;
    // Values are integers below 2^32, or Infinity (empty text): both hash by their low and high
    // 32-bit halves; NaN never occurs. Equal values give equal hashes, which is all LSH needs.
    h = Math.imul(h ^ (v >>> 0), 0x01000193);
    h = Math.imul(h ^ Math.floor(v / 4294967296), 0x01000193);
  }
  return h & 0x3fffffff; // a small integer: a fast Map key
}

function sameBand(a: ArrayLike<number>, b: ArrayLike<number>, band: number): boolean {
  for (let r = band * ROWS_PER_BAND, end = r + ROWS_PER_BAND; r < end; r++) {
    const x = a[r]!;
    const y = b[r]!;
    // As the rows' decimal strings would compare: NaN equals NaN (x !== x only for NaN).
    if (x !== y && !(x !== x && y !== y)) return false;
  }
  return true;
}

/** Exact Jaccard similarity of two shingle sets (sorted, distinct; two empty sets: 1). */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let inter = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i]! === b[j]!) {
      inter++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return inter / (a.length + b.length - inter);
}

/**
 * 32-bit hashes of the character 5-grams (code points, whitespace removed). A text shorter than
 * five characters is one shingle. Hash collisions (≈ n²/2^33 per text) are negligible for
 * speech-length texts.
 */
export function shingleHashes(text: string): Uint32Array {
  const all = windowHashes(text);
  // A sorted array of distinct values: a Set of 10^4 numbers above 2^31 (heap numbers) costs
  // several times more to build, and sorted arrays intersect by merging.
  radixSort(all);
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i]!;
  return all.subarray(0, n);
}

/** The hash of every window (shingleHashes before sorting and removing repeats). */
function windowHashes(text: string): Uint32Array {
  // FNV-1a over the UTF-16 units of each window of five code points, read in place: the same
  // hash as fnv1a(window joined to a string), without building ~10^4 strings per text.
  const units = text.replace(/\s+/gu, "");
  if (units.length === 0) return new Uint32Array(0);
  return SURROGATE.test(units) ? windowsByCodePoint(units) : windowsByUnit(units);
}

const SURROGATE = /[\ud800-\udfff]/;

let radixScratch = new Uint32Array(1 << 14);
const radixCounts = new Int32Array(256);

/** Sorts in place, ascending: what Uint32Array.prototype.sort does, about twice as fast for
 *  the ~4,000 window hashes of a speech (four 8-bit counting passes, back in `a` after the
 *  fourth). */
function radixSort(a: Uint32Array): void {
  const n = a.length;
  if (radixScratch.length < n) radixScratch = new Uint32Array(2 * n);
  let src: Uint32Array = a;
  let dst: Uint32Array = radixScratch.subarray(0, n);
  for (let shift = 0; shift < 32; shift += 8) {
    radixCounts.fill(0);
    for (let i = 0; i < n; i++) radixCounts[(src[i]! >>> shift) & 255]!++;
    for (let d = 0, sum = 0; d < 256; d++) {
      const c = radixCounts[d]!;
      radixCounts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const v = src[i]!;
      dst[radixCounts[(v >>> shift) & 255]!++] = v;
    }
    [src, dst] = [dst, src];
  }
}

/** Window hashes when every code point is one UTF-16 unit (no surrogates): the common case. */
function windowsByUnit(units: string): Uint32Array {
  const window = Math.min(SHINGLE_SIZE, units.length);
  const all = new Uint32Array(units.length - window + 1);
  if (window === 5) {
    // The loop below unrolled, each unit read once: the same hashes.
    let c0 = 0;
    let c1 = units.charCodeAt(0);
    let c2 = units.charCodeAt(1);
    let c3 = units.charCodeAt(2);
    let c4 = units.charCodeAt(3);
    for (let p = 0; p < all.length; p++) {
      c0 = c1;
      c1 = c2;
      c2 = c3;
      c3 = c4;
      c4 = units.charCodeAt(p + 4);
      let h = Math.imul(0x811c9dc5 ^ c0, 0x01000193);
      h = Math.imul(h ^ c1, 0x01000193);
      h = Math.imul(h ^ c2, 0x01000193);
      h = Math.imul(h ^ c3, 0x01000193);
      all[p] = Math.imul(h ^ c4, 0x01000193);
    }
    return all;
  }
  for (let p = 0; p < all.length; p++) {
    let h = 0x811c9dc5;
    for (let i = p; i < p + window; i++) h = Math.imul(h ^ units.charCodeAt(i), 0x01000193);
    all[p] = h;
  }
  return all;
}

/** Window hashes over code points (a surrogate pair is one character). */
function windowsByCodePoint(units: string): Uint32Array {
  const starts: number[] = []; // start of each code point in `units`
  for (let i = 0; i < units.length; i++) {
    const c = units.charCodeAt(i);
    const before = i > 0 ? units.charCodeAt(i - 1) : 0;
    // A low surrogate right after a high one continues the same code point.
    if (
      c >= 0xdc00 &&
      c <= 0xdfff &&
      before >= 0xd800 &&
      before <= 0xdbff &&
      starts.at(-1) === i - 1
    )
      continue;
    starts.push(i);
  }
  starts.push(units.length);
  const points = starts.length - 1;
  const window = Math.min(SHINGLE_SIZE, points);
  const all = new Uint32Array(points - window + 1);
  for (let p = 0; p + window <= points; p++) {
    let h = 0x811c9dc5;
    for (let i = starts[p]!, end = starts[p + window]!; i < end; i++)
      h = Math.imul(h ^ units.charCodeAt(i), 0x01000193);
    all[p] = h;
  }
  return all;
}

export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's finalizer: spreads the FNV hash so bins and in-bin order are independent. */
function mix32(x: number): number {
  let h = (x ^ SEED) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One-permutation MinHash: the bin is the top 7 bits of the mixed hash, the value the rest. */
function signature(shingles: Uint32Array): Float64Array {
  const EMPTY = Infinity;
  const sig = new Float64Array(BINS).fill(EMPTY);
  for (const s of shingles) {
    const h = mix32(s);
    const bin = h >>> 25; // 2^7 = 128 bins
    const value = h & 0x1ffffff;
    if (value < sig[bin]!) sig[bin] = value;
  }
  // Densification (rotation): an empty bin borrows the next non-empty bin's value, offset so it
  // does not collide with a genuine value there. Only short texts have empty bins.
  if (shingles.length > 0) {
    for (let b = 0; b < BINS; b++) {
      if (sig[b] !== EMPTY) continue;
      for (let step = 1; step < BINS; step++) {
        const v = sig[(b + step) % BINS]!;
        if (v !== EMPTY && v < 0x2000000) {
          sig[b] = v + step * 0x2000000;
          break;
        }
      }
    }
  }
  return sig;
}

/** MinHash signature of a text (BINS values), as findDuplicates uses it. */
export function minhashSignature(text: string): number[] {
  // A minimum per bin, so the windows' hashes in any order and with repeats give the signature
  // of the shingle set: no sorting, no removing repeats (most of shingleHashes' cost).
  return Array.from(signature(windowHashes(text)));
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
