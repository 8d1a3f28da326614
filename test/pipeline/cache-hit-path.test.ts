// Duplicate detection's shingle hashes, which the cache-hit path (MinHash signatures kept in
// the cache entries) relies on: the sorted distinct window hashes.
import assert from "node:assert/strict";
import { test } from "node:test";
import { shingleHashes, SHINGLE_SIZE } from "../../data-loaders/ingest/dedupe.ts";

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
