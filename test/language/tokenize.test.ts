import { test } from "node:test";
import assert from "node:assert/strict";
import { createTokenizer, termsForSpeech } from "../../data-loaders/language/tokenize.ts";
import { findFormulationHits } from "../../data-loaders/language/formulations.ts";
import { loadLexicon } from "../../data-loaders/language/lexicon.ts";
import { loadStopwords, parseStopwords } from "../../data-loaders/language/stopwords.ts";
import { compareCodePoints } from "../../data-loaders/language/order.ts";
import {
  EXTRA_TERM_TAG,
  isTokenizable,
  LEXICON_TAG,
  userDictText,
} from "../../data-loaders/language/userdict.ts";
import { loadSampleCleaned, sampleFiles } from "../helpers/sample.ts";
import { splitSentences } from "./split.ts";

const lexicon = loadLexicon();
const stopwords = loadStopwords();
// The first tokenizer of the process fixes nodejieba's dictionary: it carries the extra terms.
const EXTRA = ["组织覆盖", "引育留用", "人才"];
const tokenizer = createTokenizer({ lexicon, extraTerms: EXTRA, stopwords });
const samples = sampleFiles().map((file) => {
  const text = loadSampleCleaned(file);
  return { file, text, sentences: splitSentences(file, text) };
});

test("tokens are exact slices, inside their sentence, with noise and stopwords dropped", () => {
  let n = 0;
  for (const { text, sentences } of samples) {
    for (const s of sentences) {
      for (const t of tokenizer.tokenize(s.text, s.start)) {
        n++;
        assert.equal(text.slice(t.start, t.end), t.word);
        assert.ok(t.start >= s.start && t.end <= s.end);
        assert.ok(!stopwords.has(t.word), t.word);
        assert.doesNotMatch(t.word, /^[\p{P}\p{S}\s\p{Nd}]+$/u);
      }
    }
  }
  assert.ok(n > 5000, `only ${n} tokens`);
  assert.deepEqual(
    tokenizer.tokenize("2023年，我们的 工作。").map((t) => t.word),
    ["年", "工作"],
  );
});

test("every tokenizable formulation hit on the sample is exactly one x_lex token", () => {
  let checked = 0;
  for (const { file, text, sentences } of samples) {
    const tokens = new Map<number, { end: number; tag: string }>();
    for (const s of sentences)
      for (const t of tokenizer.tokenize(s.text, s.start))
        tokens.set(t.start, { end: t.end, tag: t.tag });
    for (const h of findFormulationHits(file, text, sentences, lexicon)) {
      if (!isTokenizable(h.matched)) continue;
      checked++;
      assert.deepEqual(
        tokens.get(h.start),
        { end: h.end, tag: LEXICON_TAG },
        `${file}: ${h.matched}@${h.start}`,
      );
    }
  }
  assert.ok(checked > 100, `only ${checked} hits checked`);
});

test("extra terms stay whole; words jieba knows keep jieba's tag", () => {
  const words = tokenizer.tokenize("扩大组织覆盖，做好人才引育留用工作");
  assert.deepEqual(words.find((t) => t.word === "组织覆盖")?.tag, EXTRA_TERM_TAG);
  assert.equal(words.find((t) => t.word === "引育留用")?.tag, EXTRA_TERM_TAG);
  assert.equal(words.find((t) => t.word === "人才")?.tag, "n");
});

test("nodejieba loads once: a covered request is fine, a new word is a clear error", () => {
  assert.doesNotThrow(() => createTokenizer({ lexicon, extraTerms: ["组织覆盖"], stopwords }));
  assert.throws(
    () => createTokenizer({ lexicon, extraTerms: ["从未加载的新词"], stopwords }),
    /already loaded .* one user dictionary per process.*从未加载的新词\/x_term/,
  );
});

test("terms: counts add up to the kept tokens, grouped by section in order of appearance", () => {
  const { file, text } = samples[0]!;
  // Two sections: the first third of the sentences in "1", the rest in "2".
  const sentences = splitSentences(file, text).map((s, i, all) => ({
    ...s,
    section_id: i < all.length / 3 ? "1" : "2",
  }));
  const rows = termsForSpeech(file, sentences, tokenizer);
  for (const section of ["1", "2"]) {
    const expected = new Map<string, number>();
    for (const s of sentences.filter((x) => x.section_id === section)) {
      for (const t of tokenizer.tokenize(s.text))
        expected.set(t.word, (expected.get(t.word) ?? 0) + 1);
    }
    const got = rows.filter((r) => r.section_id === section);
    assert.equal(got.length, expected.size);
    for (const r of got) assert.equal(r.count, expected.get(r.term), r.term);
  }
  // Order: section 1 rows first, then terms in code-point order within a section.
  const firstOf2 = rows.findIndex((r) => r.section_id === "2");
  assert.ok(rows.slice(0, firstOf2).every((r) => r.section_id === "1"));
  for (let i = 1; i < rows.length; i++) {
    if (rows[i]!.section_id === rows[i - 1]!.section_id)
      assert.ok(compareCodePoints(rows[i - 1]!.term, rows[i]!.term) < 0);
  }
  assert.ok(rows.every((r) => r.speech_id === file && r.count > 0 && r.pos.length > 0));
  // Deterministic: the same input gives the same rows.
  assert.deepEqual(termsForSpeech(file, sentences, tokenizer), rows);
});

test("terms: a token never crosses a sentence; formulations are terms tagged x_lex", () => {
  const text = "坚持两个确立";
  const whole = termsForSpeech("t", [{ section_id: "preamble", text }], tokenizer);
  assert.deepEqual(
    whole.find((r) => r.term === "两个确立"),
    {
      speech_id: "t",
      section_id: "preamble",
      term: "两个确立",
      pos: LEXICON_TAG,
      count: 1,
    },
  );
  const cut = termsForSpeech(
    "t",
    [
      { section_id: "preamble", text: text.slice(0, 4) },
      { section_id: "preamble", text: text.slice(4) },
    ],
    tokenizer,
  );
  assert.equal(
    cut.find((r) => r.term === "两个确立"),
    undefined,
  );
});

test("stopword file: comments and blanks ignored; user dict format", () => {
  assert.deepEqual([...parseStopwords("# header\n\n的\r\n 了 \n#x\n")], ["的", "了"]);
  assert.ok(stopwords.has("的") && stopwords.has("我们") && !stopwords.has("必须"));
  assert.equal(
    userDictText(
      [
        { word: "两个确立", tag: LEXICON_TAG },
        { word: "高质量发展", tag: LEXICON_TAG },
        { word: "人才", tag: EXTRA_TERM_TAG },
        { word: "组织覆盖", tag: EXTRA_TERM_TAG },
      ],
      new Map([
        ["高质量发展", 12],
        ["人才", 8742],
      ]),
    ),
    "两个确立 x_lex\n高质量发展 12 x_lex\n组织覆盖 x_term\n",
  );
});

test("code-point order puts astral characters after the BMP", () => {
  const words = ["𠀀", "\uffff", "a", "中", "中国"];
  assert.deepEqual([...words].sort(compareCodePoints), ["a", "中", "中国", "\uffff", "𠀀"]);
});
