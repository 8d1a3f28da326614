// Genre from the title first, level from the convening body, years of national meetings and
// the publication bound (issue 15). Synthetic texts, one rule each.
import { test } from "node:test";
import assert from "node:assert/strict";
import { classifyGenre, classifyLevel, describeSpeech } from "../../data-loaders/describe/index.ts";
import { levelOfBody, occasionLevel } from "../../data-loaders/describe/level.ts";
import {
  chineseNumber,
  congressYear,
  npcSessionYear,
  occasionYear,
  openingOccasionYear,
  plenumYear,
  titleOccasionYear,
} from "../../data-loaders/describe/occasion-year.ts";
import { foldTraditional } from "../../data-loaders/describe/traditional.ts";

const genreOf = (front: string, opening = "", text?: string) =>
  classifyGenre({ front, salutation: null, opening, closing: null, ...(text ? { text } : {}) });

test("genre: what the title says the text is comes first", () => {
  const cases: [string, string, string][] = [
    ["在全市组织工作会议上的讲话", "conference_speech", "front:conference"],
    ["在第三期培训班开班典礼上的致辞", "conference_speech", "front:conference"],
    ["入党积极分子培训班开班典礼发言稿", "conference_speech", "front:conference"],
    ["在党委理论学习中心组学习会上的讲话", "study_session_remarks", "front:study"],
    ["党史学习教育专题讲课整理稿", "study_session_remarks", "front:study"],
    ["履职尽责\n——在公司党委常委会上的发言材料", "study_session_remarks", "front:study"],
    ["政府工作报告", "report", "front:report"],
    ["决胜小康\n——在某市第九次代表大会上的报告", "report", "front:report"],
    ["2023年度个人述职", "report", "front:report"],
    ["关于我县基层党组织建设情况的调研报告", "report", "front:report"],
    ["某某到某县调研基层党建工作", "other", "front:news"],
    // News headlines report an event; documents are not addressed to an audience.
    ["全市工作推进会召开 某某讲话 某某某主持", "other", "front:news"],
    ["某某在全国组织工作会议上强调\n坚持改革创新", "other", "front:news"],
    ["关于实施乡村振兴战略的意见", "other", "front:document"],
  ];
  for (const [front, genre, rule] of cases) {
    const d = genreOf(front);
    assert.deepEqual([d.genre, d.rule], [genre, rule], front);
  }
});

test("genre without a title: reports by self-reference, congress length, year-end summary", () => {
  assert.equal(genreOf("", "我代表中央委员会向大会作报告，请予审议。").genre, "report");
  assert.equal(genreOf("", "現在我代表中央委員會作關於上屆會議以來的工作報告。").genre, "report");
  const congress = "中国共产党第十次全国代表大会，是在胜利的形势下召开的。";
  assert.equal(genreOf("", congress, congress + "发展。".repeat(6000)).genre, "report");
  // A short opening address to the same congress is not a report.
  assert.equal(genreOf("", congress, congress).genre, "other");
  const summary = "xx年的工作已接近尾声，一年来，在公司的领导下，我们取得了一定成绩。";
  assert.equal(
    genreOf("", summary, summary + "总之，本部门明年的工作思路是加强队伍建设。").genre,
    "report",
  );
  // 尊敬的各位老师 is courtesy, not a study session; 各位领导 is speaking upward.
  const sal = (salutation: string) =>
    classifyGenre({ front: "", salutation, opening: "大家好。", closing: null }).genre;
  assert.equal(sal("尊敬的各位老师、亲爱的同学们："), "other");
  assert.equal(sal("尊敬的各位领导，同志们："), "study_session_remarks");
  // A news lead without a salutation.
  assert.equal(genreOf("", "7月3日至4日，全国组织工作会议在北京召开。").genre, "other");
});

test("level: the convening body named in the title or subtitle decides", () => {
  assert.equal(levelOfBody("广东省高质量发展大会"), "province");
  assert.equal(levelOfBody("全市组织工作会议"), "city");
  assert.equal(levelOfBody("某某自治州第八次党代会"), "prefecture");
  assert.equal(levelOfBody("中国共产党第十九次全国代表大会"), "central");
  assert.equal(occasionLevel("某某同志在某省第五届人民代表大会第三次会议上的报告"), "province");
  assert.equal(occasionLevel("习近平在党的十九届一中全会上的讲话"), "central");
  assert.equal(occasionLevel("中共中央政治局召开民主生活会"), "central");
  // Relaying a national meeting does not make a local study session central.
  assert.equal(
    occasionLevel("在理论学习中心组传达学习全国组织工作会议精神专题研讨会上的讲话"),
    null,
  );
  // The body outweighs a page hosted on a lower-level site.
  assert.equal(
    classifyLevel({
      front: "某某同志在某省高质量发展大会上的讲话实录",
      body: "全市各级要落实。我市要推进。",
      speaker_role: null,
    }),
    "province",
  );
});

