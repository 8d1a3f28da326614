// The one-pass encoder workers use for per-speech tables against the pair it replaced
// (encodeRows + toRowBlock, CSV text encoded as UTF-8): same columns, same CSV bytes.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { encodeRows } from "../../data-loaders/pipeline/encoded-rows.ts";
import { toRowBlock } from "../../data-loaders/pipeline/column-blocks.ts";
import { encodeRowBlock } from "../../data-loaders/pipeline/row-block-encoder.ts";
import { SPEECH_TABLE_SPECS, SPEECH_TABLES } from "../../data-loaders/pipeline/file-work.ts";
import { loadContext } from "../../data-loaders/pipeline/context.ts";
import { processSpeech } from "../../data-loaders/pipeline/process-speech.ts";
import { speechId } from "../../data-loaders/ingest/speech-id.ts";
import type { TableSpec } from "../../data-loaders/tables/spec.ts";
import { mixedTable } from "../helpers/mixed-table.ts";
import { loadSampleCleaned, sampleFiles } from "../helpers/sample.ts";

function assertSameBlock(spec: TableSpec<any>, rows: readonly unknown[]): void {
  const expected = toRowBlock(spec, encodeRows(spec, rows as never));
  const actual = encodeRowBlock(spec, rows);
  assert.equal(actual.n, expected.n);
  assert.deepEqual(actual.columns, expected.columns);
  assert.deepEqual(Buffer.from(actual.csv), Buffer.from(expected.csv as string, "utf8"));
}

// Units around every branch of the encoder: CSV specials, formula starts, 1- to 4-byte UTF-8,
// paired and lone surrogates (a lone high one ending a value and a lone low one starting the
// next pair up when the column is joined), short values and long ones.
const unit = fc.constantFrom(
  "a",
  "0",
  ",",
  '"',
  "\n",
  "\r",
  "=",
  "+",
  "-",
  "@",
  "\t",
  "'",
  " ",
  "é",
  "干",
  "部",
  "\uFFFF",
  "😀",
  "\uD800",
  "\uDC00",
  "\u0000",
);
const text = fc.oneof(
  fc.array(unit, { maxLength: 8 }).map((a) => a.join("")),
  fc.array(unit, { minLength: 60, maxLength: 90 }).map((a) => a.join("")),
);

const integer = fc.oneof(
  fc.integer({ min: 0, max: 30 }),
  fc.integer(),
  fc.constantFrom(-0, 2 ** 31, 2 ** 40, -1, 2147483647, 1.5, NaN, Infinity),
);
const number = fc.oneof(
  fc.double(),
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(0.1, 1e21, 1e-7, -0),
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 4 });

test("mixed columns: equal to encodeRows + toRowBlock, nulls and constant columns included", () => {
  const row = fc.record({
    id: fc.oneof(text, fc.constant("s1")),
    s: maybe(text),
    i: maybe(integer),
    x: maybe(number),
    b: maybe(fc.boolean()),
  });
  fc.assert(
    fc.property(fc.array(row, { maxLength: 12 }), (rows) => assertSameBlock(mixedTable, rows)),
    { numRuns: 3000 },
  );
  // A column of one value on every row (stored once), null and booleans included.
  for (const v of [null, true, false, "=x", 'a"b', 7, 2.5]) {
    const rows = [0, 1, 2].map((k) => ({ id: `r${k}`, s: null, i: null, x: null, b: null }));
    for (const col of ["s", "i", "x", "b"] as const)
      assertSameBlock(
        mixedTable,
        rows.map((r) => ({ ...r, [col]: v })),
      );
  }
});

test("missing values and forbidden nulls fail as they did", () => {
  const spec = SPEECH_TABLE_SPECS.terms;
  const ok = { speech_id: "s", section_id: "1", term: "词", pos: "n", count: 1 };
  for (const bad of [
    { ...ok, pos: undefined },
    { ...ok, term: null },
  ]) {
    const message = (() => {
      try {
        encodeRows(spec, [ok, bad] as never);
      } catch (err) {
        return (err as Error).message;
      }
    })();
    assert.ok(message);
    assert.throws(() => encodeRowBlock(spec, [ok, bad]), { message });
  }
});

test("the per-speech tables of the sample speeches encode as before", () => {
  const ctx = loadContext();
  let rows = 0;
  for (const file of sampleFiles()) {
    const text = loadSampleCleaned(file);
    const r = processSpeech(
      {
        speechId: speechId(text),
        file: { path: file, sha256: "0" },
        cleaned: { text, removals: [] },
      },
      ctx,
    );
    const byTable = {
      sections: r.sections,
      sentences: r.sentences,
      removals: r.removals,
      terms: r.terms,
      formulation_hits: r.hits,
      theme_scores: r.themeScores,
    };
    for (const t of SPEECH_TABLES) {
      assertSameBlock(SPEECH_TABLE_SPECS[t], byTable[t]);
      rows += byTable[t].length;
    }
  }
  assert.ok(rows > 5000, `only ${rows} rows`);
});
