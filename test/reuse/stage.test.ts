import { test } from "node:test";
import assert from "node:assert/strict";
import { reuseStage, withoutReuse } from "../../data-loaders/reuse/stage.ts";
import { loadLexicon } from "../../data-loaders/language/lexicon.ts";
import { prng } from "./planted.ts";

const lexicon = loadLexicon();
const rand = prng(42);
const han = (n: number) =>
  Array.from({ length: n }, () => String.fromCodePoint(0x4e00 + Math.floor(rand() * 20000))).join(
    "",
  );

test("the stage: a speech mostly copied from an earlier one is flagged; its source is not", () => {
  const shared = han(300);
  const texts: Record<string, string> = {
    old: `${han(100)}。${shared}。${han(400)}`,
    copy: `${shared}。${han(60)}`,
    other: han(500),
  };
  const speeches = [
    { speech_id: "old", year: 2018, quality_flags: "placeholders" },
    { speech_id: "copy", year: 2022, quality_flags: "" },
    { speech_id: "other", year: 2020, quality_flags: "" },
  ];
  const { passages, speeches: out } = reuseStage(speeches, (s) => texts[s.speech_id]!, lexicon);
  assert.deepEqual(
    passages.map((p) => [p.speech_id, p.other_speech_id, p.chars, p.direction]),
    [
      ["copy", "old", 300, "earlier"],
      ["old", "copy", 300, "later"],
    ],
  );
  const byId = Object.fromEntries(out.map((s) => [s.speech_id, s]));
  assert.equal(byId.copy!.quality_flags, "reused_from_earlier");
  assert.equal(byId.copy!.reused_chars, 300);
  assert.equal(byId.copy!.reused_share, Math.round((300 / 360) * 10_000) / 10_000);
  assert.equal(byId.old!.quality_flags, "placeholders", "the source's share is small and later");
  assert.equal(byId.old!.reuse_sources, 1);
  assert.deepEqual([byId.other!.reused_chars, byId.other!.reuse_sources], [0, 0]);
});

test("skipped (--no-reuse): no passages and null reuse columns, flags untouched", () => {
  const r = withoutReuse([{ speech_id: "a", year: 2020, quality_flags: "truncated" }]);
  assert.deepEqual(r.passages, []);
  assert.deepEqual(r.speeches, [
    {
      speech_id: "a",
      year: 2020,
      quality_flags: "truncated",
      reused_chars: null,
      reused_share: null,
      reuse_sources: null,
    },
  ]);
});