test("level: central offices, congress openings, company texts", () => {
  const lvl = (body: string, opening = "", role: string | null = null) =>
    classifyLevel({ front: "", body, speaker_role: role, opening });
  assert.equal(lvl("全区要落实。", "", "中共中央总书记"), "central");
  assert.equal(lvl("同志们。", "中国共产党第九次全国代表大会，将是一次重要的大会。"), "central");
  assert.equal(lvl("同志们。", "我受十二届中央委员会委托，向大会作报告。"), "central");
  assert.equal(lvl("同志们。", "現在我代表中央委員會作報告。"), "central");
  // A company branch's 全区 (its sales region) is no administrative level.
  assert.equal(lvl("我司面向全区客户推出服务。我司加强管理。全区网点要落实。"), "unknown");
  assert.equal(lvl("全区各级党组织要落实。我区要推进。"), "district");
});

test("occasion years: congresses, plenums, NPC sessions, outgoing Central Committees", () => {
  assert.deepEqual(["一", "十", "十九", "二十", "二十一", "九十九", "零"].map(chineseNumber), [
    1,
    10,
    19,
    20,
    21,
    99,
    null,
  ]);
  assert.deepEqual(
    [congressYear(1), congressYear(7), congressYear(20), congressYear(21)],
    [1921, 1945, 2022, null],
  );
  assert.deepEqual([plenumYear(11, 3), plenumYear(20, 3), plenumYear(20, 9)], [1978, 2024, null]);
  assert.deepEqual(
    [
      npcSessionYear(1, 1),
      npcSessionYear(3, 1),
      npcSessionYear(6, 1),
      npcSessionYear(13, 5),
      npcSessionYear(14, 2),
    ],
    [1954, 1964, 1983, 2022, 2024],
  );
  assert.equal(titleOccasionYear("——在中国共产党第十九次全国代表大会上的报告")?.year, 2017);
  assert.equal(titleOccasionYear("习近平在党的十九届一中全会上的讲话")?.year, 2017);
  assert.equal(
    titleOccasionYear("--1979年6月18日在第五届全国人民代表大会第二次会议上")?.year,
    1979,
  );
  assert.equal(openingOccasionYear("中国共产党第十一次全国代表大会，现在开幕了。")?.year, 1977);
  assert.equal(openingOccasionYear("我受十二届中央委员会委托，向大会作报告。")?.year, 1987);
  assert.equal(openingOccasionYear("现在，我代表第十八届中央委员会向大会作报告。")?.year, 2017);
  // A passing mention is no occasion.
  assert.equal(openingOccasionYear("党的十九大以来，我们取得了显著成就。"), null);
  assert.equal(occasionYear("學習第十次全國代表大會")?.year, 1973);
  assert.equal(foldTraditional("中央委員會的報告"), "中央委员会的报告");
});

test("year: an occasion pins it; a publication stamp dates a news page and bounds a speech", () => {
  const report = describeSpeech(
    "同志们！\n中国共产党第十次全国代表大会，是在胜利的形势下召开的。\n我代表中央委员会向第十次全国代表大会作报告。",
  );
  assert.deepEqual([report.year, report.year_basis, report.level], [1973, "inferred", "central"]);
  const news = describeSpeech(
    "某市召开工作会议\n某月某日，某市召开工作会议，市委书记出席并讲话，会议部署了今年的任务。\n发布时间：2018年07月04日 21:33 来源：某某社",
  );
  assert.deepEqual([news.year, news.year_basis, news.year_max], [2018, "explicit", 2018]);
  // A dateline wins over a later reprint's stamp.
  const reprint = describeSpeech(
    "在全市工作会议上的讲话\n（2017年10月25日）\n同志们：\n今天召开会议。\n发布时间：2017年12月31日 13:47",
  );
  assert.deepEqual([reprint.year, reprint.year_conflict], [2017, false]);
  // The stamp caps the window of open-ended anchors.
  const open = describeSpeech(
    "某某讲话\n发布时间：2019-03-01 10:00\n同志们：\n我们要深入学习贯彻党的十九大精神，这是当前的首要任务。",
  );
  assert.equal(open.year_max, 2019);
});

