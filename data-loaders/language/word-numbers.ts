// Words → dense numbers (0, 1, 2, … in order of first sight): the tokenizer's memory of the words
// it has seen, looked up once per token (millions per run).
//
// Why not a Map<string, number>: every token nodejieba returns is a new string, which a Map must
// hash (a call into the V8 runtime per token) and then compare with the stored key, another
// string somewhere in the heap: with ~10^5 words remembered, that is mostly waiting for memory.
// Here a word of one code unit (39 % of tokens) is looked up in an array indexed by the unit, a
// word of two units (48 %) in a table keyed by the two units as one integer, neither touching a
// stored string; longer words go through a table of code-unit hashes.

const EMPTY = -1;
const FIRST_SLOTS = 1 << 12;

export class WordNumbers {
  private words: string[] = [];
  /** Number of each one-unit word, by its code unit. */
  private single = new Int32Array(0x10000).fill(EMPTY);
  /** Two-unit words: key (first unit << 16 | second) and number per slot; linear probing, at
   *  most half full. */
  private pairKeys = new Int32Array(FIRST_SLOTS);
  private pairNumbers = new Int32Array(FIRST_SLOTS).fill(EMPTY);
  private pairs = 0;
  /** Longer words: a number per slot (EMPTY: free), by hash of the code units. */
  private slots = new Int32Array(FIRST_SLOTS).fill(EMPTY);
  private longer = 0;

  get size(): number {
    return this.words.length;
  }

  /** The word's number, given the next one (= size) when the word is new. */
  numberOf(word: string): number {
    const length = word.length;
    if (length === 1) {
      const c = word.charCodeAt(0);
      const n = this.single[c]!;
      if (n !== EMPTY) return n;
      return (this.single[c] = this.add(word));
    }
    if (length === 2) return this.pairNumber(word, (word.charCodeAt(0) << 16) | word.charCodeAt(1));
    const mask = this.slots.length - 1;
    let slot = hash(word) & mask;
    for (;;) {
      const n = this.slots[slot]!;
      if (n === EMPTY) break;
      if (this.words[n] === word) return n;
      slot = (slot + 1) & mask;
    }
    const n = (this.slots[slot] = this.add(word));
    if (2 * ++this.longer > this.slots.length) this.slots = this.rehashLonger();
    return n;
  }

  /** The word numbered n. */
  word(n: number): string {
    return this.words[n]!;
  }

  clear(): void {
    this.words = [];
    this.single.fill(EMPTY);
    this.pairKeys = new Int32Array(FIRST_SLOTS);
    this.pairNumbers = new Int32Array(FIRST_SLOTS).fill(EMPTY);
    this.pairs = 0;
    this.slots = new Int32Array(FIRST_SLOTS).fill(EMPTY);
    this.longer = 0;
  }

  private add(word: string): number {
    return this.words.push(word) - 1;
  }

  private pairNumber(word: string, key: number): number {
    const mask = this.pairNumbers.length - 1;
    let slot = mix(key) & mask;
    for (;;) {
      const n = this.pairNumbers[slot]!;
      if (n === EMPTY) break;
      if (this.pairKeys[slot] === key) return n;
      slot = (slot + 1) & mask;
    }
    const n = this.add(word);
    this.pairKeys[slot] = key;
    this.pairNumbers[slot] = n;
    if (2 * ++this.pairs > this.pairNumbers.length) this.rehashPairs();
    return n;
  }

  private rehashPairs(): void {
    const keys = this.pairKeys;
    const numbers = this.pairNumbers;
    this.pairKeys = new Int32Array(2 * keys.length);
    this.pairNumbers = new Int32Array(2 * keys.length).fill(EMPTY);
    const mask = keys.length * 2 - 1;
    for (let s = 0; s < keys.length; s++) {
      if (numbers[s] === EMPTY) continue;
      let slot = mix(keys[s]!) & mask;
      while (this.pairNumbers[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.pairKeys[slot] = keys[s]!;
      this.pairNumbers[slot] = numbers[s]!;
    }
  }

  private rehashLonger(): Int32Array<ArrayBuffer> {
    const slots = new Int32Array(2 * this.slots.length).fill(EMPTY);
    const mask = slots.length - 1;
    for (const n of this.slots) {
      if (n === EMPTY) continue;
      let slot = hash(this.words[n]!) & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = n;
    }
    return slots;
  }
}

/** murmur3's finalizer: spreads an integer key so that low bits vary. */
function mix(key: number): number {
  let h = Math.imul(key ^ (key >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** FNV-1a over the UTF-16 code units, spread by mix. */
function hash(word: string): number {
  let h = 0x811c9dc5 ^ word.length;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return mix(h);
}
