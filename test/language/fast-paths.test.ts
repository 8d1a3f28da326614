// The fast paths of the language stage against the plain implementations they replaced: the
// outputs must be identical, not merely similar (see issue 6: no output byte may change).
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import nodejieba from "nodejieba";
import { compareCodePoints, sortCodePoints } from "../../data-loaders/language/order.ts";
import { buildMatcher, type Match, type MatchEntry } from "../../data-loaders/language/matcher.ts";
import { createTokenizer } from "../../data-loaders/language/tokenize.ts";
import { loadLexicon } from "../../data-loaders/language/lexicon.ts";
import { loadStopwords } from "../../data-loaders/language/stopwords.ts";
import { loadSampleCleaned, sampleFiles } from "../helpers/sample.ts";
import { splitSentences } from "./split.ts";

// Characters around the edges the fast paths special-case: surrogates (paired and lone), the
// ends of the BMP, private use, and a few common Han characters so that runs share prefixes.
const unit = fc.constantFrom(
  "",
  "a",
  "b",
  "中",
  "国",
  "社",
  "会",
  "\u0000",
  "\uE000",
  "\uFFFF",
  "𠀀",
  "𠀁",
  "\uD800",
  "\uDC00",
);
const word = fc.array(unit, { maxLength: 5 }).map((a) => a.join(""));

test("sortCodePoints orders exactly as sort(compareCodePoints)", () => {
  fc.assert(
    fc.property(fc.uniqueArray(word, { maxLength: 60 }), (words) => {
      assert.deepEqual(sortCodePoints([...words]), [...words].sort(compareCodePoints));
    }),
    { numRuns: 2000 },
  );
});

/** The matcher as first written: string keys, one-character strings per step. */
function referenceFindAll(entries: readonly MatchEntry[], text: string, offset: number): Match[] {
  type Node = { next: Map<string, Node>; hit?: { id: string; pattern: string } };
  const root: Node = { next: new Map() };
  for (const e of entries)
    for (const p of e.patterns) {
      let node = root;
      for (const ch of p) {
        let child = node.next.get(ch);
        if (!child) node.next.set(ch, (child = { next: new Map() }));
        node = child;
      }
      node.hit ??= { id: e.id, pattern: p };
    }
  const out: Match[] = [];
  let i = 0;
  while (i < text.length) {
    let node: Node | undefined = root;
    let best: Match | undefined;
    let j = i;
    while (j < text.length) {
      const ch = String.fromCodePoint(text.codePointAt(j)!);
      node = node.next.get(ch);
      if (!node) break;
      j += ch.length;
      if (node.hit) best = { ...node.hit, start: i + offset, end: j + offset };
    }
    if (best) {
      out.push(best);
      i = best.end - offset;
    } else i += text.codePointAt(i)! > 0xffff ? 2 : 1;
  }
  return out;
}

test("the matcher finds exactly what the string-keyed trie found", () => {
  const nonEmpty = word.filter((w) => w.length > 0);
  fc.assert(
    fc.property(
      fc.array(fc.array(nonEmpty, { minLength: 1, maxLength: 3 }), { maxLength: 6 }),
      fc.array(unit, { maxLength: 80 }).map((a) => a.join("")),
      fc.nat(100),
      (patterns, text, offset) => {
        const entries = patterns.map((p, k) => ({ id: `e${k}`, patterns: p }));
        assert.deepEqual(
          buildMatcher(entries).findAll(text, offset),
          referenceFindAll(entries, text, offset),
        );
      },
    ),
    { numRuns: 2000 },
  );
});

test("tokens and tags equal nodejieba.tag() on the sample, on first sight and remembered", () => {
  const stopwords = loadStopwords();
  const tokenizer = createTokenizer({
    lexicon: loadLexicon(),
    extraTerms: ["组织覆盖", "引育留用", "人才"],
    stopwords,
  });
  const noise = /^[\p{P}\p{S}\p{Z}\s\p{Nd}]+$/u;
  let compared = 0;
  for (let pass = 0; pass < 2; pass++) {
    for (const file of sampleFiles()) {
      for (const s of splitSentences(file, loadSampleCleaned(file))) {
        const expected = nodejieba
          .tag(s.text)
          .filter((t) => !stopwords.has(t.word) && !noise.test(t.word));
        const actual: { word: string; tag: string }[] = [];
        tokenizer.forEachToken(s.text, (w, tag) => actual.push({ word: w, tag }));
        assert.deepEqual(actual, expected, s.text);
        compared += actual.length;
      }
    }
  }
  assert.ok(compared > 5000, `only ${compared} tokens compared`);
});
