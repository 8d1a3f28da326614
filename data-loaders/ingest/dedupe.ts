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
export function findDuplicates(
  docs: { key: string; text: string }[],
  threshold = 0.9,
): Map<string, DuplicateOf> {
  const result = new Map<string, DuplicateOf>();
  const firstByText = new Map<string, string>();
  // Kept texts, not their shingle sets: 10,000 sets of ~10^4 shingles would not fit in memory,
  // and only the few LSH candidates ever need their set rebuilt.
  const kept: { key: string; text: string }[] = [];
  const buckets = new Map<string, number[]>(); // band bucket → indices into `kept`

  for (const doc of docs) {
    const exactOf = firstByText.get(doc.text);
    if (exactOf !== undefined) {
      result.set(doc.key, { of: exactOf, similarity: 1, exact: true });
      continue;
    }
    const shingles = shingleHashes(doc.text);
    const bandKeys = lshBandKeys(signature(shingles));

    const candidates = new Set<number>();
    for (const band of bandKeys) for (const i of buckets.get(band) ?? []) candidates.add(i);

    let best: { index: number; similarity: number } | null = null;
    for (const i of [...candidates].sort((a, b) => a - b)) {
      const similarity = jaccard(shingles, shingleHashes(kept[i]!.text));
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

    firstByText.set(doc.text, doc.key);
    const index = kept.push({ key: doc.key, text: doc.text }) - 1;
    for (const band of bandKeys) {
      const list = buckets.get(band);
      if (list) list.push(index);
      else buckets.set(band, [index]);
    }
  }
  return result;
}

/** Exact Jaccard similarity of two shingle sets (two empty sets are identical: 1). */
export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/**
 * 32-bit hashes of the character 5-grams (code points, whitespace removed). A text shorter than
 * five characters is one shingle. Hash collisions (≈ n²/2^33 per text) are negligible for
 * speech-length texts.
 */
export function shingleHashes(text: string): Set<number> {
  const chars = Array.from(text.replace(/\s+/gu, ""));
  const out = new Set<number>();
  if (chars.length === 0) return out;
  if (chars.length < SHINGLE_SIZE) {
    out.add(fnv1a(chars.join("")));
    return out;
  }
  for (let i = 0; i + SHINGLE_SIZE <= chars.length; i++)
    out.add(fnv1a(chars.slice(i, i + SHINGLE_SIZE).join("")));
  return out;
}

function fnv1a(s: string): number {
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
function signature(shingles: Set<number>): Float64Array {
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
  if (shingles.size > 0) {
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

function lshBandKeys(sig: Float64Array): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BINS / ROWS_PER_BAND; b++) {
    const rows = Array.from(sig.subarray(b * ROWS_PER_BAND, (b + 1) * ROWS_PER_BAND));
    keys.push(`${b}:${rows.join(",")}`);
  }
  return keys;
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
