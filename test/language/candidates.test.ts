import { test } from "node:test";
import assert from "node:assert/strict";
import { findCandidates } from "../../data-loaders/language/candidates.ts";
import { loadLexicon, type Lexicon } from "../../data-loaders/language/lexicon.ts";
import type { FormulationCandidateRow } from "../../data-loaders/types.ts";
import { loadSampleCleaned, sampleFiles } from "../helpers/sample.ts";

const EMPTY: Lexicon = { version: "0.0.0", source: "empty", entries: [] };
const lexicon = loadLexicon();
const samples = sampleFiles().map((file) => ({ speech_id: file, text: loadSampleCleaned(file) }));

const find = (rows: FormulationCandidateRow[], phrase: string) =>
  rows.find((r) => r.phrase === phrase);
const phrases = (text: string, lex: Lexicon = EMPTY) =>
  findCandidates([{ speech_id: "t", text }], lex)
    .map((r) => `${r.pattern}:${r.phrase}`)
    .sort();

test("the sample yields 两个确立, 六个体系 and 三个区分开来, with or without a lexicon", () => {
  const bare = findCandidates(samples, EMPTY);
  const withLexicon = findCandidates(samples, lexicon);
  for (const phrase of ["两个确立", "六个体系", "三个区分开来"]) {
    assert.equal(find(bare, phrase)?.pattern, "numbered", phrase);
    assert.equal(find(bare, phrase)?.in_lexicon, false);
    assert.equal(find(withLexicon, phrase)?.in_lexicon, true);
  }
  // Independent count: 两个确立 and 两个维护 end at a boundary everywhere in the sample.
  for (const phrase of ["两个确立", "两个维护"]) {
    const occurrences = samples.map((s) => s.text.split(phrase).length - 1);
    assert.equal(
      find(bare, phrase)!.count,
      occurrences.reduce((a, b) => a + b, 0),
    );
    assert.equal(find(bare, phrase)!.speeches, occurrences.filter((n) => n > 0).length);
  }
  assert.ok(find(bare, "1+N"), "1+N");
});

test("rows are ranked by speeches, count, phrase and point at a real occurrence", () => {
  const rows = findCandidates(samples, lexicon);
  const texts = new Map(samples.map((s) => [s.speech_id, s.text]));
  rows.forEach((r, i) => {
    assert.equal(r.rank, i + 1);
    assert.equal(
      texts.get(r.example_speech_id)!.slice(r.example_start, r.example_end).replace(/＋/g, "+"),
      r.phrase,
    );
    assert.ok(r.speeches >= 1 && r.count >= r.speeches);
    if (i > 0) {
      const p = rows[i - 1]!;
      assert.ok(
        p.speeches > r.speeches ||
          (p.speeches === r.speeches &&
            (p.count > r.count || (p.count === r.count && p.phrase < r.phrase))),
      );
    }
  });
  // No quoted candidate occurs only once.
  assert.ok(rows.filter((r) => r.pattern === "quoted").every((r) => r.count >= 2));
});

test("numbered: the right boundary stops at punctuation, quotes and particles", () => {
  assert.deepEqual(phrases("推进五个到户和村级建设。"), ["numbered:五个到户"]);
  assert.deepEqual(phrases("落实“四个注重选拔”要求"), ["numbered:四个注重选拔"]);
  assert.deepEqual(phrases("实施五大振兴，推行三项机制；学习二十字好干部标准。"), [
    "numbered:三项机制",
    "numbered:二十字好干部标准",
    "numbered:五大振兴",
  ]);
  assert.deepEqual(phrases("坚持十一个坚持到底。"), ["numbered:十一个坚持到底"]);
});

test("numbered: ordinals, congresses, counting words and one-offs of 一 are not formulas", () => {
  assert.deepEqual(
    phrases(
      "第三个问题。党的十八大以来，二十大精神。讲三个方面的意见，用了两个月，一项重要任务，一大批人才。",
    ),
    [],
  );
  assert.deepEqual(phrases("二十二个重点县。"), ["numbered:二十二个重点县"]);
});

test("numbered: a tail cut at the length limit folds into an attested prefix, else is dropped", () => {
  const text =
    "统筹推进四个全面战略布局和建设。协调推进四个全面。坚持五项原则基础上发展。坚持五项原则。三个特别行政区行政长官到会";
  assert.deepEqual(phrases(text), ["numbered:五项原则", "numbered:四个全面"]);
  const rows = findCandidates([{ speech_id: "t", text }], EMPTY);
  assert.equal(find(rows, "四个全面")!.count, 2);
  // A lexicon form is an attested boundary too.
  const lex: Lexicon = {
    ...EMPTY,
    entries: [
      { id: "x", canonical: "三个特别行政区", variants: [], theme: "cadres", gloss_en: "g" },
    ],
  };
  assert.ok(phrases(text, lex).includes("numbered:三个特别行政区"));
});

test("quoted slogans need two quoted occurrences; two-number slogans count as numbered", () => {
  assert.deepEqual(phrases("推行“引育留用”。再讲“引育留用”。“一次性”"), ["quoted:引育留用"]);
  assert.deepEqual(phrases("深化“三提三知”，开展“两学一做”，“考准干得好的、用好考得优的”"), [
    "numbered:三提三知",
    "numbered:两学一做",
  ]);
  const two = findCandidates(
    [
      { speech_id: "a", text: "“全周期管理”" },
      { speech_id: "b", text: "“全周期管理”“全周期管理”" },
    ],
    EMPTY,
  );
  assert.deepEqual(
    two.map((r) => [r.phrase, r.count, r.speeches, r.example_speech_id, r.example_start]),
    [["全周期管理", 3, 2, "a", 1]],
  );
});

test("n+n forms, full-width folded, arithmetic excluded", () => {
  assert.deepEqual(phrases("构建“1+N”政策体系和1＋X＋N模式，实行1+3+N，另有2+3=5。"), [
    "n_plus_n:1+3+N",
    "n_plus_n:1+N",
    "n_plus_n:1+X+N",
  ]);
});
