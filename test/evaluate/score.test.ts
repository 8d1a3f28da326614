// evaluate's scoring on small hand-made gold/output pairs: a perfect output, a degraded one, and
// the matching rules (prefix over >= 6 characters or the whole shorter heading, one-to-one).
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseGold, GoldError, type GoldEntry } from "../../data-loaders/evaluate/gold.ts";
import { headingMatchScore, matchHeadings } from "../../data-loaders/evaluate/headings.ts";
import { evaluate } from "../../data-loaders/evaluate/evaluate.ts";
import { formatReport } from "../../data-loaders/evaluate/format.ts";
import type { PublishedOutput } from "../../data-loaders/evaluate/read-output.ts";
import type { PredictedSection } from "../../data-loaders/evaluate/score.ts";

const gold: GoldEntry[] = parseGold(
  JSON.stringify([
    {
      file: "a.txt",
      title: "在全市组织工作会议上的讲话",
      genre: "conference_speech",
      level: "city",
      year: 2023,
      year_conflict: false,
      l1_headings: ["一、提高政治站位，增强责任感", "二、突出工作重点", "三、强化组织保障"],
      l2_headings: [["（一）抓理论武装。", "（二）抓班子建设。"], [], []],
      section_themes: [{ heading: "二、突出工作重点", theme: "cadres" }],
    },
    {
      file: "b.txt",
      title: null,
      genre: "report",
      level: "central",
      year: null,
      l1_headings: [],
      l2_headings: [],
    },
  ]),
);

function sec(
  speech: string,
  id: string,
  level: number,
  heading: string | null,
  start: number,
  end: number,
  leaf: boolean,
): PredictedSection {
  const parent = id.includes(".") ? id.slice(0, id.lastIndexOf(".")) : null;
  return {
    speech_id: speech,
    section_id: id,
    parent_id: parent,
    level,
    kind: heading === null ? "preamble" : "heading",
    heading,
    start,
    end,
    is_leaf: leaf,
  };
}

const perfect: PublishedOutput = {
  speeches: [
    {
      speech_id: "sa",
      source_file: "corpus/a.txt",
      title: "在全市组织工作会议上的讲话",
      genre: "conference_speech",
      level: "city",
      year: 2023,
      year_conflict: false,
    },
    {
      speech_id: "sb",
      source_file: "corpus/b.txt",
      title: "",
      genre: "report",
      level: "central",
      year: null,
      year_conflict: false,
    },
  ],
  sections: [
    sec("sa", "preamble", 0, null, 0, 10, true),
    sec("sa", "1", 1, "一、提高政治站位，增强责任感", 10, 100, false),
    sec("sa", "1.1", 2, "（一）抓理论武装。", 30, 60, true),
    sec("sa", "1.2", 2, "（二）抓班子建设。", 60, 100, true),
    sec("sa", "2", 1, "二、突出工作重点", 100, 200, false),
    sec("sa", "2.0", 2, "x", 100, 150, true),
    sec("sa", "2.1", 2, "（一）选干部", 150, 200, true),
    sec("sa", "3", 1, "三、强化组织保障", 200, 300, true),
  ].map((s) => (s.section_id === "2.0" ? { ...s, kind: "intro", heading: null } : s)),
  themeScores: [
    { speech_id: "sa", section_id: "2.0", theme_id: "talent", hits: 2 },
    { speech_id: "sa", section_id: "2.1", theme_id: "cadres", hits: 3 },
    { speech_id: "sa", section_id: "3", theme_id: "talent", hits: 9 },
  ],
  themeOrder: ["cadres", "talent"],
};

test("a perfect output scores 100 % everywhere", () => {
  const { files, overall } = evaluate(gold, perfect);
  assert.equal(overall.found, 2);
  for (const k of ["title", "genre", "level", "year"] as const)
    assert.deepEqual(overall[k], { right: 2, of: 2 }, k);
  assert.deepEqual(overall.year_conflict, { right: 1, of: 1 }, "b.txt has no conflict label");
  assert.equal(overall.l1.precision, 1);
  assert.equal(overall.l1.recall, 1);
  assert.equal(overall.l1.f1, 1);
  assert.deepEqual(overall.l2, { gold: 2, matched: 2, recall: 1 });
  assert.deepEqual(overall.themes, { right: 1, of: 1 }, "2.0 + 2.1 together: cadres 3 > talent 2");
  assert.deepEqual(files[0]!.l1.extra, []);
});

