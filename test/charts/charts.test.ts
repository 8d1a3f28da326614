// @ts-nocheck: the modules under test are plain JS that Framework pages import as they are (no types).
// Pure parts of the chart modules (src/charts/) and the pages' helpers: year ticks never closer
// than a label's width, labels moved apart never overlap, gaps in years found, speech labels keep
// their year, legends lay out without overlap, the five strongest themes, one schema per table,
// the speeches index's search and sort, and the SQL console's download name.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  dodge,
  missingYears,
  yearDomain,
  yearRuns,
  yearTicks,
  YEAR_LABEL_PX,
} from "../../src/charts/year-axis.js";
import { fitLabel, labelMargin } from "../../src/charts/speech-axis.js";
import { swatchLayout, textWidth } from "../../src/charts/legend.js";
import { themeColor, themeColorList, themeColors } from "../../src/charts/colors.js";
import { tableSchemas } from "../../src/lib/schemas.js";
import { searchSpeeches, sortSpeeches } from "../../src/lib/speechIndex.js";
import { queriedTable } from "../../src/lib/sql.js";

test("year ticks: labels at least a label's width apart, inside the domain, round steps", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1900, max: 2030 }),
      fc.integer({ min: 0, max: 120 }),
      fc.integer({ min: 200, max: 1400 }),
      (from, span, width) => {
        const domain = yearDomain([from, from + span]);
        const ticks = yearTicks(domain, width);
        const px = width / (domain[1] - domain[0]);
        assert.ok(ticks.length >= 1);
        for (let i = 1; i < ticks.length; i++)
          assert.ok((ticks[i]! - ticks[i - 1]!) * px >= YEAR_LABEL_PX - 1e-9);
        for (const t of ticks) assert.ok(t >= domain[0] && t <= domain[1] && Number.isInteger(t));
      },
    ),
  );
  // 1954–2022 (the government reports) at 640 and 1,280 px: every 5 and every 2 years at most.
  const domain = yearDomain([1954, 2022]);
  assert.deepEqual(yearTicks(domain, 560).slice(0, 3), [1960, 1970, 1980]);
  assert.deepEqual(yearTicks(domain, 1200).slice(0, 3), [1955, 1960, 1965]);
});

test("year gaps: runs of consecutive years, a gap between 1964 and 1975", () => {
  const rows = [1960, 1961, 1964, 1975].map((year, i) => ({ year, series: "a", value: i }));
  const { runs, gaps } = yearRuns(rows);
  assert.equal(new Set(runs.map((r) => r.run)).size, 3);
  assert.deepEqual(
    gaps.map((g) => [g.year1, g.year2]),
    [
      [1961, 1964],
      [1964, 1975],
    ],
  );
  assert.deepEqual(missingYears([1960, 1961, 1964, 1975]), [
    [1962, 1963],
    [1965, 1974],
  ]);
});

test("dodge: no two labels closer than the gap, all within bounds, order kept; null when they cannot fit", () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: -50, max: 450, noNaN: true }), { maxLength: 12 }),
      (targets) => {
        const ys = dodge(targets, 13, 0, 400);
        if (ys === null) return assert.ok((targets.length - 1) * 13 > 400);
        const sorted = ys.slice().sort((a, b) => a - b);
        for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i]! - sorted[i - 1]! >= 13 - 1e-9);
        for (const y of ys) assert.ok(y >= -1e-9 && y <= 400 + 1e-9);
        // A label never overtakes one whose target is lower.
        for (let i = 0; i < targets.length; i++)
          for (let j = 0; j < targets.length; j++)
            if (targets[i]! < targets[j]!) assert.ok(ys[i]! <= ys[j]!);
      },
    ),
  );
  assert.equal(dodge([1, 2, 3], 13, 0, 20), null);
});

test("speech labels keep their year; the margin fits the widest label within its share", () => {
  const label = "2023 · 在理论学习中心组专题学习研讨会上的发言提纲";
  const short = fitLabel(label, 120);
  assert.ok(short.startsWith("2023 · "), short);
  assert.ok(short.endsWith("…"));
  assert.ok(textWidth(short, 10) <= 120);
  assert.equal(fitLabel("2023 · 短", 120), "2023 · 短");
  assert.equal(labelMargin([label], 1000), Math.round(textWidth(label, 10) + 12));
  assert.equal(labelMargin([label], 300), 120);
});