test("collected works: the editor's note under the title says what the text is", () => {
  const report = describeSpeech(
    "论某某问题\n（一九四五年四月二十四日）\n这是某某在中国共产党第七次全国代表大会上的政治报告。\n我们的大会是在下述的情况之下召开的。",
  );
  assert.deepEqual([report.genre, report.level, report.year], ["report", "central", 1945]);
  const study = describeSpeech(
    "紧紧围绕某某主题\n（二〇一二年十一月十七日）\n这是某某在十八届中央政治局第一次集体学习时讲话的一部分。\n大会十分重要。",
  );
  assert.deepEqual(
    [study.genre, study.level, study.year],
    ["study_session_remarks", "central", 2012],
  );
});

test("level: the last unit of the convening body, lines of a broken subtitle joined", () => {
  assert.equal(levelOfBody("北京市海淀区第十六届人民代表大会第四次会议"), "district");
  assert.equal(levelOfBody("全市推进区域协调发展大会"), "city");
  const d = describeSpeech(
    "政府工作报告\n——2019年1月8日在某某市某某区第十六届\n人民代表大会第四次会议上\n区长 某某某\n各位代表：\n现在，我代表区人民政府，向大会报告工作。",
  );
  assert.deepEqual(
    [d.title, d.genre, d.level, d.year],
    ["政府工作报告", "report", "district", 2019],
  );
});

test("a work report to a congress: its review and plan headings give the year", () => {
  const d = describeSpeech(
    "各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n一、2018年工作回顾\n过去一年成绩显著。\n二、2019年工作总体要求\n做好今年工作意义重大。",
  );
  assert.deepEqual([d.year, d.year_basis], [2019, "explicit"]);
  // A year-end summary is written in the year it reviews: no such inference.
  const summary = describeSpeech("一、2023年工作回顾\n成绩很大。\n二、2024年工作安排\n继续努力。");
  assert.equal(summary.year, null);
});

test("level from a unit the title names, or a national leader as the speaker", () => {
  const lvl = (title: string, front = title) =>
    classifyLevel({ front, title, body: "要抓好落实。", speaker_role: null });
  assert.equal(lvl("某某区政府工作报告"), "district");
  assert.equal(lvl("全县组织工作会议讲话稿"), "county");
  assert.equal(lvl("习近平：在庆祝大会上的讲话"), "central");
  assert.equal(lvl("携手共进", "携手共进\n习　近　平"), "central");
  assert.equal(lvl("在某某论坛开幕式上的致辞"), "unknown");
  assert.equal(genreOf("人民日报社论：团结起来").genre, "other");
});

test("a database entry: fields, a national commemoration", () => {
  const d = describeSpeech(
    "标题：在庆祝中国共产党成立100周年大会上的讲话\n日期：2021-07-01\n来源：某某网\n同志们，朋友们：\n今天，在这里隆重集会。",
  );
  assert.deepEqual(
    [d.title, d.year, d.genre, d.level],
    ["在庆祝中国共产党成立100周年大会上的讲话", 2021, "conference_speech", "central"],
  );
  assert.equal(levelOfBody("全省庆祝中国共产党成立100周年大会"), "province");
});

test("freshmen of a named cohort date a student text to that academic year", () => {
  const d = describeSpeech(
    "我们小组的体会\n迎新时，党员志愿者帮助2025级新生办理入学手续，解答各种问题，服务周到细致。",
  );
  assert.deepEqual([d.year, d.year_basis, d.year_min, d.year_max], [2025, "inferred", 2025, 2026]);
  // A cohort that is not called freshmen says nothing about the date.
  const e = describeSpeech(
    "我们小组的体会\n2021级同学已经毕业多年，大家在各自的岗位上发光发热，取得了很好的成绩。",
  );
  assert.equal(e.year_min, null);
});

