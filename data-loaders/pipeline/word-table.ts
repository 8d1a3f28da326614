// The corpus vocabulary: word ↔ id (ids in order of first appearance). Looked up by UTF-16
// code units, so the words of a cached speech (outcome-block.ts: one run of units per speech)
// are interned without building a string per word: with ~1,100 distinct words per speech,
// building each string and hashing it again in a Map was the largest cost of a cache hit. A
// string (outcomes from workers) hashes to the same slot as its units, so both paths share ids.
export class WordTable {
  /** words[id]: the word itself. */
  readonly words: string[] = [];
  private units = new Uint16Array(1 << 16);
  private used = 0;
  /** Word id's units are units[ends[id] - length .. ends[id]); starts[id] = its first unit. */
  private starts = new Int32Array(1 << 12);
  private ends = new Int32Array(1 << 12);
  private hashes = new Int32Array(1 << 12);
  /** Open addressing: word id + 1 per slot, 0 = empty. At most half full. */
  private slots = new Int32Array(1 << 13);

  /** Id of the word made of `units[start..end)`, added if new. */
  internUnits(units: Uint16Array, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ units[i]!, 0x01000193);
    h = finish(h);
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const id = this.slots[s]! - 1;
      if (id < 0) return this.add(s, h, units, start, end, null);
      if (this.hashes[id] === h && this.sameUnits(id, units, start, end)) return id;
    }
  }

  /** Id of `word`, added if new. */
  intern(word: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
    h = finish(h);
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const id = this.slots[s]! - 1;
      if (id < 0) return this.add(s, h, null, 0, word.length, word);
      if (this.hashes[id] === h && this.sameString(id, word)) return id;
    }
  }

  private sameUnits(id: number, units: Uint16Array, start: number, end: number): boolean {
    const from = this.starts[id]!;
    if (this.ends[id]! - from !== end - start) return false;
    for (let i = 0; i < end - start; i++)
      if (this.units[from + i] !== units[start + i]) return false;
    return true;
  }

  private sameString(id: number, word: string): boolean {
    const from = this.starts[id]!;
    if (this.ends[id]! - from !== word.length) return false;
    for (let i = 0; i < word.length; i++)
      if (this.units[from + i] !== word.charCodeAt(i)) return false;
    return true;
  }

  /** Adds a new word into empty slot `slot` (from `units[start..end)`, or `word` when given). */
  private add(
    slot: number,
    hash: number,
    units: Uint16Array | null,
    start: number,
    end: number,
    word: string | null,
  ): number {
    const id = this.words.length;
    const length = end - start;
    if (this.used + length > this.units.length)
      this.units = grown(this.units, Math.max(2 * this.units.length, this.used + length));
    if (id === this.starts.length) {
      this.starts = grown(this.starts, 2 * id);
      this.ends = grown(this.ends, 2 * id);
      this.hashes = grown(this.hashes, 2 * id);
    }
    const from = this.used;
    if (units) this.units.set(units.subarray(start, end), from);
    else for (let i = 0; i < length; i++) this.units[from + i] = word!.charCodeAt(i);
    this.used += length;
    this.starts[id] = from;
    this.ends[id] = this.used;
    this.hashes[id] = hash;
    this.words.push(word ?? String.fromCharCode(...this.units.subarray(from, this.used)));
    this.slots[slot] = id + 1;
    if (2 * this.words.length > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(2 * this.slots.length);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.words.length; id++) {
      let s = this.hashes[id]! & mask;
      while (this.slots[s] !== 0) s = (s + 1) & mask;
      this.slots[s] = id + 1;
    }
  }
}

/** murmur3's finalizer: FNV's low bits (the slot) depend on every unit. */
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) & 0x7fffffff;
}

function grown<T extends Uint16Array | Int32Array>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}
