// The tokenizer's segmentation through the patched nodejieba's cutLengths (words sliced from the
// text by their lengths) against nodejieba's own cut(text, true): the same words on real
// speeches and on arbitrary strings, astral characters and lone surrogates included.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import nodejieba from "nodejieba";
import { nodejiebaCutLengths, type Jieba } from "../../data-loaders/language/jieba.ts";
import { segmenter } from "../../data-loaders/language/tokenize.ts";
import { loadContext } from "../../data-loaders/pipeline/context.ts";
import { loadSampleCleaned, sampleFiles } from "../helpers/sample.ts";
import { splitSentences } from "./split.ts";

loadContext(); // the pipeline's dictionary: lexicon forms and theme terms
const jieba = nodejieba as Jieba;
const segment = segmenter(jieba);
const cut = (text: string) => jieba.cut(text, true);

test("the installed nodejieba has cutLengths (npm ci's postinstall adds it)", () => {
  assert.equal(
    nodejiebaCutLengths(),
    true,
    "nodejieba lacks cutLengths: run `node scripts/setup/patch-nodejieba.mjs` (npm ci runs it)",
  );
});

test("cutLengths gives the UTF-16 length of each word cut() gives", () => {
  for (const text of [
    "南京市长江大桥建成通车",
    "𠮷野家，2024年“十四五”\t规划 ok!",
    "",
    "   ",
    "\n",
  ])
    assert.deepEqual(
      Array.from(jieba.cutLengths!(text)),
      cut(text).map((w) => w.length),
      text,
    );
});

test("segmenter equals cut(text, true) on every sentence of the sample speeches", () => {
  let sentences = 0;
  for (const file of sampleFiles())
    for (const { text: sentence } of splitSentences(file, loadSampleCleaned(file))) {
      assert.deepEqual(segment(sentence), cut(sentence), sentence);
      sentences++;
    }
  assert.ok(sentences > 300, `${sentences} sentences`);
});

test("segmenter equals cut(text, true) on arbitrary text (ASCII, Han, astral, lone surrogates)", () => {
  const piece = fc.oneof(
    fc.constantFrom(..."组织工作会议讲话同志们要全面从严治党，。、；：“”（）《》".split("")),
    fc.constantFrom(
      " ",
      "\t",
      "\n",
      "\r\n",
      "\u3000",
      "a",
      "Z",
      "9",
      "-",
      "🙂",
      "𠮷",
      "\ud800",
      "\udc00",
    ),
    fc.string({ maxLength: 3 }),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const text = pieces.join("");
      assert.deepEqual(segment(text), cut(text));
    }),
    { numRuns: 500 },
  );
});
