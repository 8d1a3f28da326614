// The streaming collocations count a repeated sentence once, with its copies, whatever the
// order of its tokens (copies are found before sorting): sentences that are permutations of a
// few term sets, with tokens repeated inside, sets that differ by one term, and enough distinct
// sentences to grow the lookup table, equal language/collocations.ts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { prng } from "../../scripts/bench/generate.ts";
import { collocations } from "../../data-loaders/language/collocations.ts";
import { collocationChunks } from "../../data-loaders/pipeline/collocations-stream.ts";
import type { CompactSpeech } from "../../data-loaders/pipeline/corpus-tables.ts";

test("collocationChunks equals collocations() with permuted repeated sentences", () => {
  const words = Array.from({ length: 400 }, (_, i) => `t${i}`);
  const rand = prng(11);
  const shuffle = (xs: number[]) => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  };
  // A few term sets, each with a one-term variant (same length, nearly the same ranks).
  const sets: number[][] = [];
  for (let k = 0; k < 12; k++) {
    const set = [
      ...new Set(
        Array.from({ length: 2 + Math.floor(rand() * 12) }, () => Math.floor(rand() * 60)),
      ),
    ];
    sets.push(set, [...set.slice(1), 60 + k]);
  }
  const sentences: string[][] = [];
  const speeches: CompactSpeech[] = [];
  for (let s = 0; s < 40; s++) {
    const tokens: number[] = [];
    const ends: number[] = [];
    for (let j = 0; j < 100; j++) {
      const ids =
        rand() < 0.6
          ? shuffle([
              ...sets[Math.floor(rand() * sets.length)]!,
              ...(rand() < 0.3 ? [sets[0]![0]!] : []),
            ])
          : Array.from({ length: Math.floor(rand() * 8) }, () => Math.floor(rand() * words.length));
      tokens.push(...ids);
      ends.push(tokens.length);
      sentences.push(ids.map((t) => words[t]!));
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
  for (const minCount of [1, 3]) {
    const streamed = [...collocationChunks(speeches, words, { minCount })].flat();
    assert.deepEqual(streamed, collocations(sentences, { minCount }), `minCount ${minCount}`);
    assert.ok(streamed.length > 100, `${streamed.length} rows`);
  }
});
