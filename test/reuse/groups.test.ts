// Groups of speeches that share passages (data-loaders/reuse/groups.ts): links need enough
// shared characters, groups never exceed the cap, the strongest links decide where a chain is
// cut, numbering and rows are deterministic, and the rows satisfy the table's contract.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { existsSync } from "node:fs";
import { reuseGroups, speechLinks } from "../../data-loaders/reuse/groups.ts";
import { reuseGroupsTable, type ReuseGroupRow } from "../../data-loaders/tables/reuse-groups.ts";
import { contractViolations } from "../contracts/check-table.ts";
import { pipelineOutput, readTable } from "../helpers/run-cli.ts";
import { GOVREPORTS_DIR } from "../helpers/sample.ts";

/** Both rows of a passage pair with `chars` Han characters on each side. */
const pair = (a: string, b: string, chars: number) => [
  { speech_id: a, other_speech_id: b, chars },
  { speech_id: b, other_speech_id: a, chars },
];

test("links: a pair's passages summed per side, the smaller side counts, strongest first", () => {
  const rows = [
    ...pair("a", "b", 120),
    ...pair("a", "b", 100),
    // An overlap counted twice on one side only: the other side's sum wins.
    { speech_id: "c", other_speech_id: "a", chars: 300 },
    { speech_id: "c", other_speech_id: "a", chars: 300 },
    { speech_id: "a", other_speech_id: "c", chars: 310 },
  ];
  assert.deepEqual(speechLinks(rows), [
    { a: "a", b: "c", chars: 310 },
    { a: "a", b: "b", chars: 220 },
  ]);
});

test("groups: weak links do not join; a chain is cut at its weakest links when over the cap", () => {
  const rows = [
    ...pair("a", "b", 900),
    ...pair("b", "c", 800),
    ...pair("c", "d", 250), // the weakest link that still counts
    ...pair("d", "e", 700),
    ...pair("e", "f", 600),
    ...pair("f", "g", 120), // below minPairChars: g stays out
  ];
  const groups = reuseGroups(rows, { maxGroupSize: 3 });
  assert.deepEqual(
    groups.map((g) => [g.speech_id, g.group_id, g.group_speeches, g.group_shared_chars]),
    [
      ["a", 1, 3, 900],
      ["b", 1, 3, 1700],
      ["c", 1, 3, 800],
      ["d", 2, 3, 700],
      ["e", 2, 3, 1300],
      ["f", 2, 3, 600],
    ],
  );
  // Without the cap the chain is one group; g still needs 200 characters.
  const whole = reuseGroups(rows);
  assert.deepEqual(new Set(whole.map((g) => g.group_id)), new Set([1]));
  assert.equal(whole.length, 6);
  assert.deepEqual(reuseGroups([]), []);
});

test("groups: cap, numbering and contract hold for any links; input order does not matter", () => {
  const ids = "abcdefghijkl".split("");
  const link = fc.record({
    a: fc.constantFrom(...ids),
    b: fc.constantFrom(...ids),
    chars: fc.integer({ min: 50, max: 2000 }),
  });
  fc.assert(
    fc.property(fc.array(link, { maxLength: 40 }), fc.integer({ min: 2, max: 6 }), (links, cap) => {
      const rows = links.filter((l) => l.a !== l.b).flatMap((l) => pair(l.a, l.b, l.chars));
      const groups = reuseGroups(rows, { maxGroupSize: cap });
      assert.deepEqual(contractViolations(reuseGroupsTable, groups), []);
      const sizes = new Map<number, number>();
      for (const g of groups) sizes.set(g.group_id, (sizes.get(g.group_id) ?? 0) + 1);
      const numbers = [...sizes.keys()].sort((x, y) => x - y);
      assert.deepEqual(
        numbers,
        numbers.map((_, i) => i + 1),
      );
      for (const g of groups) {
        assert.equal(g.group_speeches, sizes.get(g.group_id));
        assert.ok(g.group_speeches >= 2 && g.group_speeches <= cap);
        assert.ok(g.group_shared_chars >= 200);
      }
      for (let i = 1; i < numbers.length; i++)
        assert.ok(sizes.get(numbers[i - 1]!)! >= sizes.get(numbers[i]!)!);
      assert.deepEqual(reuseGroups([...rows].reverse(), { maxGroupSize: cap }), groups);
    }),
  );
});

test(
  "government reports: published groups follow the governments; every member has passages",
  { skip: !existsSync(GOVREPORTS_DIR) && "../shared/corpora/govreports is not here" },
  () => {
    const out = pipelineOutput(GOVREPORTS_DIR);
    const groups = readTable<ReuseGroupRow>(out, "reuse_groups");
    const passages = readTable<{ speech_id: string }>(out, "reuse_passages");
    const speeches = readTable<{ speech_id: string; year: number }>(out, "speeches");
    assert.deepEqual(contractViolations(reuseGroupsTable, groups), []);
    assert.deepEqual(groups, reuseGroups(readTable(out, "reuse_passages")));
    const withPassages = new Set(passages.map((p) => p.speech_id));
    for (const g of groups) assert.ok(withPassages.has(g.speech_id), g.speech_id);
    const yearOf = new Map(speeches.map((s) => [s.speech_id, s.year]));
    const years = new Map<number, number[]>();
    for (const g of groups)
      years.set(g.group_id, [...(years.get(g.group_id) ?? []), yearOf.get(g.speech_id)!]);
    const spans = [...years.values()].map((ys) => [Math.min(...ys), Math.max(...ys)]);
    // Wen Jiabao's reports (2004–2012) and Li Keqiang's (2014–2022) are two groups, not one.
    assert.ok(
      spans.some(([a, b]) => a! >= 2003 && b! <= 2012 && b! - a! >= 4),
      JSON.stringify(spans),
    );
    assert.ok(
      spans.some(([a, b]) => a! >= 2013 && b! <= 2023 && b! - a! >= 4),
      JSON.stringify(spans),
    );
  },
);
