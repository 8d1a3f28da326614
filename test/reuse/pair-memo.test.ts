// Aligned passages of reuse pairs kept between runs (pipeline/reuse-memo.ts): a rerun gives the
// rows of a fresh run and aligns only the pairs it has not met (those of a changed speech); a
// change that makes a passage stock (a corpus-wide mask) recomputes the pairs of the speeches
// holding it, so no stale passage comes back; a damaged file is an empty memo.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadLexicon } from "../../data-loaders/language/lexicon.ts";
import { StoredReusePairs } from "../../data-loaders/pipeline/reuse-memo.ts";
import { detectReuse, type ReuseDoc } from "../../data-loaders/reuse/detect.ts";
import { lexiconPhrases } from "../../data-loaders/reuse/mask.ts";
import { plantedCorpus, prng } from "./planted.ts";

const phrases = lexiconPhrases(loadLexicon());
const memoFile = () => join(mkdtempSync(join(tmpdir(), "reuse-pairs-")), "pairs.json");

/** Runs detection with a memo read from `file`, saves it, and returns rows and counts. */
function withMemo(docs: readonly ReuseDoc[], file: string, opts = {}) {
  const memo = new StoredReusePairs(file);
  const rows = detectReuse(docs, { phrases, ...opts, pairs: memo });
  memo.save();
  return { rows, hits: memo.hits, added: memo.added };
}

const planted = () =>
  plantedCorpus({ seed: 9, sources: 8, targets: 8, copiesPerTarget: 3, formulations: phrases })
    .docs;

test("a rerun with the memo: the rows of a fresh run, no pair aligned again", () => {
  const docs = planted();
  const fresh = detectReuse(docs, { phrases });
  assert.ok(fresh.length > 0);
  const file = memoFile();
  const first = withMemo(docs, file);
  assert.deepEqual(first.rows, fresh);
  assert.equal(first.hits, 0);
  assert.ok(first.added > 0);
  const again = withMemo(docs, file);
  assert.deepEqual(again.rows, fresh);
  assert.deepEqual([again.hits, again.added], [first.added, 0]);
});

test("one speech changed: only its pairs are aligned again, and the rows are a fresh run's", () => {
  const docs = planted();
  const file = memoFile();
  const first = withMemo(docs, file);
  const t = docs.findIndex((d) => d.id.startsWith("tgt"));
  const changed = docs.map((d, i) =>
    i === t ? { ...d, text: d.text.slice(0, 40) + "县" + d.text.slice(41) } : d,
  );
  const rerun = withMemo(changed, file);
  assert.deepEqual(rerun.rows, detectReuse(changed, { phrases }));
  // The changed speech's pairs, at most one with each other speech; every other pair reused.
  assert.ok(rerun.added > 0 && rerun.added < docs.length, `${rerun.added} pairs aligned`);
  assert.equal(rerun.hits + rerun.added, withMemo(changed, memoFile()).added);
  assert.ok(rerun.hits >= first.added - docs.length + 1);
});

test("a passage that becomes stock: the pairs of the speeches holding it are recomputed", () => {
  const rand = prng(31);
  const han = (n: number) =>
    Array.from({ length: n }, () => String.fromCodePoint(0x4e00 + Math.floor(rand() * 20000))).join(
      "",
    );
  const passage = han(90);
  const bodies = Array.from({ length: 30 }, () => [han(200), han(200)]);
  // 30 speeches: the stock threshold is max(5, 20 % of 30) = 6 speeches.
  const corpus = (holders: number): ReuseDoc[] =>
    bodies.map(([x, y], i) => ({
      id: `d${String(i).padStart(2, "0")}`,
      year: 2000 + i,
      text: `${x}。${i < holders ? passage + "。" : ""}${y}`,
    }));
  const file = memoFile();
  const five = withMemo(corpus(5), file, { stockMinSpeeches: 5 });
  assert.equal(new Set(five.rows.map((r) => `${r.speech_id} ${r.other_speech_id}`)).size, 20);
  // A sixth speech quotes it: now stock in all six, so the five speeches' masks changed.
  const six = withMemo(corpus(6), file, { stockMinSpeeches: 5 });
  assert.deepEqual(six.rows, []);
  assert.deepEqual(six.rows, detectReuse(corpus(6), { phrases, stockMinSpeeches: 5 }));
  assert.equal(six.hits, 0, "no pair of the five came back from the memo");
});

test("the file: passages round-trip; a damaged or foreign file is an empty memo", () => {
  const file = memoFile();
  const a = "0".repeat(32);
  const b = "f".repeat(32);
  const passages = [{ aStart: 1, aEnd: 60, bStart: 5, bEnd: 66, columns: 62, equal: 58 }];
  const memo = new StoredReusePairs(file);
  memo.set(a, b, passages);
  memo.set(b, a, []);
  memo.set("not a key", b, passages); // not kept: only what the file can hold
  memo.save();
  const back = new StoredReusePairs(file);
  assert.deepEqual(back.get(a, b), passages);
  assert.deepEqual(back.get(b, a), []);
  assert.equal(back.get("not a key", b), undefined);
  assert.equal(back.hits, 2);
  for (const body of ["{", JSON.stringify({ format: 0, sequences: [], pairs: [] }), "null"]) {
    writeFileSync(file, body);
    assert.equal(new StoredReusePairs(file).get(a, b), undefined);
  }
  writeFileSync(file, JSON.stringify({ format: 1, sequences: [a, b], pairs: [[0, 1, 1, 2]] }));
  assert.equal(new StoredReusePairs(file).get(a, b), undefined, "a pair of the wrong length");
});
