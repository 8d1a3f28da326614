// @ts-nocheck: the modules under test are plain JS that Framework pages import as they are (no types).
// The reuse panel's pure parts (src/lib/reuse.js) and the reuse chart kinds' parameters: ranking
// order and columns, group summaries over whole groups touching a selection, the group × year
// cells, a group's member list, and `top` validated like every chart parameter.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  fromEarlier,
  groupLabel,
  groupMembers,
  reuseGroupCells,
  reuseGroupSummaries,
  reuseRanking,
  reuseShare,
} from "../../src/lib/reuse.js";
import { parseChartParams, TOP_ROWS } from "../../src/charts/params.js";

const speech = (id, year, share, extra = {}) => ({
  speech_id: id,
  title: `讲话${id}`,
  year,
  level: "city",
  han_chars: 1000,
  reused_chars: Math.round(share * 1000),
  reused_share: share,
  reuse_sources: share > 0 ? 2 : 0,
  quality_flags: "",
  ...extra,
});
const speeches = [
  speech("a", 2018, 0.2),
  speech("b", 2020, 0.8, { quality_flags: "placeholders,reused_from_earlier" }),
  speech("c", 2020, 0.2, { reused_chars: 300 }),
  speech("d", 2021, 0),
  speech("e", null, 0.5),
  speech("f", 2022, 0.4),
];
const groupRows = [
  { speech_id: "a", group_id: 1, group_speeches: 3, group_shared_chars: 400 },
  { speech_id: "b", group_id: 1, group_speeches: 3, group_shared_chars: 700 },
  { speech_id: "c", group_id: 1, group_speeches: 3, group_shared_chars: 300 },
  { speech_id: "e", group_id: 2, group_speeches: 2, group_shared_chars: 250 },
  { speech_id: "f", group_id: 2, group_speeches: 2, group_shared_chars: 250 },
];

test("ranking: by share, then reused characters, then id; speeches without reuse left out", () => {
  const rows = reuseRanking(speeches);
  assert.deepEqual(
    rows.map((r) => [r.rank, r.speech_id, r.from_earlier]),
    [
      [1, "b", true],
      [2, "e", false],
      [3, "f", false],
      [4, "c", false],
      [5, "a", false],
    ],
  );
  assert.equal(rows[0].name, "2020 · 讲话b");
  assert.equal(rows[1].name, "? · 讲话e");
  assert.deepEqual(reuseShare(speeches), { speeches: 6, with_reuse: 5, share: 5 / 6 });
  // A run without reuse detection: null columns, no rows, no share.
  const none = speeches.map((s) => ({ ...s, reused_share: null, reused_chars: null }));
  assert.deepEqual(reuseRanking(none), []);
  assert.equal(reuseShare(none).with_reuse, 0);
  assert.ok(fromEarlier(speeches[1]) && !fromEarlier(speeches[0]));
});

test("group summaries: whole groups that touch the selection; representative shares most", () => {
  const all = reuseGroupSummaries(speeches, groupRows);
  assert.deepEqual(
    all.map((g) => [
      g.group_id,
      g.speeches,
      g.in_selection,
      g.year_min,
      g.year_max,
      g.undated,
      g.shared_chars,
      g.from_earlier,
      g.representative_id,
    ]),
    [
      [1, 3, 3, 2018, 2020, 0, 700, 1, "b"],
      [2, 2, 2, 2022, 2022, 1, 250, 0, "f"],
    ],
  );
  assert.equal(all[0].label, "G1 · 3 篇 · 2018–2020 · 讲话b");
  assert.equal(groupLabel({ ...all[1], year_min: null }), "G2 · 2 篇 · ? · 讲话f");
  // Selecting 2018 alone keeps group 1 whole (its figures are the group's) and drops group 2.
  const y2018 = reuseGroupSummaries(speeches, groupRows, [speeches[0]]);
  assert.deepEqual(
    y2018.map((g) => [g.group_id, g.speeches, g.in_selection]),
    [[1, 3, 1]],
  );
  assert.deepEqual(reuseGroupSummaries(speeches, [], speeches), []);
});

test("group cells: one per group and year with speeches; undated members have none; top cuts", () => {
  const summaries = reuseGroupSummaries(speeches, groupRows);
  const cells = reuseGroupCells(summaries, speeches, groupRows);
  assert.deepEqual(
    cells.map((c) => [c.group_id, c.year, c.speeches, c.group_speeches]),
    [
      [1, 2018, 1, 3],
      [1, 2020, 2, 3],
      [2, 2022, 1, 2],
    ],
  );
  assert.deepEqual(
    reuseGroupCells(summaries, speeches, groupRows, 1).map((c) => c.group_id),
    [1, 1],
  );
  const members = groupMembers(2, speeches, groupRows);
  assert.deepEqual(
    members.map((m) => [m.speech_id, m.group_shared_chars]),
    [
      ["f", 250],
      ["e", 250],
    ],
  );
});

test("top: the reuse charts' count, validated and carried in the embed parameters", () => {
  const catalog = { speeches, themes: [], formulations: [] };
  for (const kind of ["reuse-ranking", "reuse-groups"]) {
    const byDefault = parseChartParams(kind, () => null, catalog);
    assert.equal(byDefault.ok, true);
    assert.equal(byDefault.top, TOP_ROWS.default);
    assert.deepEqual(byDefault.params, {});
    const fifty = parseChartParams(kind, (n) => ({ top: "50", years: "2020" })[n], catalog);
    assert.equal(fifty.top, 50);
    assert.deepEqual(fifty.params, { top: "50", years: "2020" });
    assert.deepEqual(
      fifty.selected.map((s) => s.speech_id),
      ["b", "c"],
    );
    for (const bad of ["0", "201", "2.5", "many"]) {
      const r = parseChartParams(kind, (n) => (n === "top" ? bad : null), catalog);
      assert.equal(r.ok, false);
      assert.match(r.errors[0], /top must be a whole number from 1 to 200/);
    }
  }
});
