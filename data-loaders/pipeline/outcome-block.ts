// The numeric half of a stored outcome (cache.ts) as one raw block: MinHash signature and the
// speech's kept tokens (LocalTokens) as typed-array bytes, the vocabulary as UTF-16 code units
// with word ends. Read back as views of one buffer, the words interned from their units
// (word-table.ts) and turned into strings only when asked for: V8 deserialization of the same
// data (~1,100 strings and four typed arrays per speech) cost more than the rest of a cache hit.
//
// Layout (native byte order, part of the cache key: cache.ts), 8-byte aligned from
// its start: i32 × 6 counts [minhash, vocab, ids, sentenceEnds, units, 0] | f64 minhash |
// i32 counts | i32 ids | i32 sentenceEnds | i32 wordEnds | u16 units (vocab words back to back).
import type { LocalTokens } from "./file-work.ts";

const COUNTS = 6;

export interface OutcomeNumbers {
  minhash: number[];
  tokens: LocalTokens;
}

export function encodeOutcomeBlock({ minhash, tokens }: OutcomeNumbers): Uint8Array {
  const { vocab, counts, ids, sentenceEnds } = tokens;
  let units = 0;
  for (const w of vocab) units += w.length;
  const i32 = COUNTS + vocab.length + ids.length + sentenceEnds.length + vocab.length;
  const bytes = 4 * COUNTS + 8 * minhash.length + 4 * (i32 - COUNTS) + 2 * units;
  const buf = new ArrayBuffer(bytes);
  const head = new Int32Array(buf, 0, COUNTS);
  head.set([minhash.length, vocab.length, ids.length, sentenceEnds.length, units, 0]);
  let at = 4 * COUNTS;
  new Float64Array(buf, at, minhash.length).set(minhash);
  at += 8 * minhash.length;
  for (const a of [counts, ids, sentenceEnds]) {
    new Int32Array(buf, at, a.length).set(a);
    at += 4 * a.length;
  }
  const wordEnds = new Int32Array(buf, at, vocab.length);
  at += 4 * vocab.length;
  const text = new Uint16Array(buf, at, units);
  let u = 0;
  vocab.forEach((w, i) => {
    for (let k = 0; k < w.length; k++) text[u++] = w.charCodeAt(k);
    wordEnds[i] = u;
  });
  return new Uint8Array(buf);
}

/** The block's numbers, typed arrays viewing `block` (its buffer must start at offset 0 of an
 *  8-aligned ArrayBuffer: readStoredHeader's raw), or null when the block is inconsistent. */
export function decodeOutcomeBlock(block: Uint8Array): OutcomeNumbers | null {
  if (block.byteOffset !== 0 || block.byteLength < 4 * COUNTS) return null;
  const buf = block.buffer;
  const [nMinhash, nVocab, nIds, nEnds, nUnits] = new Int32Array(buf, 0, COUNTS);
  const sizes = [nMinhash!, nVocab!, nIds!, nEnds!, nUnits!];
  if (!sizes.every((n) => n >= 0)) return null;
  const expected = 4 * COUNTS + 8 * nMinhash! + 4 * (2 * nVocab! + nIds! + nEnds!) + 2 * nUnits!;
  if (expected !== block.byteLength) return null;
  let at = 4 * COUNTS;
  const minhash = Array.from(new Float64Array(buf, at, nMinhash!));
  at += 8 * nMinhash!;
  const take = (n: number) => {
    const a = new Int32Array(buf, at, n);
    at += 4 * n;
    return a;
  };
  const counts = take(nVocab!);
  const ids = take(nIds!);
  const sentenceEnds = take(nEnds!);
  const wordEnds = take(nVocab!);
  const units = new Uint16Array(buf, at, nUnits!);
  let start = 0;
  for (let i = 0; i < nVocab!; i++) {
    const end = wordEnds[i]!;
    if (end < start || end > nUnits!) return null;
    start = end;
  }
  const packed: PackedVocab = { units, wordEnds };
  // The words as strings only if something asks for them (a shard file does; Collector.add
  // interns from `packed`).
  const tokens = { counts, ids, sentenceEnds } as Omit<LocalTokens, "vocab">;
  Object.defineProperty(tokens, "vocab", {
    enumerable: true,
    configurable: true,
    get() {
      const vocab = wordsOf(packed);
      Object.defineProperty(tokens, "vocab", { value: vocab, enumerable: true, writable: true });
      return vocab;
    },
  });
  packedVocabs.set(tokens, packed);
  return { minhash, tokens: tokens as LocalTokens };
}

/** A speech's vocabulary as UTF-16 units: word i is units[wordEnds[i - 1] .. wordEnds[i]). */
export interface PackedVocab {
  units: Uint16Array;
  wordEnds: Int32Array;
}

const packedVocabs = new WeakMap<object, PackedVocab>();

/** The vocabulary of tokens read by decodeOutcomeBlock, as units (undefined for others). */
export function packedVocabOf(tokens: LocalTokens): PackedVocab | undefined {
  return packedVocabs.get(tokens);
}

function wordsOf({ units, wordEnds }: PackedVocab): string[] {
  // One string for the whole vocabulary, then one substring per word.
  const all = Buffer.from(units.buffer, units.byteOffset, units.byteLength).toString("utf16le");
  const vocab = new Array<string>(wordEnds.length);
  for (let i = 0, start = 0; i < wordEnds.length; i++) {
    vocab[i] = all.substring(start, wordEnds[i]!);
    start = wordEnds[i]!;
  }
  return vocab;
}
