// Which earlier paragraphs share a sampled 8-character substring with a paragraph: the candidate
// lookup of repeated-body.ts. A key shorter than 8 stands for itself as one "gram".
//
// Every position of every indexed key is an entry in a hash table of typed arrays (chained
// buckets), and a lookup compares the characters themselves, so the answer is exactly that of a
// Map from gram strings to paragraphs — without cutting (and collecting) a string per position,
// which made this the costliest step of cleaning.

export const GRAM = 8;

export class GramIndex {
  private readonly keys: readonly string[];
  private readonly mask: number;
  private readonly head: Int32Array;
  private next: Int32Array;
  private para: Int32Array;
  /** Start of the gram in its key, or -1 for a short key standing for itself. */
  private pos: Int32Array;
  private hash: Int32Array;
  private size = 0;
  /** Per paragraph: the last sample that counted it, and its count in the current lookup. */
  private readonly stamp: Int32Array;
  private readonly hits: Int32Array;
  private sample = 0;

  /** `keys`: the paragraph keys, by paragraph index (the index used in add and returned). */
  constructor(keys: readonly string[]) {
    this.keys = keys;
    let chars = 0;
    for (const k of keys) chars += Math.max(1, k.length - GRAM + 1);
    let buckets = 16;
    while (buckets < chars) buckets *= 2;
    this.mask = buckets - 1;
    this.head = new Int32Array(buckets).fill(-1);
    this.next = new Int32Array(chars);
    this.para = new Int32Array(chars);
    this.pos = new Int32Array(chars);
    this.hash = new Int32Array(chars);
    this.stamp = new Int32Array(keys.length).fill(-1);
    this.hits = new Int32Array(keys.length);
  }

  /** Index every gram of paragraph j's key. */
  add(j: number): void {
    const key = this.keys[j]!;
    if (key.length < GRAM) {
      this.insert(shortHash(key), j, -1);
      return;
    }
    // Rolling form of gramHash: drop the first unit's term, shift, add the next unit.
    let h = gramHash(key, 0);
    for (let p = 0; ; p++) {
      this.insert(h, j, p);
      if (p + GRAM >= key.length) break;
      h = (Math.imul(h - Math.imul(key.charCodeAt(p), TOP), BASE) + key.charCodeAt(p + GRAM)) | 0;
    }
  }

  /**
   * Indexed paragraphs containing at least `ceil(samples / 2)` of the grams sampled every
   * `stride` characters from `key` (a short key: the key itself), in ascending order. A
   * paragraph counts once per sample, however often it holds the gram.
   */
  candidates(key: string, stride: number): number[] {
    const touched: number[] = [];
    let samples = 0;
    if (key.length < GRAM) {
      samples = 1;
      this.lookup(key, -1, shortHash(key), touched);
    } else {
      for (let p = 0; p + GRAM <= key.length; p += stride) {
        samples++;
        this.lookup(key, p, gramHash(key, p), touched);
      }
    }
    const need = Math.ceil(samples / 2);
    const out: number[] = [];
    for (const i of touched) {
      if (this.hits[i]! >= need) out.push(i);
      this.hits[i] = 0;
    }
    return out.sort((a, b) => a - b);
  }

  private lookup(key: string, p: number, h: number, touched: number[]): void {
    const sample = this.sample++;
    for (let e = this.head[h & this.mask]!; e !== -1; e = this.next[e]!) {
      if (this.hash[e] !== h) continue;
      const i = this.para[e]!;
      if (this.stamp[i] === sample) continue;
      const q = this.pos[e]!;
      const other = this.keys[i]!;
      const same = p === -1 ? q === -1 && other === key : q !== -1 && sameGram(key, p, other, q);
      if (!same) continue;
      this.stamp[i] = sample;
      const n = this.hits[i]!;
      if (n === 0) touched.push(i);
      this.hits[i] = n + 1;
    }
  }

  private insert(h: number, j: number, p: number): void {
    const e = this.size++;
    if (e === this.next.length) this.grow();
    const b = h & this.mask;
    this.next[e] = this.head[b]!;
    this.head[b] = e;
    this.para[e] = j;
    this.pos[e] = p;
    this.hash[e] = h;
  }

  private grow(): void {
    const n = this.next.length * 2 + 16;
    const copy = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.next = copy(this.next);
    this.para = copy(this.para);
    this.pos = copy(this.pos);
    this.hash = copy(this.hash);
  }
}

const BASE = 0x01000193;
/** BASE^(GRAM-1) mod 2^32: the weight of a gram's first unit. */
const TOP = (() => {
  let t = 1;
  for (let k = 1; k < GRAM; k++) t = Math.imul(t, BASE);
  return t;
})();

/** Σ unit_k · BASE^(GRAM-1-k) mod 2^32 over the gram at p (a polynomial hash, so it can roll). */
function gramHash(s: string, p: number): number {
  let h = 0;
  for (let k = p; k < p + GRAM; k++) h = (Math.imul(h, BASE) + s.charCodeAt(k)) | 0;
  return h;
}

function shortHash(s: string): number {
  let h = 0x811c9dc5 ^ s.length;
  for (let k = 0; k < s.length; k++) h = (Math.imul(h, 0x01000193) ^ s.charCodeAt(k)) | 0;
  return h;
}

function sameGram(a: string, p: number, b: string, q: number): boolean {
  for (let k = 0; k < GRAM; k++) if (a.charCodeAt(p + k) !== b.charCodeAt(q + k)) return false;
  return true;
}