test("swatch legend: items in aligned columns, none overlapping, within the width", () => {
  fc.assert(
    fc.property(
      fc.array(fc.string({ minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 22 }),
      fc.integer({ min: 200, max: 1300 }),
      (labels, width) => {
        const { items, height } = swatchLayout(
          labels.map((label) => ({ label, color: "#000" })),
          width,
        );
        const box = (d: { x: number; y: number; label: string }) => ({
          x0: d.x,
          x1: d.x + 17 + textWidth(d.label, 12),
          y: d.y,
        });
        const boxes = items.map(box);
        for (let i = 0; i < boxes.length; i++) {
          assert.ok(boxes[i]!.y < height);
          for (let j = i + 1; j < boxes.length; j++)
            if (boxes[i]!.y === boxes[j]!.y)
              assert.ok(boxes[i]!.x1 <= boxes[j]!.x0 || boxes[j]!.x1 <= boxes[i]!.x0);
        }
      },
    ),
  );
});

test("theme colours: by place in the whole codebook, so a selection keeps each theme's colour", () => {
  const all = ["a", "b", "c", "d"].map((theme_id) => ({ theme_id }));
  const picked = [all[2]!, all[0]!];
  assert.deepEqual(themeColorList(picked, all), [
    themeColors(all).get("c"),
    themeColors(all).get("a"),
  ]);
  assert.equal(themeColor("c", all), themeColors(all).get("c"));
  assert.notEqual(themeColor("a", all), themeColor("b", all));
});

test("data page: one schema per table (CSV and Parquet resources folded), formats listed", () => {
  const field = { name: "x", type: "string" };
  const schemas = tableSchemas({
    resources: [
      { name: "speeches", path: "speeches.csv", format: "csv", schema: { fields: [field] } },
      {
        name: "speeches_parquet",
        path: "speeches.parquet",
        format: "parquet",
        schema: { fields: [field] },
      },
      { name: "collocations_parquet", path: "collocations.parquet", schema: { fields: [field] } },
    ],
  });
  assert.deepEqual(
    schemas.map((s) => [s.name, s.formats]),
    [
      ["speeches", ["csv", "parquet"]],
      ["collocations", ["parquet"]],
    ],
  );
});

test("SQL console download: named after the one table the query reads", () => {
  const tables = ["speeches", "sections", "collocations"];
  assert.equal(queriedTable("SELECT * FROM sections WHERE level = 1", tables), "sections");
  assert.equal(queriedTable('select * from "collocations" limit 5', tables), "collocations");
  assert.equal(
    queriedTable("SELECT * FROM speeches JOIN sections USING (speech_id)", tables),
    null,
  );
  assert.equal(queriedTable("SELECT 1", tables), null);
});

test("speeches index: search by title, year and level label; sort by level in vocabulary order", () => {
  const rows = [
    {
      speech_id: "a",
      title: "组织工作会议讲话",
      year: 2023,
      level: "province",
      genre: "conference_speech",
    },
    {
      speech_id: "b",
      title: "研讨发言",
      year: 2021,
      level: "central",
      genre: "study_session_remarks",
    },
    {
      speech_id: "c",
      title: null,
      source_file: "x.txt",
      year: null,
      level: "county",
      genre: "other",
    },
  ];
  assert.deepEqual(
    searchSpeeches(rows, "组织").map((d) => d.speech_id),
    ["a"],
  );
  assert.deepEqual(
    searchSpeeches(rows, "2021").map((d) => d.speech_id),
    ["b"],
  );
  assert.deepEqual(
    searchSpeeches(rows, "central").map((d) => d.speech_id),
    ["b"],
  );
  assert.deepEqual(
    searchSpeeches(rows, "中央").map((d) => d.speech_id),
    ["b"],
  );
  assert.deepEqual(searchSpeeches(rows, "").length, 3);
  assert.deepEqual(
    sortSpeeches(rows, "level").map((d) => d.speech_id),
    ["b", "a", "c"],
  );
  assert.deepEqual(
    sortSpeeches(rows, "year").map((d) => d.speech_id),
    ["b", "a", "c"],
  );
  assert.deepEqual(
    sortSpeeches(rows, "year", true).map((d) => d.speech_id),
    ["a", "b", "c"],
  );
  assert.throws(() => sortSpeeches(rows, "colour"), /valid: year, level/);
});
