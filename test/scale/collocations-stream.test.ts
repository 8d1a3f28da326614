// The streaming collocations (typed arrays, inverted index) equal language/collocations.ts on
// random corpora: same rows, same order, same floating-point values.
import { test } from "node:test";
import assert from "node:assert/strict";
import { prng } from "../../scripts/bench/generate.ts";
import { collocations } from "../../data-loaders/language/collocations.ts";
import { collocationChunks } from "../../data-loaders/pipeline/collocations-stream.ts";
import type { CompactSpeech } from "../../data-loaders/pipeline/corpus-tables.ts";

test("collocationChunks equals collocations() on random corpora (repeats, empty sentences)", () => {
  const words = [
    "干部",
    "组织",
    "党建",
    "人才",
    "基层",
    "学习",
    "发展",
    "a",
    "B",
    "😀",
    "治理",
    "队伍",
  ];
  for (const [seed, minCount] of [
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 5],
  ] as const) {
    const rand = prng(seed);
    const sentences: string[][] = [];
    const speeches: CompactSpeech[] = [];
    for (let s = 0; s < 30; s++) {
      const tokens: number[] = [];
      const ends: number[] = [];
      const nSentences = Math.floor(rand() * 6);
      for (let j = 0; j < nSentences; j++) {
        const len = Math.floor(rand() * 9); // 0 = an empty sentence
        const sentence: string[] = [];
        for (let i = 0; i < len; i++) {
          // Skewed: a few frequent terms, repeats inside a sentence.
          const t = Math.floor(rand() * rand() * words.length);
          tokens.push(t);
          sentence.push(words[t]!);
        }
        ends.push(tokens.length);
        sentences.push(sentence);
      }
      speeches.push({
        speechId: `s${s}`,
        speech: { han_chars: 1, year: null, level: "unknown", genre: "other" },
        termIds: new Int32Array(0),
        termCounts: new Int32Array(0),
        tokens: Int32Array.from(tokens),
        sentenceEnds: Int32Array.from(ends),
      });
    }
    const streamed = [...collocationChunks(speeches, words, { minCount })].flat();
    assert.deepEqual(streamed, collocations(sentences, { minCount }), `seed ${seed}`);
    assert.ok(streamed.length > 0, `seed ${seed}: some pairs`);
  }
});
