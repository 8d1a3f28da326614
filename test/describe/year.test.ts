// Year rules on hand-written speeches: the cases the samples do not cover.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  describeSpeech,
  findYearMentions,
  intersectAnchors,
  isPassingMention,
  parseAnchors,
  type Anchor,
} from "../../data-loaders/describe/index.ts";
import type { YearEvidence } from "../../data-loaders/types.ts";

const evidence = (d: { year_evidence: string }) => JSON.parse(d.year_evidence) as YearEvidence[];

test("year mentions: Arabic, full-width and Chinese numerals", () => {
  const text = "二〇二三年六月，２０２２年底，一九五八年度，二零一九年，1000多篇，12345年";
  assert.deepEqual(
    findYearMentions(text).map((m) => [m.year, text.slice(m.start, m.end)]),
    [
      [2023, "二〇二三年"],
      [2022, "２０２２年"],
      [1958, "一九五八年"],
      [2019, "二零一九年"],
    ],
  );
});

test("passing mentions: ranges and time references are not dates", () => {
  for (const [text, passing] of [
    ["到2035年基本实现", true],
    ["2020年以来", true],
    ["2013—2018年", true],
    ["截至2022年底", true],
    ["2023年6月", false],
    ["召开2023年全市组织工作会议", false],
  ] as const) {
    const m = findYearMentions(text)[0];
    assert.ok(m, text);
    assert.equal(isPassingMention(text, m), passing, text);
  }
});

test("a dated opening in Chinese numerals is an explicit year", () => {
  const d = describeSpeech(
    "同志们：\n二〇二三年七月十日，市委召开全市组织工作会议。下面我讲三点意见。\n一、提高认识\n要抓好落实。",
  );
  assert.equal(d.year, 2023);
  assert.equal(d.year_basis, "explicit");
});

test("full-width digits in a convening sentence", () => {
  const d = describeSpeech(
    "同志们：\n今天，我们召开２０２２年全县组织工作会议，主要任务是总结工作、部署任务。\n要抓好落实。",
  );
  assert.equal(d.year, 2022);
  assert.equal(d.year_basis, "explicit");
  assert.equal(d.level, "county");
  assert.equal(d.genre, "conference_speech");
});

test("a bare 到2035年 or 过去5年 never becomes the year", () => {
  const d = describeSpeech(
    "同志们：\n过去5年，我们取得了显著成绩。今天召开这次会议，就是要确保到2035年基本实现现代化。\n要抓好落实。",
    { anchors: [] },
  );
  assert.equal(d.year, null);
  assert.equal(d.year_basis, "unknown");
  assert.deepEqual(evidence(d), []);
});

test("only 今年 and anchors: the year is inferred from the anchors", () => {
  const d = describeSpeech(
    "同志们：\n今年是“十四五”开局之年，也是党史学习教育之年。我们要深入学习贯彻十九届五中全会精神。\n要抓好落实。",
  );
  assert.equal(d.year, 2021);
  assert.equal(d.year_basis, "inferred");
  assert.equal(d.content_year, 2021);
  assert.equal(d.year_conflict, false);
  const rules = evidence(d).map((e) => e.rule);
  assert.ok(rules.includes("anchor:fyp14_first_year"));
  assert.ok(rules.includes("anchor:party_history_campaign"));
});

test("an open anchor window gives no year, only the window", () => {
  const d = describeSpeech("同志们：\n我们要深入学习贯彻党的二十大精神。\n要抓好落实。");
  assert.equal(d.year_min, 2022);
  assert.equal(d.year_max, null);
  assert.equal(d.content_year, null);
  assert.equal(d.year, null);
  assert.equal(d.year_basis, "unknown");
});

test("a latest plenum closes an open window at the next one: its year is inferred", () => {
  const d = describeSpeech(
    "同志们：\n我们要深入学习贯彻党的二十大和二十届三中全会精神。\n要抓好落实。",
  );
  assert.deepEqual([d.year_min, d.year_max, d.year, d.year_basis], [2024, 2025, 2024, "inferred"]);
  const rules = evidence(d).map((e) => e.rule);
  assert.ok(rules.includes("latest_plenum:plenum_20_3"), rules.join());
  // Something later than the plenum keeps the window open and the year empty.
  const later = describeSpeech(
    "同志们：\n学习贯彻二十届三中全会和二十届四中全会精神。\n要抓好落实。",
  );
  assert.deepEqual([later.year_min, later.year_max, later.year], [2025, null, null]);
  // A plenum that is not the latest evidence closes nothing.
  const older = describeSpeech(
    "同志们：\n十八届三中全会以来，我们坚持以习近平同志为核心的党中央。\n",
  );
  assert.equal(older.year, null);
});

test("a latest plenum never overrides or contradicts a stated year", () => {
  const d = describeSpeech(
    "（2026年3月5日）\n同志们：\n我们要深入学习贯彻二十届三中全会精神。\n要抓好落实。",
  );
  assert.equal(d.year, 2026);
  assert.equal(d.year_conflict, false);
});

test("a closed window of two years gives its first year; a wider one none", () => {
  const anchors: Anchor[] = parseAnchors(
    [
      "version: 1",
      "anchors:",
      "  - {id: a, phrases: [甲事件], not_before: 2023, not_after: 2024}",
      "  - {id: b, phrases: [乙事件], not_before: 2019, not_after: 2022}",
    ].join("\n"),
  ).anchors;
  const narrow = describeSpeech("同志们：\n当前甲事件要抓好。", { anchors });
  assert.deepEqual(
    [narrow.year, narrow.year_basis, narrow.year_min, narrow.year_max],
    [2023, "inferred", 2023, 2024],
  );
  const wide = describeSpeech("同志们：\n当前乙事件要抓好。", { anchors });
  assert.deepEqual(
    [wide.year, wide.year_basis, wide.year_min, wide.year_max],
    [null, "unknown", 2019, 2022],
  );
});

