// Inverted index of every speech's fingerprints: for a hash, which speeches have it, where, and
// in how many distinct speeches it occurs (its document frequency, which decides stock phrases).
// Typed arrays bucketed by the hash's top bits instead of a Map of arrays: at 10,000 speeches
// there are millions of fingerprints, and a Map entry per hash costs ten times the bytes.
import type { Fingerprints } from "./fingerprints.ts";

export class FingerprintIndex {
  /** Entries sorted by hash, then speech, then position. */
  private readonly hashes: Uint32Array;
  private readonly docs: Int32Array;
  private readonly positions: Int32Array;
  /** Distinct speeches of each entry's hash (the same value over a hash's run of entries). */
  private readonly df: Int32Array;
  private readonly bucketStart: Int32Array;
  private readonly shift: number;

  constructor(perDoc: readonly Fingerprints[]) {
    let total = 0;
    for (const f of perDoc) total += f.hashes.length;
    const bits = Math.max(8, Math.min(22, Math.ceil(Math.log2(total + 1))));
    this.shift = 32 - bits;
    const buckets = 1 << bits;
    const bucketStart = new Int32Array(buckets + 1);
    for (const f of perDoc) for (const h of f.hashes) bucketStart[(h >>> this.shift) + 1]!++;
    for (let i = 0; i < buckets; i++) bucketStart[i + 1]! += bucketStart[i]!;
    const fill = bucketStart.slice(0, buckets);
    const hashes = new Uint32Array(total);
    const docs = new Int32Array(total);
    const positions = new Int32Array(total);
    perDoc.forEach((f, doc) => {
      for (let i = 0; i < f.hashes.length; i++) {
        const h = f.hashes[i]!;
        const at = fill[h >>> this.shift]!++;
        hashes[at] = h;
        docs[at] = doc;
        positions[at] = f.positions[i]!;
      }
    });
    // Within a bucket entries are in (speech, position) order; a stable sort by hash keeps it.
    for (let bkt = 0; bkt < buckets; bkt++) {
      const lo = bucketStart[bkt]!;
      const hi = bucketStart[bkt + 1]!;
      if (hi - lo < 2) continue;
      let sorted = true;
      for (let i = lo + 1; i < hi && sorted; i++) sorted = hashes[i - 1]! <= hashes[i]!;
      if (sorted) continue;
      const order = Array.from({ length: hi - lo }, (_, i) => lo + i);
      order.sort((x, y) => hashes[x]! - hashes[y]! || x - y);
      const h2 = order.map((x) => hashes[x]!);
      const d2 = order.map((x) => docs[x]!);
      const p2 = order.map((x) => positions[x]!);
      hashes.set(h2, lo);
      docs.set(d2, lo);
      positions.set(p2, lo);
    }
    const df = new Int32Array(total);
    for (let lo = 0; lo < total;) {
      let hi = lo + 1;
      let distinct = 1;
      while (hi < total && hashes[hi] === hashes[lo]) {
        if (docs[hi] !== docs[hi - 1]) distinct++;
        hi++;
      }
      df.fill(distinct, lo, hi);
      lo = hi;
    }
    this.hashes = hashes;
    this.docs = docs;
    this.positions = positions;
    this.df = df;
    this.bucketStart = bucketStart;
  }

  /** [lo, hi) of the entries with this hash (empty when none). */
  range(hash: number): [number, number] {
    const bkt = hash >>> this.shift;
    const lo = this.bucketStart[bkt]!;
    const hi = this.bucketStart[bkt + 1]!;
    return [this.firstAtLeast(hash, lo, hi), this.firstAtLeast(hash + 1, lo, hi)];
  }

  /** First entry in [lo, hi) whose hash is >= target (a method, not a closure: this runs once
   *  per fingerprint per speech). */
  private firstAtLeast(target: number, lo: number, hi: number): number {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.hashes[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Distinct speeches with this hash. */
  documentFrequency(hash: number): number {
    const [lo, hi] = this.range(hash);
    return hi > lo ? this.df[lo]! : 0;
  }

  /** Calls f(speech, position) for every entry whose hash is in at least minDf speeches, in the
   *  index's order (sequential reads: cheaper than a lookup per fingerprint). */
  forEachEntryIn(minDf: number, f: (doc: number, position: number) => void): void {
    for (let e = 0; e < this.df.length; e++)
      if (this.df[e]! >= minDf) f(this.docs[e]!, this.positions[e]!);
  }

  /** Distinct speeches of the hash of entry `entry`. */
  dfAt(entry: number): number {
    return this.df[entry]!;
  }

  doc(entry: number): number {
    return this.docs[entry]!;
  }

  position(entry: number): number {
    return this.positions[entry]!;
  }
}