test("an unnumbered congress report is dated at the first congress after what it reports", () => {
  // Traditional characters, as in translated early Party documents.
  const d = describeSpeech(
    "現在我代表中央委員會作關於上屆代表會議以來的工作報告。\n在京漢鐵路罷工時，我們的組織被破壞了。\n",
  );
  assert.equal(d.year, 1923);
  assert.equal(d.year_basis, "inferred");
  const rules = (JSON.parse(d.year_evidence) as { rule: string }[]).map((e) => e.rule);
  assert.ok(rules.includes("anchor:jinghan_strike") && rules.includes("anchor:occasion"));
  // Without a dated event there is nothing to count from: no year.
  const bare = describeSpeech("我代表中央委员会向大会作工作报告。\n同志们辛苦了。\n");
  assert.equal(bare.year, null);
  // A numbered congress is read as before (the 10th: 1973), not as the next after an event.
  const numbered = describeSpeech(
    "同志们：\n我代表第九届中央委员会向大会作报告。\n无产阶级文化大革命取得了伟大胜利。\n",
  );
  assert.equal(numbered.year, 1973);
});

test("events of revolutionary history bound a text's year from below", () => {
  const d = describeSpeech("同志们：\n遵义会议以后，我们党在皖南事变中吸取了教训。\n");
  assert.deepEqual([d.year_min, d.year_max, d.year], [1941, null, null]);
});

test("an anniversary announced as this year's pins its own year; mentioned in passing, a window", () => {
  const pinned = describeSpeech("同志们：\n今年是新中国成立70周年，我们召开这次会议。\n");
  assert.deepEqual([pinned.year, pinned.year_min, pinned.year_max], [2019, 2019, 2019]);
  const rules = (JSON.parse(pinned.year_evidence) as { rule: string }[]).map((e) => e.rule);
  assert.ok(rules.includes("anchor:prc_70th_this_year"), rules.join());
  const passing = describeSpeech("同志们：\n在庆祝新中国成立70周年的时候，我们回顾历史。\n");
  assert.deepEqual([passing.year_min, passing.year_max], [2018, 2020]);
});

test("a dateline in square or tortoise-shell brackets under the title is explicit", () => {
  for (const line of ["【2018年7月3日】", "〔2018年7月3日〕"]) {
    const d = describeSpeech(`在全市组织工作会议上的讲话\n${line}\n同志们：\n今天我们召开会议。\n`);
    assert.deepEqual([d.year, d.year_basis], [2018, "explicit"], line);
  }
});

test("an editor's bracketed note dates the delivery, under the title or ending the text", () => {
  const body = "同志们：\n今天我们召开会议，研究部署工作。\n";
  const under = describeSpeech(
    `在全县经济工作会议上的讲话\n（根据2019年3月5日讲话录音整理）\n${body}`,
  );
  assert.deepEqual([under.year, under.year_basis], [2019, "explicit"]);
  const end = describeSpeech(
    `在全县经济工作会议上的讲话\n${body}（本文系作者2016年5月在某会议上的发言）`,
  );
  assert.deepEqual([end.year, end.year_basis], [2016, "explicit"]);
  // A bracketed line that dates something else is no delivery note.
  const other = describeSpeech(`在全县经济工作会议上的讲话\n（2019年3月5日印发）\n${body}`);
  const rules = (JSON.parse(other.year_evidence) as { rule: string }[]).map((e) => e.rule);
  assert.ok(!rules.includes("delivery_note"), rules.join());
});

test("刚刚过去的2023年 dates the speech to the year after; 2018年以来 does not", () => {
  const d = describeSpeech(
    "在全县经济工作会议上的讲话\n同志们：\n刚刚过去的2023年，我们取得了成绩。\n",
  );
  assert.deepEqual([d.year, d.year_basis], [2024, "explicit"]);
  const since = describeSpeech(
    "在全县经济工作会议上的讲话\n同志们：\n2018年以来，我们取得了成绩。\n",
  );
  assert.equal(since.year, null);
});

test("a title celebrating an anniversary pins its year; citing that speech in the body does not", () => {
  const d = describeSpeech(
    "在庆祝中国共产党成立100周年大会上的讲话\n同志们：\n今天我们在这里隆重集会。\n",
  );
  assert.deepEqual([d.year, d.year_min, d.year_max], [2021, 2021, 2021]);
  const cited = describeSpeech(
    "在全县干部大会上的讲话\n同志们：\n习近平总书记在庆祝中国共产党成立100周年大会上的重要讲话指出，要牢记初心。\n",
  );
  assert.deepEqual([cited.year_min, cited.year_max, cited.year], [2020, 2022, null]);
});
