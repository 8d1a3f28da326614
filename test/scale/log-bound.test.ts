// logOddsBelow (pipeline/log-bound.ts) says "below" only when the z logOddsTerm computes from
// the same counts is below the threshold, and says it for nearly every z clearly below (else
// it prunes nothing): counts and totals like a speech's against the rest of the corpus, from
// tiny to huge, thresholds near z on both sides of 0.
import { test } from "node:test";
import assert from "node:assert/strict";
import { prng } from "../../scripts/bench/generate.ts";
import { logOddsTerm } from "../../data-loaders/language/logodds.ts";
import { logOddsBelow } from "../../data-loaders/pipeline/log-bound.ts";

test("logOddsBelow is never wrong, and decides nearly all clear cases", () => {
  const rand = prng(7);
  let clear = 0;
  let decided = 0;
  for (let n = 0; n < 300_000; n++) {
    const corpusTokens = Math.floor(10 ** (2 + rand() * 7)) + 2;
    const tokens = 1 + Math.floor(rand() * rand() * (corpusTokens - 1));
    // A term with `count` of the speech's tokens and `total - count` of the rest's.
    const count = 1 + Math.floor(rand() ** 3 * tokens);
    const total = count + Math.floor(rand() ** 3 * (corpusTokens - tokens));
    // As term-stats-stream.ts computes them (logOddsTerm's operations).
    const alphaW = (corpusTokens * total) / corpusTokens;
    const yB = total - count;
    const nB = corpusTokens - tokens;
    const p1 = count + alphaW;
    const q1 = tokens + corpusTokens - count - alphaW;
    const p2 = yB + alphaW;
    const q2 = nB + corpusTokens - yB - alphaW;
    const z = logOddsTerm(count, tokens, yB, nB, alphaW, corpusTokens).z;
    assert.equal((Math.log(p1 / q1) - Math.log(p2 / q2)) / Math.sqrt(1 / p1 + 1 / p2), z);
    // Thresholds just above, at, just below and far from z, and 0.
    const sd = Math.sqrt(1 / p1 + 1 / p2);
    for (const threshold of [
      z,
      z + 1e-12,
      z - 1e-12,
      z + 1e-4 / sd,
      z + (rand() * 10) / sd,
      z - (rand() * 10) / sd,
      0,
      -z,
    ]) {
      const below = logOddsBelow(p1, q1, p2, q2, threshold);
      if (below && !(z < threshold)) assert.fail(`z ${z} said below ${threshold}`);
      // The estimate is within 1.2e-5 of δ, and high 2.4e-5 above at most: decided below that.
      if (z < threshold - 3e-5 / sd) {
        clear++;
        if (below) decided++;
      }
    }
  }
  assert.ok(clear > 100_000 && decided === clear, `${decided} of ${clear} clear cases decided`);
});

test("logOddsBelow says nothing outside the doubles it covers", () => {
  assert.equal(logOddsBelow(0, 1, 1, 1, 5), false);
  assert.equal(logOddsBelow(1, Infinity, 1, 1, 5), false);
  assert.equal(logOddsBelow(NaN, 1, 1, 1, 5), false);
  assert.equal(logOddsBelow(1, 1, 1, 1e-320, 5), false);
  assert.equal(logOddsBelow(1, 1e6, 1, 1, -Infinity), false);
  assert.equal(logOddsBelow(1, 1e6, 1, 1, NaN), false);
  // In range, clearly below: decided.
  assert.equal(logOddsBelow(1, 1e6, 1, 1, 5), true);
});
