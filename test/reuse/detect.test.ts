import { test } from "node:test";
import assert from "node:assert/strict";
import { detectReuse, type ReuseDoc } from "../../data-loaders/reuse/detect.ts";
import { lexiconPhrases } from "../../data-loaders/reuse/mask.ts";
import { loadLexicon } from "../../data-loaders/language/lexicon.ts";
import type { ReusePassageRow } from "../../data-loaders/tables/reuse.ts";
import { plantedCorpus, prng, type Planted } from "./planted.ts";

const phrases = lexiconPhrases(loadLexicon());

/** Share of [s, e) covered by [s2, e2). */
const cover = (s: number, e: number, s2: number, e2: number) =>
  Math.max(0, Math.min(e, e2) - Math.max(s, s2)) / (e - s);

function foundBy(p: Planted, rows: readonly ReusePassageRow[]): boolean {
  return rows.some(
    (r) =>
      r.speech_id === p.source &&
      r.other_speech_id === p.target &&
      cover(p.sourceStart, p.sourceEnd, r.start, r.end) >= 0.8 &&
      cover(p.targetStart, p.targetEnd, r.other_start, r.other_end) >= 0.8,
  );
}

/** A reported pair is right when most of it, on both sides, is one planted copy. */
function isPlanted(r: ReusePassageRow, planted: readonly Planted[]): boolean {
  return planted.some(
    (p) =>
      p.source === r.speech_id &&
      p.target === r.other_speech_id &&
      cover(r.start, r.end, p.sourceStart, p.sourceEnd) >= 0.5 &&
      cover(r.other_start, r.other_end, p.targetStart, p.targetEnd) >= 0.5,
  );
}

for (const seed of [17, 2026]) {
  test(`planted reuse (seed ${seed}): passage-level precision and recall >= 0.9`, (t) => {
    const { docs, planted } = plantedCorpus({
      seed,
      sources: 20,
      targets: 20,
      copiesPerTarget: 4,
      formulations: phrases,
    });
    const rows = detectReuse(docs, { phrases });
    const recall = planted.filter((p) => foundBy(p, rows)).length / planted.length;
    // Each pair once, from its source's side (sources sort before targets).
    const pairs = rows.filter((r) => r.speech_id < r.other_speech_id);
    const precision = pairs.filter((r) => isPlanted(r, planted)).length / pairs.length;
    t.diagnostic(
      `${planted.length} planted, recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)}`,
    );
    assert.ok(planted.length >= 80, `${planted.length} planted`);
    assert.ok(recall >= 0.9, `recall ${recall}`);
    assert.ok(precision >= 0.9, `precision ${precision}`);
  });
}

/** Random Han filler from a seeded generator: shares nothing by chance. */
function filler(rand: () => number, n: number): string {
  return Array.from({ length: n }, () =>
    String.fromCodePoint(0x4e00 + Math.floor(rand() * 20000)),
  ).join("");
}

test("texts that share only formulations share no passage, though the formulations alone exceed 50 characters", () => {
  const rand = prng(7);
  // The same long formulations, in the same order, in every text, between different filler.
  const lexicon = loadLexicon();
  const longForms = lexiconPhrases(lexicon)
    .filter((f) => f.length >= 20)
    .slice(0, 6);
  assert.ok(longForms.join("").length >= 100);
  const docs: ReuseDoc[] = Array.from({ length: 4 }, (_, i) => ({
    id: `f${i}`,
    year: 2020 + i,
    text: [
      filler(rand, 200),
      longForms.join("，"),
      filler(rand, 120),
      ...longForms.map((f) => f + filler(rand, 30)),
    ].join("。"),
  }));
  assert.deepEqual(detectReuse(docs, { phrases }), []);
  // The test has teeth: unmasked, the run of formulations is reported in every pair.
  const unmasked = detectReuse(docs, { phrases: [] });
  assert.equal(new Set(unmasked.map((r) => `${r.speech_id} ${r.other_speech_id}`)).size, 12);
});

test("a stock passage in a large share of the corpus is masked; in two speeches it is reuse", () => {
  const rand = prng(11);
  const stock = filler(rand, 80);
  const docs = (inStock: number): ReuseDoc[] =>
    Array.from({ length: 30 }, (_, i) => ({
      id: `d${String(i).padStart(2, "0")}`,
      year: 2000 + i,
      text:
        filler(prng(100 + i), 300) +
        "。" +
        (i < inStock ? stock + "。" : "") +
        filler(prng(200 + i), 300),
    }));
  // 10 of 30 speeches = 33 % >= 20 %, and >= 5 speeches: a stock phrase.
  assert.deepEqual(detectReuse(docs(10)), []);
  const two = detectReuse(docs(2));
  assert.equal(two.length, 2);
  assert.equal(two[0]!.chars, 80);
  assert.equal(two[0]!.identity, 1);
  assert.deepEqual(
    two.map((r) => [r.speech_id, r.other_speech_id, r.direction]),
    [
      ["d00", "d01", "later"],
      ["d01", "d00", "earlier"],
    ],
  );
});

test("deterministic: the same rows whatever the order of the speeches", () => {
  const { docs } = plantedCorpus({
    seed: 5,
    sources: 6,
    targets: 6,
    copiesPerTarget: 3,
    formulations: phrases,
  });
  const once = detectReuse(docs, { phrases });
  assert.ok(once.length > 0);
  assert.deepEqual(detectReuse(docs, { phrases }), once);
  const shuffled = [...docs].reverse();
  assert.deepEqual(detectReuse(shuffled, { phrases }), once);
});

test("edits: a changed place name, 市 → 县, an inserted clause and a deletion still give one passage", () => {
  const rand = prng(3);
  const before = filler(rand, 60);
  const after = filler(rand, 60);
  const a = `${filler(rand, 100)}。${before}，全市各级党组织要${after}。${filler(rand, 100)}`;
  const edited = `${before.slice(0, 20)}${filler(rand, 2)}${before.slice(22)}，全县各级党组织${filler(rand, 8)}要${after.slice(0, 30)}${after.slice(36)}`;
  const b = `${filler(rand, 80)}。${edited}。${filler(rand, 90)}`;
  const rows = detectReuse([
    { id: "a", text: a, year: 2019 },
    { id: "b", text: b, year: 2021 },
  ]);
  assert.equal(rows.length, 2);
  const [fromA] = rows;
  const bStart = b.indexOf(edited);
  assert.ok(
    cover(a.indexOf(before), a.indexOf(after) + after.length, fromA!.start, fromA!.end) >= 0.95,
  );
  assert.ok(cover(bStart, bStart + edited.length, fromA!.other_start, fromA!.other_end) >= 0.95);
  assert.ok(fromA!.identity > 0.8 && fromA!.identity < 1, `identity ${fromA!.identity}`);
  assert.equal(fromA!.direction, "later");
});
