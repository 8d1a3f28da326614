// The cache-hit path's own encodings give back exactly what they were given: the outcome block
// (numbers and vocabulary as raw bytes), word interning from UTF-16 units, and the sort under
// shingle hashes.
import assert from "node:assert/strict";
import { test } from "node:test";
import { deserialize, serialize } from "node:v8";
import { localTokens } from "../../data-loaders/pipeline/file-work.ts";
import {
  decodeOutcomeBlock,
  encodeOutcomeBlock,
  packedVocabOf,
} from "../../data-loaders/pipeline/outcome-block.ts";
import { WordTable } from "../../data-loaders/pipeline/word-table.ts";
import { shingleHashes, SHINGLE_SIZE } from "../../data-loaders/ingest/dedupe.ts";

const SENTENCES = [
  ["我们", "要", "坚持", "以人民为中心"],
  ["坚持", "𠮷野家", "", "我们"], // a surrogate pair, an empty token
  ["a", "要"],
];

/** The block as readStoredHeader hands it over: a copy with its own ArrayBuffer. */
const roundTrip = (block: Uint8Array) => decodeOutcomeBlock(new Uint8Array(block.slice().buffer));

test("an outcome block reads back the signature and tokens it was made from", () => {
  const tokens = localTokens(SENTENCES);
  const minhash = [0, 1.5, 2 ** 32 - 1, Infinity, ...Array.from({ length: 124 }, (_, i) => i)];
  const got = roundTrip(encodeOutcomeBlock({ minhash, tokens }));
  assert.ok(got);
  assert.deepEqual(got.minhash, minhash);
  assert.deepEqual([...got.tokens.counts], [...tokens.counts]);
  assert.deepEqual([...got.tokens.ids], [...tokens.ids]);
  assert.deepEqual([...got.tokens.sentenceEnds], [...tokens.sentenceEnds]);
  assert.ok(packedVocabOf(got.tokens), "the vocabulary stays packed until asked for");
  // A shard file serializes the outcome: the words are there as strings.
  const copy = deserialize(serialize(got.tokens)) as typeof tokens;
  assert.deepEqual(copy.vocab, tokens.vocab);
  assert.deepEqual(got.tokens.vocab, tokens.vocab);
  assert.equal(packedVocabOf(tokens), undefined, "tokens from a worker are not packed");
});

test("an inconsistent outcome block is refused, not misread", () => {
  const block = encodeOutcomeBlock({ minhash: [1, 2], tokens: localTokens(SENTENCES) });
  assert.equal(roundTrip(block.subarray(0, block.length - 2)), null, "cut short");
  const longer = new Uint8Array(block.length + 8);
  longer.set(block);
  assert.equal(roundTrip(longer), null, "trailing bytes");
  const bad = block.slice();
  new Int32Array(bad.buffer)[1] = -1; // vocabulary size
  assert.equal(roundTrip(bad), null, "negative count");
});

test("words interned from units and from strings get the same ids, in first-seen order", () => {
  const words = ["坚持", "我们", "", "𠮷", "坚持", "a", "我们", "b"];
  const byString = new WordTable();
  const ids = words.map((w) => byString.intern(w));
  assert.deepEqual(ids, [0, 1, 2, 3, 0, 4, 1, 5]);
  assert.deepEqual(byString.words, ["坚持", "我们", "", "𠮷", "a", "b"]);

  // The same words as one run of units: interleaved with string lookups, ids agree.
  const mixed = new WordTable();
  const joined = words.join("");
  const units = Uint16Array.from({ length: joined.length }, (_, i) => joined.charCodeAt(i));
  let at = 0;
  const got = words.map((w, k) => {
    const id = k % 2 ? mixed.intern(w) : mixed.internUnits(units, at, at + w.length);
    at += w.length;
    return id;
  });
  assert.deepEqual(got, ids);
  assert.deepEqual(mixed.words, byString.words);
});

test("the word table keeps ids across growth (many words)", () => {
  const table = new WordTable();
  const words = Array.from({ length: 20_000 }, (_, i) => `词${i.toString(36)}`);
  words.forEach((w, i) => assert.equal(table.intern(w), i));
  const units = new Uint16Array(words.join("").length);
  let at = 0;
  for (const w of words) for (let k = 0; k < w.length; k++) units[at++] = w.charCodeAt(k);
  at = 0;
  for (let i = 0; i < words.length; i++) {
    assert.equal(table.internUnits(units, at, at + words[i]!.length), i);
    at += words[i]!.length;
  }
  assert.equal(table.words.length, words.length);
});

test("shingle hashes are the sorted distinct window hashes", () => {
  let text = "";
  for (let i = 0; i < 5000; i++) text += String.fromCharCode(0x4e00 + ((i * 7919) % 300));
  const got = shingleHashes(text);
  // Reference: FNV-1a of every window, sorted by the built-in sort, duplicates dropped.
  const all: number[] = [];
  for (let p = 0; p + SHINGLE_SIZE <= text.length; p++) {
    let h = 0x811c9dc5;
    for (let i = p; i < p + SHINGLE_SIZE; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    all.push(h >>> 0);
  }
  const want = [...new Set(all)].sort((a, b) => a - b);
  assert.deepEqual([...got], want);
});
