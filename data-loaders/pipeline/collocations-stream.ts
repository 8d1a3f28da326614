// collocations from compact sentence token ids, with bounded memory. Same rows and arithmetic
// as language/collocations.ts collocations() (default minCount), which keeps every sentence as a
// Set of strings and every pair in one Map (a JS Map holds at most 2^24 entries: it cannot
// count the pairs of a 10,000-speech corpus). Here pairs are counted exactly from an inverted
// index of sentences, one first term at a time, in a dense typed-array counter. Rows go to a
// sink: straight into the table writer's blocks (collocationBlocks), or as objects.
import { compareCodePoints, DEFAULT_MIN_COOCCURRENCE } from "../language/collocations.ts";
import { collocationsTable } from "../tables/language.ts";
import type { CollocationRow } from "../types.ts";
import { BlockBuilder, StringCells } from "./block-builder.ts";
import type { RowBlock } from "./column-blocks.ts";
import type { CompactSpeech as CollectedSpeech } from "./corpus-tables.ts";

/**
 * The distinct sentences of a flat array of ranks (open addressing; a sentence is its range in
 * `flat`), with the copies of each, in first-seen order. A sentence is looked up before it is
 * sorted, by a hash that ignores order and a comparison against the marks its ranks left in
 * `seen`: a copy (the 10,000-speech bench corpus has 37 k distinct sentences in 916 k) is then
 * never sorted.
 */
class SentenceSet {
  private slots: Int32Array; // 1 + index of a distinct sentence, 0 = empty
  private hashes: Int32Array;
  private starts: Int32Array;
  private lengths: Int32Array;
  copies: Int32Array;
  maxCopies = 0;
  private size = 0;
  constructor(
    private flat: Uint16Array | Int32Array,
    most: number,
  ) {
    // Grown as sentences come (a table for every sentence missed the cache on each lookup).
    this.slots = new Int32Array(1024);
    this.hashes = new Int32Array(most);
    this.starts = new Int32Array(most);
    this.lengths = new Int32Array(most);
    this.copies = new Int32Array(most);
  }

  /**
   * Adds the sentence flat[from, to) of distinct ranks, each r marked seen[r] === mark, with
   * order-free hash `hash`: true when it is new, false when it has the same ranks as one added
   * before (same count, and each of that one's ranks marked).
   */
  add(hash: number, from: number, to: number, seen: Int32Array, mark: number): boolean {
    const flat = this.flat;
    const len = to - from;
    const h = Math.imul(hash ^ len, 0x85ebca6b) ^ (hash >>> 13);
    if (2 * this.size >= this.slots.length) this.grow();
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const u = this.slots[slot]! - 1;
      if (u < 0) {
        this.slots[slot] = this.size + 1;
        this.hashes[this.size] = h;
        this.starts[this.size] = from;
        this.lengths[this.size] = len;
        this.copies[this.size++] = 1;
        this.maxCopies = Math.max(this.maxCopies, 1);
        return true;
      }
      if (this.hashes[u] !== h || this.lengths[u] !== len) continue;
      const start = this.starts[u]!;
      let same = true;
      for (let i = 0; i < len && same; i++) same = seen[flat[start + i]!] === mark;
      if (same) {
        this.maxCopies = Math.max(this.maxCopies, ++this.copies[u]!);
        return false;
      }
    }
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let u = 0; u < this.size; u++) {
      let slot = this.hashes[u]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = u + 1;
    }
    this.slots = slots;
  }
}

/** Sorts a[from, to) ascending: an insertion sort for the short runs most sentences are, where
 *  TypedArray.prototype.sort (a subarray and a native call each) cost ~0.3 s at 10,000 speeches. */
function sortRange(a: Uint16Array | Int32Array, from: number, to: number): void {
  if (to - from > 64) {
    a.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const x = a[i]!;
    let j = i - 1;
    for (; j >= from && a[j]! > x; j--) a[j + 1] = a[j]!;
    a[j + 1] = x;
  }
}

/** Where the rows go, one call per row; terms are term ids (indexes into `words`). */
interface CollocationSink {
  row(termA: number, termB: number, count: number, pmi: number, npmi: number): void;
  /** Stop (yield) after this row. */
  readonly full: boolean;
}

