import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import {
  findDuplicates,
  jaccard,
  minhashSignature,
  shingleHashes,
} from "../../data-loaders/ingest/dedupe.ts";
import { normalizeText } from "../../data-loaders/ingest/normalize.ts";
import { GOVREPORTS_DIR, SAMPLE_DIR, sampleFiles } from "../helpers/sample.ts";

const sample = (f: string) => normalizeText(readFileSync(join(SAMPLE_DIR, f), "utf8"));
const govreports = () =>
  readdirSync(GOVREPORTS_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => ({ key: f, text: normalizeText(readFileSync(join(GOVREPORTS_DIR, f), "utf8")) }));

/** Rewrite most of one paragraph (the longest), as an editor re-posting a speech would. */
function editOneParagraph(text: string): string {
  const lines = text.split("\n");
  let longest = 0;
  lines.forEach((l, i) => {
    if (l.length > lines[longest]!.length) longest = i;
  });
  const line = lines[longest]!;
  lines[longest] =
    line.slice(0, Math.floor(line.length / 3)) +
    "在此基础上，各地各部门要结合实际认真抓好贯彻落实。";
  return lines.join("\n");
}

test("exact duplicate: same normalized text, points at the first, similarity 1", () => {
  const [a, b] = sampleFiles();
  const docs = [
    { key: "a", text: sample(a!) },
    { key: "b", text: sample(b!) },
    { key: "a-copy", text: sample(a!) },
  ];
  const dups = findDuplicates(docs);
  assert.deepEqual([...dups], [["a-copy", { of: "a", similarity: 1, exact: true }]]);
});

test("near duplicate: one paragraph edited is found, with its exact Jaccard similarity", () => {
  const original = sample(sampleFiles()[1]!);
  const edited = editOneParagraph(original);
  assert.notEqual(edited, original);
  const expected = jaccard(shingleHashes(original), shingleHashes(edited));
  assert.ok(expected >= 0.9 && expected < 1, `similarity ${expected}`);
  const dups = findDuplicates([
    { key: "orig", text: original },
    { key: "other", text: sample(sampleFiles()[0]!) },
    { key: "edited", text: edited },
  ]);
  assert.equal(dups.size, 1);
  const d = dups.get("edited");
  assert.equal(d?.of, "orig");
  assert.equal(d?.exact, false);
  assert.equal(d?.similarity, Math.round(expected * 10_000) / 10_000);
});

test("different speeches are not duplicates, even of the same genre and year", () => {
  const docs = sampleFiles().map((f) => ({ key: f, text: sample(f) }));
  assert.equal(findDuplicates(docs).size, 0);
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const s = jaccard(shingleHashes(docs[i]!.text), shingleHashes(docs[j]!.text));
      assert.ok(s < 0.2, `${docs[i]!.key} vs ${docs[j]!.key}: ${s}`);
    }
  }
});

test("43 government work reports plus an edited copy of each: every copy found, nothing else", () => {
  const reports = govreports();
  const copies = reports.map((r) => ({ key: "edited:" + r.key, text: editOneParagraph(r.text) }));
  const t0 = performance.now();
  const dups = findDuplicates([...reports, ...copies], 0.8);
  const ms = performance.now() - t0;
  const recall = copies.filter((c) => dups.get(c.key)?.of === c.key.slice("edited:".length)).length;
  assert.equal(recall, copies.length);
  assert.equal(
    dups.size,
    copies.length,
    [...dups.keys()].filter((k) => !k.startsWith("edited:")).join(),
  );
  assert.ok(ms < 10_000, `${ms} ms`);
});

test("the kept document is the first in input order, and a threshold above the similarity keeps both", () => {
  const original = sample(sampleFiles()[2]!);
  const edited = editOneParagraph(original);
  const s = jaccard(shingleHashes(original), shingleHashes(edited));
  assert.equal(
    findDuplicates(
      [
        { key: "e", text: edited },
        { key: "o", text: original },
      ],
      s - 0.001,
    ).get("o")?.of,
    "e",
  );
  assert.equal(
    findDuplicates(
      [
        { key: "o", text: original },
        { key: "e", text: edited },
      ],
      s - 0.001,
    ).get("e")?.of,
    "o",
  );
  assert.equal(
    findDuplicates(
      [
        { key: "o", text: original },
        { key: "e", text: edited },
      ],
      s + 0.001,
    ).size,
    0,
  );
});

test("many documents: candidate search stays sub-quadratic (2,000 distinct texts)", () => {
  // Texts built from shuffled report sentences: realistic vocabulary, all different.
  const sentences = govreports()
    .flatMap((r) => r.text.split(/(?<=。)/u))
    .filter((s) => s.length > 20);
  let seed = 7;
  const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const docs = Array.from({ length: 2000 }, (_, i) => ({
    key: String(i),
    text: Array.from({ length: 12 }, () => sentences[Math.floor(rand() * sentences.length)]!).join(
      "",
    ),
  }));
  const t0 = performance.now();
  const dups = findDuplicates(docs);
  const ms = performance.now() - t0;
  assert.equal(dups.size, 0);
  assert.ok(ms < 15_000, `${ms} ms`);
});

test("signatures computed elsewhere (workers, cache) give the same answer; shingles are sorted and distinct", () => {
  const original = sample(sampleFiles()[1]!);
  const docs = [
    { key: "orig", text: original },
    { key: "other", text: sample(sampleFiles()[0]!) },
    { key: "edited", text: editOneParagraph(original) },
    { key: "copy", text: original },
  ];
  const withSignatures = docs.map((d) => ({
    ...d,
    signature: JSON.parse(JSON.stringify(minhashSignature(d.text))) as number[],
  }));
  assert.deepEqual([...findDuplicates(withSignatures)], [...findDuplicates(docs)]);
  assert.equal(findDuplicates(withSignatures).size, 2);
  const s = shingleHashes("干部队伍建设 干部队伍😀建设\ud800");
  for (let i = 1; i < s.length; i++) assert.ok(s[i - 1]! < s[i]!);
  // Short texts are one shingle; whitespace is ignored.
  assert.equal(shingleHashes("干 部").length, 1);
  assert.equal(shingleHashes(" \n").length, 0);
});
