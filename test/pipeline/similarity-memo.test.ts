// Similarities of near-duplicate candidates kept between runs (pipeline/similarity-memo.ts):
// the same duplicate decisions with and without them, no text read for a pair already known,
// only the last run's pairs kept, and a damaged file treated as empty. The pipeline-level check
// (a rerun with the cache equals a fresh run, reusing pairs) is in test/scale/cache-shard.test.ts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  findDuplicates,
  minhashSignature,
  type DedupeDoc,
} from "../../data-loaders/ingest/dedupe.ts";
import { StoredSimilarities } from "../../data-loaders/pipeline/similarity-memo.ts";
import { paragraphPool, prng } from "../../scripts/bench/generate.ts";
import { GOVREPORTS_DIR, SAMPLE_DIR } from "../helpers/sample.ts";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const memoFile = () => join(mkdtempSync(join(tmpdir(), "similarities-")), "similarities.json");

/** Texts from real paragraphs, some of them near copies of earlier ones (a paragraph dropped or
 *  edited), some sharing paragraphs without being copies: LSH candidates of both kinds. */
function corpus(seed: number, count: number): string[] {
  const pool = paragraphPool([SAMPLE_DIR, GOVREPORTS_DIR]);
  const rand = prng(seed);
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    if (texts.length > 0 && rand() < 0.4) {
      const base = texts[Math.floor(rand() * texts.length)]!.split("\n");
      const at = Math.floor(rand() * base.length);
      if (rand() < 0.5) base.splice(at, 1);
      else base[at] = base[at]!.slice(0, Math.floor(base[at]!.length / 2)) + "要认真抓好贯彻落实。";
      texts.push(base.join("\n"));
    } else {
      const n = 6 + Math.floor(rand() * 10);
      texts.push(
        Array.from({ length: n }, () => pool[Math.floor(rand() * pool.length)]!).join("\n"),
      );
    }
  }
  return texts;
}

/** Documents as the pipeline gives them (signatures and digests computed where the text was
 *  processed, texts read back on demand), counting the reads. */
function docs(texts: readonly string[]): { docs: DedupeDoc[]; reads: () => number } {
  let reads = 0;
  return {
    docs: texts.map((t, i) => ({
      key: `d${String(i).padStart(3, "0")}`,
      text: () => (reads++, t),
      digest: sha256(t),
      signature: minhashSignature(t),
    })),
    reads: () => reads,
  };
}

test("with remembered similarities: the same duplicates, and no text read for a known pair", () => {
  const texts = corpus(11, 60);
  const plain = findDuplicates(docs(texts).docs);
  assert.ok(plain.size >= 5, `${plain.size} near duplicates`);

  const file = memoFile();
  const first = new StoredSimilarities(file);
  const cold = docs(texts);
  assert.deepEqual([...findDuplicates(cold.docs, 0.9, first)], [...plain]);
  assert.ok(first.added >= plain.size && first.hits === 0, `${first.added} computed`);
  assert.ok(cold.reads() > 0);
  first.save();

  // The next run: every pair comes from the file; nothing is read back or shingled.
  const second = new StoredSimilarities(file);
  const warm = docs(texts);
  assert.deepEqual([...findDuplicates(warm.docs, 0.9, second)], [...plain]);
  assert.equal(second.hits, first.added);
  assert.equal(second.added, 0);
  assert.equal(warm.reads(), 0);
});

test("a changed text: only its pairs are computed again, and the decisions follow the text", () => {
  const texts = corpus(12, 60);
  const file = memoFile();
  const first = new StoredSimilarities(file);
  findDuplicates(docs(texts).docs, 0.9, first);
  first.save();
  // A near copy made less alike (a third of its paragraphs dropped): still a candidate of the
  // text it copies, now below the threshold.
  const plain = findDuplicates(docs(texts).docs);
  const [victim] = [...plain.keys()];
  const i = Number(victim!.slice(1));
  const changed = [...texts];
  const lines = texts[i]!.split("\n");
  changed[i] = lines.slice(0, Math.ceil((2 * lines.length) / 3)).join("\n");
  const memo = new StoredSimilarities(file);
  const result = findDuplicates(docs(changed).docs, 0.9, memo);
  assert.deepEqual([...result], [...findDuplicates(docs(changed).docs)]);
  assert.ok(!result.has(victim!) || result.get(victim!)!.similarity < 1);
  assert.ok(memo.added > 0 && memo.hits > 0, `${memo.added} computed, ${memo.hits} reused`);
});

test("the file keeps the last run's pairs only, in a fixed order", () => {
  const texts = corpus(13, 40);
  const file = memoFile();
  const all = new StoredSimilarities(file);
  findDuplicates(docs(texts).docs, 0.9, all);
  all.save();
  const pairsOf = () => (JSON.parse(readFileSync(file, "utf8")) as { pairs: unknown[] }).pairs;
  const before = pairsOf().length;
  // A run over half the corpus meets fewer pairs; only those stay.
  const half = new StoredSimilarities(file);
  findDuplicates(docs(texts.slice(0, 20)).docs, 0.9, half);
  half.save();
  assert.ok(pairsOf().length === half.hits + half.added && pairsOf().length < before);
  // Same pairs → same bytes.
  const again = new StoredSimilarities(file);
  findDuplicates(docs(texts.slice(0, 20)).docs, 0.9, again);
  const bytes = readFileSync(file);
  again.save();
  assert.deepEqual(readFileSync(file), bytes);
});

test("a damaged, foreign or missing file is an empty memo", () => {
  const texts = corpus(14, 30);
  const expected = [...findDuplicates(docs(texts).docs)];
  // A run with no file: pairs met twice in the run (a text repeated after a near copy) count as
  // hits of this run's own pairs; a damaged file must give exactly those.
  const none = new StoredSimilarities(memoFile());
  assert.deepEqual([...findDuplicates(docs(texts).docs, 0.9, none)], expected);
  for (const content of [
    "{not json",
    JSON.stringify({ format: 999, shingleSize: 5, pairs: [] }),
    JSON.stringify({ format: 1, shingleSize: 5, pairs: [["a", "b", 0.5]] }),
    JSON.stringify({ format: 1, shingleSize: 5, pairs: [[sha256("x"), sha256("y"), 7]] }),
  ]) {
    const file = memoFile();
    writeFileSync(file, content);
    const memo = new StoredSimilarities(file);
    assert.deepEqual([...findDuplicates(docs(texts).docs, 0.9, memo)], expected);
    assert.equal(memo.hits, none.hits, content);
    assert.equal(memo.added, none.added, content);
  }
});