/** The rows into `sink`, yielding whenever it is full. */
function* collocationsInto(
  sink: CollocationSink,
  speeches: readonly CollectedSpeech[],
  words: readonly string[],
  minCount: number,
): Generator<void> {
  const V = words.length;
  const df = new Int32Array(V);
  const seen = new Int32Array(V).fill(-1);
  let n = 0;
  for (const s of speeches) {
    const tokens = s.tokens;
    let start = 0;
    for (const end of s.sentenceEnds) {
      for (let i = start; i < end; i++) {
        const t = tokens[i]!;
        if (seen[t] !== n) {
          seen[t] = n;
          df[t] = df[t]! + 1;
        }
      }
      start = end;
      n++;
    }
  }
  const vocab: number[] = [];
  for (let t = 0; t < V; t++) if (df[t]! >= minCount) vocab.push(t);
  vocab.sort((a, b) => compareCodePoints(words[a]!, words[b]!));
  const k = vocab.length;
  const rank = new Int32Array(V).fill(-1);
  vocab.forEach((t, r) => (rank[t] = r));

  // Each sentence as its sorted distinct vocabulary ranks, back to back in one flat array, each
  // sentence followed by END (so a position needs no separate record of its sentence's end).
  // Only sentences with a pair are kept, and each distinct one once, with its number of copies
  // (speeches repeat set phrases and headings): counting a copy adds the same integers.
  let total = 0;
  for (const sp of speeches) total += sp.tokens.length + sp.sentenceEnds.length;
  // 16-bit ranks when they fit: the pair count below reads the sentences in scattered places,
  // and half the bytes is ~20 % less time at 10,000 speeches. END is one past the last rank.
  const END = k;
  const flat = k < 0xffff ? new Uint16Array(total) : new Int32Array(total);
  const distinct = new SentenceSet(flat, n);
  // Per rank a mixed value; a sentence's hash is their sum (whatever the order).
  const mixed = new Int32Array(k);
  for (let r = 0; r < k; r++) {
    const x = Math.imul(r + 1, 0x9e3779b1);
    mixed[r] = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  }
  seen.fill(-1);
  let sentence = 0;
  let at = 0;
  for (const sp of speeches) {
    const tokens = sp.tokens;
    let start = 0;
    for (const e of sp.sentenceEnds) {
      const from = at;
      let hash = 0;
      for (let i = start; i < e; i++) {
        const r = rank[tokens[i]!]!;
        if (r >= 0 && seen[r] !== sentence) {
          seen[r] = sentence;
          flat[at++] = r;
          hash = (hash + mixed[r]!) | 0;
        }
      }
      start = e;
      if (at - from < 2)
        at = from; // no pair
      else if (distinct.add(hash, from, at, seen, sentence)) {
        sortRange(flat, from, at);
        flat[at++] = END;
      } else at = from; // a copy: counted on the first one
      sentence++;
    }
  }
  // Postings: for each rank, the flat positions where it occurs (in sentence order), and the
  // copies of each position's sentence.
  const occurrences = new Int32Array(k + 1); // positions per rank, then CSR offsets
  for (let x = 0; x < at; x++)
    if (flat[x] !== END) occurrences[flat[x]! + 1] = occurrences[flat[x]! + 1]! + 1;
  for (let r = 0; r < k; r++) occurrences[r + 1] = occurrences[r + 1]! + occurrences[r]!;
  const fill = occurrences.slice(0, k);
  const postings = new Int32Array(occurrences[k]!);
  const copies =
    distinct.maxCopies < 0xffff
      ? new Uint16Array(postings.length)
      : new Int32Array(postings.length);
  for (let x = 0, u = 0; x < at; x++) {
    if (flat[x] === END) u++;
    else {
      const p = fill[flat[x]!]!++;
      postings[p] = x;
      copies[p] = distinct.copies[u]!;
    }
  }

  // Pairs (a, b), a < b, counted term by term: for a, every sentence holding it adds one to
  // each later term of that sentence, in a dense counter reset after a. Work is one increment
  // per pair occurrence, memory one counter per vocabulary term; rows come out in (a, b) order.
  const count = new Int32Array(k);
  const touched = new Int32Array(k);
  for (let a = 0; a < k; a++) {
    let m = 0;
    for (let p = occurrences[a]!; p < occurrences[a + 1]!; p++) {
      const x = postings[p]!;
      const w = copies[p]!;
      for (let y = x + 1; flat[y] !== END; y++) {
        const b = flat[y]!;
        if (count[b] === 0) touched[m++] = b;
        count[b] = count[b]! + w;
      }
    }
    sortRange(touched, 0, m);
    const bs = touched;
    const ta = vocab[a]!;
    const dfa = df[ta]!;
    for (let j = 0; j < m; j++) {
      const b = bs[j]!;
      const c = count[b]!;
      count[b] = 0;
      if (c < minCount) continue;
      const tb = vocab[b]!;
      const dfb = df[tb]!;
      const pab = c / n;
      const pmi = Math.log(pab / ((dfa / n) * (dfb / n)));
      const npmi = pab === 1 ? 1 : pmi / -Math.log(pab);
      sink.row(ta, tb, c, pmi, npmi);
      if (sink.full) yield;
    }
  }
}

/** Rows as objects, in chunks of 8192 (tests, and readers that want rows). */
export function* collocationChunks(
  speeches: readonly CollectedSpeech[],
  words: readonly string[],
  { minCount = DEFAULT_MIN_COOCCURRENCE } = {},
): Generator<CollocationRow[]> {
  let rows: CollocationRow[] = [];
  const sink: CollocationSink = {
    row: (a, b, count, pmi, npmi) =>
      rows.push({ term_a: words[a]!, term_b: words[b]!, count, pmi, npmi }),
    get full() {
      return rows.length >= 8192;
    },
  };
  for (const _ of collocationsInto(sink, speeches, words, minCount)) {
    yield rows;
    rows = [];
  }
  if (rows.length) yield rows;
}

/** Rows as the table writer's blocks of `blockRows` rows (the last one shorter). */
export function* collocationBlocks(
  speeches: readonly CollectedSpeech[],
  words: readonly string[],
  blockRows: number,
  { minCount = DEFAULT_MIN_COOCCURRENCE } = {},
): Generator<RowBlock> {
  const cols = collocationsTable.columns;
  // The builder takes cells in column order, which row() below writes by index.
  if (cols.map((c) => c.name).join() !== "term_a,term_b,count,pmi,npmi")
    throw new Error("collocations columns changed: update collocationBlocks");
  const b = new BlockBuilder(collocationsTable, blockRows);
  // One set of cells for both term columns: string cells format alike (csvFormatter).
  const terms = new StringCells(cols[0]!, words);
  const sink: CollocationSink = {
    row(ta, tb, count, pmi, npmi) {
      b.str(0, terms, ta);
      b.str(1, terms, tb);
      b.int(2, count);
      b.num(3, pmi);
      b.num(4, npmi);
      b.end();
    },
    get full() {
      return b.full;
    },
  };
  for (const _ of collocationsInto(sink, speeches, words, minCount)) yield b.take();
  if (b.n > 0) yield b.take();
}