test("conflicting anchors: the best-supported window wins, the outlier is reported", () => {
  const anchors: Anchor[] = parseAnchors(
    [
      "version: 1",
      "anchors:",
      "  - {id: a_2023, phrases: [甲事件], not_before: 2023}",
      "  - {id: b_2023_2024, phrases: [乙事件], not_before: 2023, not_after: 2024}",
      "  - {id: c_2020, phrases: [丙事件], year: 2020}",
    ].join("\n"),
  ).anchors;
  const w = intersectAnchors(anchors);
  assert.deepEqual([w.year_min, w.year_max, w.single], [2023, 2024, null]);
  assert.deepEqual(
    w.dropped.map((a) => a.id),
    ["c_2020"],
  );

  const d = describeSpeech(
    "同志们：\n回顾丙事件，我们深受鼓舞。当前甲事件和乙事件都要抓好。\n要抓好落实。",
    { anchors },
  );
  assert.equal(d.content_year, 2023);
  assert.equal(d.year_basis, "inferred");
  assert.equal(
    d.year_conflict,
    false,
    "anchors disagreeing among themselves do not flag the speech",
  );
  const dropped = evidence(d).find((e) => e.rule === "anchor:c_2020");
  assert.equal(dropped?.conflict, true);
  assert.equal(dropped?.year, 2020);
});

test("a stated year outside the content window is a conflict; inside it is not", () => {
  const body = "\n同志们：\n我们要深入学习贯彻党的二十大精神和二十届二中全会精神。\n要抓好落实。";
  const late = describeSpeech("2023年全县组织工作会议上的讲话" + body);
  assert.equal(late.year, 2023);
  assert.equal(late.year_basis, "title");
  assert.equal(late.year_conflict, false);
  const early = describeSpeech("2021年全县组织工作会议上的讲话" + body);
  assert.equal(early.year, 2021);
  assert.equal(early.year_conflict, true);
  assert.match(early.quality_flags, /year_conflict/);
});

test("explicit body year beats the title year, and their disagreement is a conflict", () => {
  const d = describeSpeech(
    "在2024年全市组织工作会议上的讲话\n同志们：\n今天，我们在这里召开2023年全市组织工作会议。\n要抓好落实。",
    { anchors: [] },
  );
  assert.equal(d.year, 2023);
  assert.equal(d.year_basis, "explicit");
  assert.equal(d.year_conflict, true);
  assert.equal(evidence(d).find((e) => e.rule === "title_year")?.conflict, true);
});

test("a past meeting mentioned later in the body is not the event year", () => {
  const d = describeSpeech(
    "同志们：\n下面我讲几点意见。\n一、回顾\n2018年7月，全国组织工作会议召开以来，我们做了大量工作。2019年召开的座谈会也很重要。\n要抓好落实。",
    { anchors: [] },
  );
  assert.equal(d.year, null);
});

test("a year statement opening the body is explicit when nothing stronger exists", () => {
  const d = describeSpeech(
    "同志们：\n2022年是实施“十四五”规划承上启下的关键之年。我们要抓好组织工作。\n要抓好落实。",
  );
  assert.equal(d.year, 2022);
  assert.equal(d.year_basis, "explicit");
  assert.equal(evidence(d)[0]?.rule, "year_statement");
});

test("a closing signature date dates the speech", () => {
  const d = describeSpeech("同志们：\n我们要抓好组织工作。\n谢谢大家！\n2019年12月30日", {
    anchors: [],
  });
  assert.equal(d.year, 2019);
  assert.equal(d.year_basis, "explicit");
  assert.ok(!d.quality_flags.includes("truncated"));
});

test("a gov-report header: title without 年, dateline with full-width digits", () => {
  const d = describeSpeech(
    "2009政府工作报告\n--２００９年３月５日在第十一届全国人民代表大会第二次会议上\n国务院总理 温家宝\n各位代表：\n现在，我代表国务院，向大会作政府工作报告。",
  );
  assert.equal(d.year, 2009);
  assert.equal(d.year_basis, "explicit");
  assert.equal(d.title, "2009政府工作报告");
  assert.equal(d.salutation, "各位代表：");
  assert.equal(d.genre, "report");
  assert.equal(d.level, "central");
  assert.equal(d.speaker_role, "国务院总理");
  const rules = evidence(d).map((e) => e.rule);
  // The session named in the dateline is dated too (11th NPC, 2nd session → 2009) and agrees.
  assert.deepEqual(rules, ["title_year", "dateline", "anchor:occasion"]);
  assert.ok(!d.year_conflict);
});

test("a bracketed dateline under the title is an explicit year", () => {
  const d = describeSpeech(
    "在全县2022年组织工作会议上的讲话\n（2022年3月15日）\n县委书记 王某某\n同志们：\n今天召开全县组织工作会议，部署今年任务。\n同志们，让我们奋力开创新局面！",
  );
  assert.equal(d.year, 2022);
  assert.equal(d.year_basis, "explicit");
  assert.equal(d.speaker_role, "县委书记");
  assert.equal(d.level, "county");
});
