import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { compareCodePoints } from "../../data-loaders/language/order.ts";
import { collocationsSql as collocations } from "./corpus-sql.ts";

// data-loaders/sql/collocations.sql against hand computations and a brute-force count.

const close = (a: number, b: number, tol = 1e-9) =>
  assert.ok(Math.abs(a - b) <= tol, `${a} ≠ ${b}`);

/*
 * Five sentences (the repeated "a" in s1 counts once):
 *   s1 {a, b, c}   s2 {a, b, e, f}   s3 {a, b, d}   s4 {c, d}   s5 {a, e, f}
 * Sentence counts: a 4, b 3, c 2, d 2, e 2, f 2. Pairs: ab 3, ae 2, af 2, ef 2, every other pair ≤ 1.
 *   ab: p = 3/5, p(a) = 4/5, p(b) = 3/5 → PMI = ln(0.6 / 0.48) = ln 1.25 = 0.22314355131420976
 *       NPMI = 0.22314355131420976 / −ln 0.6 = 0.4368292053736753
 *   ae: p = 2/5, p(a) = 4/5, p(e) = 2/5 → PMI = ln(0.4 / 0.32) = ln 1.25; NPMI = ln 1.25 / −ln 0.4 = 0.24352920263397
 *   ef: always together: PMI = ln(0.4 / 0.16) = ln 2.5 = 0.9162907318741551, NPMI = 1
 *   ac (minCount 1): p = 1/5 → PMI = ln(0.2 / 0.32) = −0.4700036292457356, NPMI = −0.29202967422017917
 */
const SENTENCES = [
  ["a", "b", "c", "a"],
  ["a", "b", "e", "f"],
  ["a", "b", "d"],
  ["c", "d"],
  ["a", "e", "f"],
];

test("PMI and NPMI match the hand computation", async () => {
  const rows = await collocations(SENTENCES, { minCount: 2 });
  assert.deepEqual(
    rows.map((r) => [r.term_a, r.term_b, r.count]),
    [
      ["a", "b", 3],
      ["a", "e", 2],
      ["a", "f", 2],
      ["e", "f", 2],
    ],
  );
  const [ab, ae, , ef] = rows;
  close(ab!.pmi, 0.22314355131420976);
  close(ab!.npmi, 0.4368292053736753);
  close(ae!.pmi, 0.22314355131420976);
  close(ae!.npmi, 0.24352920263397);
  close(ef!.pmi, 0.9162907318741551);
  close(ef!.npmi, 1);
});

test("default minimum co-occurrence is 3", async () => {
  assert.deepEqual(
    (await collocations(SENTENCES)).map((r) => `${r.term_a}+${r.term_b}`),
    ["a+b"],
  );
});

test("pairs below chance get negative NPMI", async () => {
  const ac = (await collocations(SENTENCES, { minCount: 1 })).find(
    (r) => r.term_a === "a" && r.term_b === "c",
  )!;
  assert.equal(ac.count, 1);
  close(ac.pmi, -0.4700036292457356);
  close(ac.npmi, -0.29202967422017917);
});

test("terms in every sentence: NPMI defined as 1", async () => {
  const rows = await collocations([
    ["x", "y"],
    ["y", "x"],
    ["x", "y", "x"],
  ]);
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.npmi, 1);
  assert.equal(rows[0]!.pmi, 0);
});

test("bounds and order on random sentences (property)", async () => {
  const sentence = fc.array(fc.constantFrom("党", "人才", "干部", "基层", "组织", "监督", "作风"), {
    maxLength: 6,
  });
  await fc.assert(
    fc.asyncProperty(
      fc.array(sentence, { minLength: 1, maxLength: 40 }),
      fc.integer({ min: 1, max: 4 }),
      async (sentences, minCount) => {
        const rows = await collocations(sentences, { minCount });
        const sets = sentences.map((s) => new Set<string>(s));
        for (const r of rows) {
          assert.ok(r.term_a < r.term_b);
          assert.ok(r.npmi >= -1 - 1e-12 && r.npmi <= 1 + 1e-12, `npmi ${r.npmi}`);
          assert.ok(r.count >= minCount);
          assert.equal(r.count, sets.filter((s) => s.has(r.term_a) && s.has(r.term_b)).length);
        }
        for (let i = 1; i < rows.length; i++) {
          const p = rows[i - 1]!;
          const q = rows[i]!;
          assert.ok(p.term_a < q.term_a || (p.term_a === q.term_a && p.term_b < q.term_b));
        }
      },
    ),
    { numRuns: 30 },
  );
});

test("term order is by code point, not UTF-16 code unit", async () => {
  // U+FF0C (，) < U+20000 (𠀀) by code point, although the surrogate 0xD840 < 0xFF0C as code units.
  assert.ok(compareCodePoints("\uFF0C", "𠀀") < 0);
  assert.ok(compareCodePoints("𠀀", "\uFF0C") > 0);
  assert.ok(compareCodePoints("人才", "人才强市") < 0);
  assert.equal(compareCodePoints("干部", "干部"), 0);
  const rows = await collocations(
    [
      ["𠀀", "\uFF0C"],
      ["\uFF0C", "𠀀"],
    ],
    { minCount: 1 },
  );
  assert.deepEqual([rows[0]!.term_a, rows[0]!.term_b], ["\uFF0C", "𠀀"]);
});
