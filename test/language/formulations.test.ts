import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { findFormulationHits, formulationRows } from "../../data-loaders/language/formulations.ts";
import { loadLexicon, surfaceForms, type Lexicon } from "../../data-loaders/language/lexicon.ts";
import { loadSampleCleaned, sampleFiles } from "../helpers/sample.ts";
import { splitSentences } from "./split.ts";

const lexicon = loadLexicon();
const samples = sampleFiles().map((file) => {
  const text = loadSampleCleaned(file);
  return { file, text, sentences: splitSentences(file, text) };
});

test("every hit is its matched text, inside its sentence, ordered and non-overlapping", () => {
  let total = 0;
  for (const { file, text, sentences } of samples) {
    const hits = findFormulationHits(file, text, sentences, lexicon);
    total += hits.length;
    let lastEnd = 0;
    for (const h of hits) {
      assert.equal(text.slice(h.start, h.end), h.matched);
      const s = sentences[h.sentence_id]!;
      assert.ok(
        s.start <= h.start && h.end <= s.end,
        `${h.matched} crosses sentence ${h.sentence_id}`,
      );
      assert.equal(h.section_id, s.section_id);
      assert.ok(h.start >= lastEnd, "overlap or disorder");
      lastEnd = h.end;
      const entry = lexicon.entries.find((e) => e.id === h.formulation_id)!;
      assert.ok(surfaceForms(entry).includes(h.matched));
    }
  }
  assert.ok(total > 100, `only ${total} hits on the sample`);
});

test("independent count: plain substring counts equal hit counts for non-nested formulations", () => {
  const allForms = lexicon.entries.flatMap(surfaceForms);
  const standalone = lexicon.entries.filter((e) =>
    surfaceForms(e).every((f) => !allForms.some((other) => other !== f && other.includes(f))),
  );
  assert.ok(standalone.length > 40);
  let checked = 0;
  for (const entry of standalone) {
    let expected = 0;
    let actual = 0;
    for (const { file, text, sentences } of samples) {
      for (const form of surfaceForms(entry)) expected += text.split(form).length - 1;
      actual += findFormulationHits(file, text, sentences, lexicon).filter(
        (h) => h.formulation_id === entry.id,
      ).length;
    }
    assert.equal(actual, expected, entry.canonical);
    if (expected > 0) checked++;
  }
  assert.ok(checked >= 10, `only ${checked} formulations occur in the sample`);
});

test("nested: 习近平新时代中国特色社会主义思想 is one hit, not also 中国特色社会主义", () => {
  const text = "深入学习习近平新时代中国特色社会主义思想。坚持和发展中国特色社会主义。";
  const hits = findFormulationHits("t", text, splitSentences("t", text), lexicon);
  assert.deepEqual(
    hits.map((h) => [h.formulation_id, h.start, h.end]),
    [
      ["xi_thought", 4, 20],
      ["socialism_chinese_characteristics", 26, 34],
    ],
  );
  // On the sample: every 中国特色社会主义 hit is one not inside the longer form.
  for (const { file, text, sentences } of samples) {
    const hits = findFormulationHits(file, text, sentences, lexicon);
    const inner = hits.filter(
      (h) => h.formulation_id === "socialism_chinese_characteristics",
    ).length;
    const outer = hits.filter((h) => h.formulation_id === "xi_thought").length;
    assert.equal(inner, text.split("中国特色社会主义").length - 1 - outer, file);
  }
});

test("the full wording of 两个维护 folds into its formulation", () => {
  const full = "坚决维护习近平总书记党中央的核心、全党的核心地位，坚决维护党中央权威和集中统一领导";
  const text = `我们要${full}，始终做到“两个维护”。`;
  const hits = findFormulationHits("t", text, splitSentences("t", text), lexicon);
  assert.deepEqual(
    hits.map((h) => [h.formulation_id, h.matched, h.start]),
    [
      ["two_upholds", full, 3],
      ["two_upholds", "两个维护", text.indexOf("两个维护")],
    ],
  );
});

test("a hit never crosses a sentence boundary", () => {
  const text = "要做到两个维护";
  // A sentence boundary inside the phrase (as a segmenter would never make, but must be honoured).
  const sentences = [
    { sentence_id: 0, section_id: "1", start: 0, end: 5 },
    { sentence_id: 1, section_id: "2", start: 5, end: 7 },
  ];
  assert.deepEqual(findFormulationHits("t", text, sentences, lexicon), []);
});

test("formulation rows mirror the lexicon", () => {
  const rows = formulationRows(lexicon);
  assert.equal(rows.length, lexicon.entries.length);
  const upholds = rows.find((r) => r.formulation_id === "two_upholds")!;
  assert.equal(upholds.canonical, "两个维护");
  assert.equal(upholds.lexicon_version, "2026.11.1");
  assert.equal(JSON.parse(upholds.variants).length, 1);
  assert.equal(upholds.theme, "political_building");
});

test("property: hits are longest, leftmost and attributed to the right entry", () => {
  const tiny: Lexicon = {
    version: "0.0.1",
    source: "test",
    entries: [
      { id: "long", canonical: "甲乙丙", variants: ["甲乙丙丁"], theme: "cadres", gloss_en: "g" },
      { id: "short", canonical: "乙丙", variants: [], theme: "cadres", gloss_en: "g" },
    ],
  };
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom("甲", "乙", "丙", "丁", "。"), { maxLength: 30 }),
      (chars) => {
        const text = chars.join("");
        const hits = findFormulationHits("p", text, splitSentences("p", text), tiny);
        // Reference: a naive scan trying forms longest first at each position.
        const forms = [
          ["甲乙丙丁", "long"],
          ["甲乙丙", "long"],
          ["乙丙", "short"],
        ] as const;
        const expected: [string, number][] = [];
        for (let i = 0; i < text.length;) {
          const f = forms.find(([form]) => text.startsWith(form, i));
          if (f) {
            expected.push([f[1], i]);
            i += f[0].length;
          } else i++;
        }
        assert.deepEqual(
          hits.map((h) => [h.formulation_id, h.start]),
          expected,
        );
      },
    ),
    { numRuns: 150, seed: 20261101 },
  );
});