test("a degraded output loses exactly what it got wrong", () => {
  const degraded: PublishedOutput = {
    ...perfect,
    speeches: [
      {
        ...perfect.speeches[0]!,
        title: "网站首页",
        level: "unknown",
        year: 2022,
        year_conflict: true,
      },
      { ...perfect.speeches[1]!, genre: "other", year: 1999 },
    ],
    sections: [
      sec("sa", "preamble", 0, null, 0, 10, true),
      // L1 #1 found with a longer heading (prefix match), #2 missing, an extra heading instead.
      sec("sa", "1", 1, "一、提高政治站位，增强责任感和使命感。", 10, 100, false),
      sec("sa", "1.1", 2, "（一）抓理论武装。", 30, 100, true),
      sec("sa", "2", 1, "要把握好三个方面。", 100, 200, true),
      sec("sa", "3", 1, "三、强化组织保障", 200, 300, true),
    ],
  };
  const { files, overall } = evaluate(gold, degraded);
  assert.deepEqual(overall.title, { right: 1, of: 2 });
  assert.deepEqual(overall.genre, { right: 1, of: 2 });
  assert.deepEqual(overall.level, { right: 1, of: 2 });
  assert.deepEqual(overall.year, { right: 0, of: 2 });
  assert.deepEqual(overall.year_conflict, { right: 0, of: 1 });
  assert.equal(overall.l1.matched, 2);
  assert.equal(overall.l1.precision, 2 / 3);
  assert.equal(overall.l1.recall, 2 / 3);
  assert.ok(Math.abs(overall.l1.f1 - 2 / 3) < 1e-12);
  assert.deepEqual(files[0]!.l1.missed, ["二、突出工作重点"]);
  assert.deepEqual(files[0]!.l1.extra, ["要把握好三个方面。"]);
  assert.deepEqual(overall.l2, { gold: 2, matched: 1, recall: 0.5 });
  assert.deepEqual(overall.themes, { right: 0, of: 1 }, "the labelled section does not exist");
  const text = formatReport(files, overall);
  assert.match(text, /year: gold 2023, got 2022/);
  assert.match(text, /L1 missed: 二、突出工作重点/);
  assert.match(text, /level-1 headings: precision 0\.667, recall 0\.667, F1 0\.667/);
});

test("a file missing from the output counts as wrong on every field", () => {
  const { files, overall } = evaluate(gold, { ...perfect, speeches: [perfect.speeches[1]!] });
  assert.equal(files[0]!.found, false);
  assert.deepEqual(overall.title, { right: 1, of: 2 });
  assert.equal(overall.l1.recall, 0);
  assert.match(formatReport(files, overall), /not in the output/);
});

test("heading matches: whitespace-insensitive prefix over 6 characters or the whole shorter one", () => {
  assert.ok(headingMatchScore("一、 提高政治站位", "一、提高政治站位，增强责任感") > 0);
  assert.ok(headingMatchScore("一、去年", "一、去年的工作") > 0, "whole shorter heading");
  assert.equal(headingMatchScore("要视人才为珍宝。", "要与企业同奋斗。"), 0, "shares only 要");
  assert.equal(headingMatchScore("第一，坚持", "第二，坚持"), 0);
  assert.equal(headingMatchScore(null, "一、"), 0);
  assert.equal(headingMatchScore("", ""), 0);
  assert.ok(
    headingMatchScore("——我们要努力建设一个远离恐惧的世界。", "&mdash;&mdash;我们要努力建设") > 0,
  );
  assert.ok(headingMatchScore("“两个维护”", "&ldquo;两个维护&#8221;") > 0);
});

test("matching is one-to-one and pairs parallel headings with their own counterpart", () => {
  const goldH = ["这是广东实现现代化的必由之路。", "这是广东实现现代化的光明之路。"];
  assert.deepEqual(
    matchHeadings(["这是广东实现现代化的光明之路。", "这是广东实现现代化的必由之路。"], goldH),
    [1, 0],
  );
  assert.deepEqual(matchHeadings(["这是广东实现现代化的必由之路。"], goldH), [0, -1]);
});

test("gold files are checked and errors name the entry", () => {
  assert.throws(() => parseGold("{"), GoldError);
  assert.throws(() => parseGold("{}"), /JSON array/);
  assert.throws(
    () =>
      parseGold(
        JSON.stringify([
          { file: "x", title: null, genre: "g", level: "l", year: "2020", l1_headings: [] },
        ]),
      ),
    /entry 1: year/,
  );
  assert.throws(
    () =>
      parseGold(
        JSON.stringify([
          {
            file: "x",
            title: null,
            genre: "g",
            level: "l",
            year: null,
            l1_headings: ["a"],
            l2_headings: [],
          },
        ]),
      ),
    /l2_headings has 0 lists for 1/,
  );
});
