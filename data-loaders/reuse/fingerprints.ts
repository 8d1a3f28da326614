// Winnowing (Schleimer, Wilkerson & Aiken 2003) over hashed n-grams of units: in every window of
// `window` consecutive n-grams the smallest hash is selected (the rightmost on ties). Two texts
// sharing a stretch of gram + window - 1 units share at least one selected n-gram, and since
// window <= gram the selected n-grams of a text cover all of it but its edges.

export interface Fingerprints {
  /** Selected n-gram hashes, in text order. */
  hashes: Uint32Array;
  /** Unit index where each selected n-gram starts. */
  positions: Int32Array;
}

/** murmur3's finaliser: spreads the polynomial hash so "smallest" is not biased by code points. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const BASE = 0x01000193;

/** Hash of each n-gram codes[i, i + gram), by a rolling polynomial hash (mod 2^32). */
export function gramHashes(codes: Int32Array, gram: number): Uint32Array {
  const n = codes.length - gram + 1;
  if (n <= 0) return new Uint32Array(0);
  let top = 1; // BASE^(gram-1)
  for (let j = 1; j < gram; j++) top = Math.imul(top, BASE);
  const out = new Uint32Array(n);
  let h = 0;
  for (let j = 0; j < gram; j++) h = (Math.imul(h, BASE) + codes[j]!) | 0;
  out[0] = mix(h);
  for (let i = 1; i < n; i++) {
    h = (h - Math.imul(codes[i - 1]!, top)) | 0;
    h = (Math.imul(h, BASE) + codes[i + gram - 1]!) | 0;
    out[i] = mix(h);
  }
  return out;
}

export function winnow(codes: Int32Array, gram: number, window: number): Fingerprints {
  const hashes = gramHashes(codes, gram);
  const n = hashes.length;
  const selHashes: number[] = [];
  const selPositions: number[] = [];
  if (n === 0) return { hashes: new Uint32Array(0), positions: new Int32Array(0) };
  const w = Math.min(window, n);
  let last = -1;
  for (let end = w - 1; end < n; end++) {
    let best = end;
    for (let i = end - 1; i > end - w; i--) if (hashes[i]! < hashes[best]!) best = i;
    if (best !== last) {
      selHashes.push(hashes[best]!);
      selPositions.push(best);
      last = best;
    }
  }
  return { hashes: Uint32Array.from(selHashes), positions: Int32Array.from(selPositions) };
}
