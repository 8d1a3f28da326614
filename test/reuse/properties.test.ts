// Property tests on what every reported row promises, over random corpora built to contain
// copies, near copies and chance matches (small alphabets make chance alignments likely).
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { detectReuse, type ReuseDoc } from "../../data-loaders/reuse/detect.ts";
import { winnow } from "../../data-loaders/reuse/fingerprints.ts";
import { textUnits } from "../../data-loaders/reuse/units.ts";
import { countHan } from "../../data-loaders/describe/text-stats.ts";

const HAN = [
  ..."的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质",
];

/** A corpus: random texts over a small alphabet, then copies of random stretches between them
 *  with random single-character edits, plus punctuation, digits and an astral Han character. */
const corpus = fc
  .record({
    alphabet: fc.integer({ min: 6, max: 60 }),
    texts: fc.array(
      fc.record({
        seed: fc.array(fc.nat({ max: 10_000 }), { minLength: 80, maxLength: 400 }),
        year: fc.option(fc.integer({ min: 2000, max: 2005 }), { nil: null }),
      }),
      { minLength: 2, maxLength: 5 },
    ),
    copies: fc.array(
      fc.record({
        from: fc.nat(),
        to: fc.nat(),
        at: fc.nat(),
        len: fc.integer({ min: 40, max: 160 }),
        into: fc.nat(),
        edits: fc.array(fc.nat(), { maxLength: 6 }),
      }),
      { maxLength: 6 },
    ),
  })
  .map(({ alphabet, texts, copies }) => {
    const pool = [...HAN.slice(0, alphabet), "，", "。", "\n", "2023", "𠀀", "Ａ"];
    const bodies = texts.map((t) => t.seed.map((n) => pool[n % pool.length]).join(""));
    for (const c of copies) {
      const src = bodies[c.from % bodies.length]!;
      const start = c.at % Math.max(1, src.length - c.len);
      const piece = [...src.slice(start, start + c.len)];
      for (const e of c.edits) piece[e % piece.length] = pool[e % alphabet]!;
      const k = c.to % bodies.length;
      const dst = bodies[k]!;
      const at = c.into % (dst.length + 1);
      bodies[k] = dst.slice(0, at) + piece.join("") + dst.slice(at);
    }
    return bodies.map((text, i): ReuseDoc => ({ id: `s${i}`, text, year: texts[i]!.year }));
  });

test("every row: spans inside their texts, start < end, identity in [0, 1], chars counted, a mirror row", () => {
  let withRows = 0;
  fc.assert(
    fc.property(corpus, (docs) => {
      const rows = detectReuse(docs, { stockMinSpeeches: 10 });
      if (rows.length) withRows++;
      const text = new Map(docs.map((d) => [d.id, d.text]));
      const year = new Map(docs.map((d) => [d.id, d.year]));
      const keys = new Set(
        rows.map(
          (r) =>
            `${r.speech_id}:${r.start}:${r.end}:${r.other_speech_id}:${r.other_start}:${r.other_end}`,
        ),
      );
      const flip = {
        earlier: "later",
        later: "earlier",
        same_year: "same_year",
        unknown: "unknown",
      };
      for (const r of rows) {
        const a = text.get(r.speech_id)!;
        const b = text.get(r.other_speech_id)!;
        assert.notEqual(r.speech_id, r.other_speech_id);
        assert.ok(0 <= r.start && r.start < r.end && r.end <= a.length, "span in its text");
        assert.ok(0 <= r.other_start && r.other_start < r.other_end && r.other_end <= b.length);
        assert.ok(r.identity >= 0 && r.identity <= 1);
        assert.equal(r.chars, countHan(a.slice(r.start, r.end)));
        assert.ok(r.chars >= 50);
        // Spans never cut a surrogate pair.
        assert.ok(!/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(a.slice(r.start, r.end)));
        assert.ok(
          keys.has(
            `${r.other_speech_id}:${r.other_start}:${r.other_end}:${r.speech_id}:${r.start}:${r.end}`,
          ),
        );
        const ya = year.get(r.speech_id);
        const yb = year.get(r.other_speech_id);
        const expected =
          ya == null || yb == null
            ? "unknown"
            : yb < ya
              ? "earlier"
              : yb > ya
                ? "later"
                : "same_year";
        assert.equal(r.direction, expected);
        assert.ok(
          rows.some(
            (m) =>
              m.speech_id === r.other_speech_id &&
              m.start === r.other_start &&
              m.direction === flip[r.direction],
          ),
        );
      }
    }),
    { numRuns: 60, seed: 20261206 },
  );
  // The corpora do produce passages: the checks above ran on real rows.
  assert.ok(withRows >= 20, `${withRows} of 60 runs reported passages`);
});

test("winnowing: with window <= gram the selected n-grams cover the text from the first to the last selection", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 0, maxLength: 300 }),
      fc.integer({ min: 2, max: 10 }),
      fc.integer({ min: 1, max: 10 }),
      (codes, gram, w) => {
        const window = Math.min(w, gram);
        const { positions } = winnow(Int32Array.from(codes), gram, window);
        const grams = codes.length - gram + 1;
        if (grams <= 0) return assert.equal(positions.length, 0);
        assert.ok(positions.length > 0);
        for (let i = 1; i < positions.length; i++) {
          assert.ok(positions[i]! > positions[i - 1]!, "in text order");
          assert.ok(positions[i]! - positions[i - 1]! <= gram, "no gap between selected n-grams");
        }
        assert.ok(positions[0]! < window && positions[positions.length - 1]! > grams - 1 - window);
      },
    ),
    { numRuns: 300, seed: 7 },
  );
});

test("units: Han characters and digit/Latin runs with their UTF-16 spans; punctuation skipped", () => {
  const text = "２０２３年，GDP增长5.2%。𠀀字";
  const u = textUnits(text);
  const pieces = Array.from(u.starts, (s, i) => text.slice(s, u.ends[i]));
  assert.deepEqual(pieces, ["２０２３", "年", "GDP", "增", "长", "5.2%", "𠀀", "字"]);
  // Full-width and ASCII digits are one run code; Han code is the code point.
  assert.equal(u.codes[0], textUnits("2023").codes[0]);
  assert.equal(u.codes[1], "年".codePointAt(0));
  assert.equal(u.hanBefore[u.codes.length], 5);
});
