import { test } from "node:test";
import assert from "node:assert/strict";
import { speechReuse } from "../../data-loaders/reuse/summary.ts";
import { detectReuse } from "../../data-loaders/reuse/detect.ts";
import { direction } from "../../data-loaders/reuse/direction.ts";
import { reusePassagesTable, reuseSpeechColumns } from "../../data-loaders/tables/reuse.ts";
import { prng } from "./planted.ts";

// 201 Han characters: 100 甲, then punctuation, digits and 年, then 100 乙.
const text = "甲".repeat(100) + "，。2024年" + "乙".repeat(100);
const han = 201;
const nian = text.indexOf("年");

test("reused characters: overlapping passages counted once, Han characters only", () => {
  const r = speechReuse(text, [
    { start: 0, end: 60, other_speech_id: "x", direction: "later" },
    { start: 40, end: 80, other_speech_id: "y", direction: "later" },
    { start: 40, end: 50, other_speech_id: "x", direction: "later" },
  ]);
  assert.equal(r.reused_chars, 80);
  assert.equal(r.reuse_sources, 2);
  assert.equal(r.reused_share, Math.round((80 / han) * 10_000) / 10_000);
  assert.equal(r.reused_from_earlier, false);
});

test("the quality flag: at least half of the Han characters in passages found in earlier speeches", () => {
  // Earlier passages: the 100 甲, plus a second one that does or does not reach 年 (101 of 201
  // is half; 100 is not). A later passage over all the 乙 does not count towards the flag.
  const rows = (secondEnd: number) => [
    { start: 0, end: 100, other_speech_id: "old1", direction: "earlier" as const },
    { start: 100, end: secondEnd, other_speech_id: "old2", direction: "earlier" as const },
    { start: nian + 1, end: text.length, other_speech_id: "new", direction: "later" as const },
  ];
  assert.equal(speechReuse(text, rows(nian + 1)).reused_from_earlier, true);
  assert.equal(speechReuse(text, rows(nian)).reused_from_earlier, false);
  assert.equal(speechReuse(text, rows(nian)).reused_chars, han - 1);
  assert.equal(speechReuse(text, []).reused_chars, 0);
  assert.equal(speechReuse("，，", []).reused_share, 0);
});

test("direction follows the two years; unknown when either is missing", () => {
  assert.equal(direction(2020, 2019), "earlier");
  assert.equal(direction(2020, 2021), "later");
  assert.equal(direction(2020, 2020), "same_year");
  assert.equal(direction(null, 2020), "unknown");
  assert.equal(direction(2020, null), "unknown");
});

test("rows carry exactly the contract's columns, of its types and enumerations", () => {
  const rand = prng(1);
  const shared = Array.from({ length: 90 }, () =>
    String.fromCodePoint(0x4e00 + Math.floor(rand() * 20000)),
  ).join("");
  const rows = detectReuse([
    { id: "a", text: `前言。${shared}。`, year: 2001 },
    { id: "b", text: `${shared}结束`, year: null },
  ]);
  assert.equal(rows.length, 2);
  for (const row of rows) {
    assert.deepEqual(Object.keys(row).sort(), reusePassagesTable.columns.map((c) => c.name).sort());
    for (const col of reusePassagesTable.columns) {
      const v = (row as unknown as Record<string, unknown>)[col.name];
      const expected = col.type === "string" ? "string" : "number";
      assert.equal(typeof v, expected, col.name);
      if (col.type === "integer") assert.ok(Number.isInteger(v), col.name);
      if (col.enum) assert.ok(col.enum.includes(v as string), col.name);
    }
    assert.equal(row.direction, "unknown");
  }
  assert.deepEqual(
    reuseSpeechColumns.map((c) => c.name),
    ["reused_chars", "reused_share", "reuse_sources"],
  );
});
