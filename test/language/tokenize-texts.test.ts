// The tokenizer's per-speech path (tokenizeTexts, one tag() for all new words, word numbers,
// terms from speech-local ids) against the per-token path it replaced: same tokens, tags, terms
// rows and kept-token lists, whatever the tokenizer remembered before.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import nodejieba from "nodejieba";
import {
  createTokenizer,
  sentenceWords,
  speechTerms,
  termsForSpeech,
  tokensOfSentences,
  type Tokenizer,
} from "../../data-loaders/language/tokenize.ts";
import { codePointOrder, compareCodePoints } from "../../data-loaders/language/order.ts";
import { WordNumbers } from "../../data-loaders/language/word-numbers.ts";
import { loadContext } from "../../data-loaders/pipeline/context.ts";
import { loadStopwords } from "../../data-loaders/language/stopwords.ts";
import { loadSampleCleaned, sampleFiles } from "../helpers/sample.ts";
import { splitSentences } from "./split.ts";

const ctx = loadContext(); // the pipeline's dictionary: lexicon forms and theme terms
const stopwords = loadStopwords();
const NOISE = /^[\p{P}\p{S}\p{Z}\s\p{Nd}]+$/u;
/** A tokenizer with an empty memory, on the dictionary already loaded. */
const fresh = () => createTokenizer({ lexicon: ctx.lexicon, stopwords });
/** The same tokenizer seen through forEachToken only: termsForSpeech's per-token path. */
const perToken = (t: Tokenizer): Tokenizer => ({
  tokenize: t.tokenize,
  forEachToken: t.forEachToken,
});

const speeches = sampleFiles().map((file) => splitSentences(file, loadSampleCleaned(file)));
// Words cppjieba joins in context but splits alone (个县, 也是): their tags come from tag() of
// their sentence, not of the word.
const JOINED_IN_CONTEXT = [
  "28个省（区、市）、2300个县（市）已初步建立社会救助体系的基本框架。",
  "减税降费是助企纾困直接有效的办法，实际上也是“放水养鱼”。",
  "国民经济呈现增长较快、效益较好、价格较稳的良好局面。",
];

test("tokenizeTexts: the words and tags of forEachToken and of nodejieba.tag, text by text", () => {
  for (const order of ["fresh", "remembered"]) {
    const tokenizer = fresh();
    const reference = fresh();
    const all = [JOINED_IN_CONTEXT, ...speeches.map((s) => s.map((x) => x.text))];
    for (let pass = 0; pass < (order === "fresh" ? 1 : 2); pass++) {
      for (const texts of all) {
        const got = tokenizer.tokenizeTexts!(texts);
        let p = 0;
        texts.forEach((text, k) => {
          const expected: string[] = [];
          reference.forEachToken(text, (w, tag) => expected.push(`${w}/${tag}`));
          const actual: string[] = [];
          for (; p < got.ends[k]!; p++) {
            const id = got.ids[p]!;
            actual.push(`${got.vocab[id]}/${got.tags[id]}`);
          }
          assert.deepEqual(actual, expected, text);
          const tagged = nodejieba
            .tag(text)
            .filter((t) => !stopwords.has(t.word) && !NOISE.test(t.word))
            .map((t) => `${t.word}/${t.tag}`);
          assert.deepEqual(actual, tagged, text);
        });
        // Ids are dense, in order of first appearance.
        const firsts = [...new Set(got.ids)];
        assert.deepEqual(
          firsts,
          firsts.map((_, i) => i),
        );
        assert.equal(got.vocab.length, firsts.length);
      }
    }
  }
});

test("speechTerms: the rows and kept tokens of the per-token path, sections in any order", () => {
  const tokenizer = fresh();
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: speeches.length - 1 }),
      fc.array(fc.constantFrom("preamble", "1", "1.1", "2", "_x"), { minLength: 1, maxLength: 6 }),
      fc.boolean(),
      (which, labels, contiguous) => {
        // Sections as the segmenter makes them (runs) or interleaved (a section coming back).
        const sentences = speeches[which]!.map((s, i, all) => ({
          ...s,
          section_id: contiguous
            ? labels[Math.floor((i * labels.length) / all.length)]!
            : labels[i % labels.length]!,
        }));
        const fast = speechTerms("sp", sentences, tokenizer);
        const slow = speechTerms("sp", sentences, perToken(tokenizer));
        assert.deepEqual(fast.terms, slow.terms);
        assert.deepEqual(fast.tokens, slow.tokens);
        const words: string[][] = [];
        assert.deepEqual(
          termsForSpeech("sp", sentences, tokenizer, (w) => words.push(w)),
          fast.terms,
        );
        assert.deepEqual(words, sentenceWords(fast.tokens));
        assert.deepEqual(tokensOfSentences(words), fast.tokens);
      },
    ),
    { numRuns: 60 },
  );
  // No sentence, and sentences without a kept token.
  for (const sentences of [[], [{ section_id: "a", text: "，。的" }]]) {
    const fast = speechTerms("sp", sentences, tokenizer);
    assert.deepEqual(fast, speechTerms("sp", sentences, perToken(tokenizer)));
    assert.deepEqual(fast.terms, []);
  }
});

const unit = fc.constantFrom(
  "",
  "a",
  "中",
  "国",
  "\u0000",
  "\uE000",
  "\uFFFF",
  "𠀀",
  "\uD800",
  "\uDC00",
);
const word = fc.array(unit, { maxLength: 5 }).map((a) => a.join(""));

test("codePointOrder gives the indices of sort(compareCodePoints)", () => {
  fc.assert(
    fc.property(fc.array(word, { maxLength: 60 }), (words) => {
      const order = [...codePointOrder(words)];
      assert.deepEqual(
        [...order].sort((a, b) => a - b),
        words.map((_, i) => i),
      );
      assert.deepEqual(
        order.map((i) => words[i]),
        [...words].sort(compareCodePoints),
      );
    }),
    { numRuns: 2000 },
  );
});

test("WordNumbers numbers words densely in order of first sight, across growth and clear", () => {
  fc.assert(
    fc.property(fc.array(word, { maxLength: 400 }), fc.nat(400), (words, clearAt) => {
      const numbers = new WordNumbers();
      let reference = new Map<string, number>();
      words.forEach((w, i) => {
        if (i === clearAt) {
          numbers.clear();
          reference = new Map();
        }
        // A copy: the same word as a different string object, as nodejieba returns it.
        const copy = [...w].join("");
        if (!reference.has(w)) reference.set(w, reference.size);
        assert.equal(numbers.numberOf(copy), reference.get(w));
        assert.equal(numbers.word(reference.get(w)!), w);
        assert.equal(numbers.size, reference.size);
      });
    }),
    { numRuns: 500 },
  );
  // Past the first table sizes (4,096 slots, half full), words of one, two and more units.
  const many = new WordNumbers();
  const words = Array.from({ length: 30_000 }, (_, i) =>
    String.fromCharCode(
      ...[0x4e00 + (i % 7919), 0x4e00 + (i >> 2), 0xff01 + (i >> 4)].slice(0, 1 + (i % 3)),
    ),
  );
  const expected = new Map<string, number>();
  for (const w of words) if (!expected.has(w)) expected.set(w, expected.size);
  for (let pass = 0; pass < 2; pass++)
    for (const w of words) assert.equal(many.numberOf(w), expected.get(w));
  assert.equal(many.size, expected.size);
});
