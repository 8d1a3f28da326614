// The front matter of texts that come inside a page or a collection (issue 15): page titles,
// navigation left over, 标题：/发布时间： fields, publication stamps, editorial leads, datelines in
// brackets, speaker lines and titles broken over lines. Synthetic texts, one rule each.
import { test } from "node:test";
import assert from "node:assert/strict";
import { describeSpeech, readFrontMatter, splitLines } from "../../data-loaders/describe/index.ts";
import {
  isSpeakerLine,
  metaField,
  pageTitleHeadline,
  publicationDate,
} from "../../data-loaders/describe/header-lines.ts";
import { TITLE_MARKER } from "../../data-loaders/describe/title.ts";

const fm = (text: string) => readFrontMatter(splitLines(text));
const BODY =
  "今天，我们召开这次会议，主要任务是总结过去一年的工作，分析当前形势，部署今年的重点任务，动员大家奋力开创新局面。";

test("header lines: fields, stamps, speakers and page titles", () => {
  assert.deepEqual(metaField("发布时间：2026-02-24 15:48"), {
    label: "发布时间",
    value: "2026-02-24 15:48",
    known: true,
  });
  assert.equal(metaField("同志们要抓好落实。"), null);
  assert.equal(publicationDate("2024-02-18 21:10")?.year, 2024);
  assert.equal(publicationDate("2023-01-28 17:30:48 来源: 某某发布")?.year, 2023);
  assert.equal(publicationDate("发布日期：2022-01-24 浏览次数：-")?.year, 2022);
  // A dateline of the speech is not a publication stamp.
  assert.equal(publicationDate("（2017年12月1日，北京）"), null);
  for (const s of ["江波", "习　近　平", "某省代省长 王某某", "国务院总理周某某", "“青年说”小组"])
    assert.ok(isSpeakerLine(s, TITLE_MARKER), s);
  for (const s of ["发言稿", "全国人民代表大会", "同志们："])
    assert.ok(!isSpeakerLine(s, TITLE_MARKER), s);
  assert.equal(
    pageTitleHeadline("在全市工作会议上的讲话实录_某某日报网"),
    "在全市工作会议上的讲话实录",
  );
  assert.equal(
    pageTitleHeadline("在全市工作会议上的讲话 - 某某市政协门户网站"),
    "在全市工作会议上的讲话",
  );
  assert.equal(pageTitleHeadline("坚持和发展_在新时代"), null);
});

test("a page: navigation, headline above a publication stamp, lead, salutation", () => {
  const text = [
    "在全市高质量发展大会上的讲话实录_某某日报网",
    "首页",
    "新闻",
    "本地",
    "正文",
    "在全市高质量发展大会上的讲话实录",
    "2024-02-18 21:10",
    "2月18日，全市高质量发展大会召开，会议进行了实况直播。以下为市委书记在大会上的讲话实录——",
    "同志们，朋友们：",
    BODY,
  ].join("\n");
  const f = fm(text);
  assert.equal(f.title?.title, "在全市高质量发展大会上的讲话实录");
  assert.equal(f.salutation?.text, "同志们，朋友们：");
  assert.equal(f.bodyStart, 9);
  assert.deepEqual(
    f.published.map((p) => p.date.year),
    [2024],
  );
  const d = describeSpeech(text);
  assert.equal(d.year, 2024);
  assert.equal(d.genre, "conference_speech");
  assert.equal(d.level, "city");
});

test("a collection header: 标题：field wins, fields are not the title", () => {
  const text = [
    "标题：某某同志在全省工作会议上的讲话",
    "媒体：某省人民政府网",
    "发布日期：2024-02-19",
    "同志们：",
    BODY,
  ].join("\n");
  const d = describeSpeech(text);
  assert.equal(d.title, "某某同志在全省工作会议上的讲话");
  assert.equal(d.year, 2024);
  assert.equal(d.year_basis, "explicit");
  assert.equal(d.level, "province");
});

test("the headline the page title repeats, not its kicker or sub-headline", () => {
  const text = [
    "某某：坚持改革创新 推动高质量发展_某某网",
    "学习贯彻全国工作会议精神",
    "某某在全国工作会议上强调",
    "坚持改革创新 推动高质量发展",
    "某某某出席",
    "7月3日至4日，全国工作会议在北京召开。会议总结工作，分析形势，部署任务，与会同志进行了讨论。",
  ].join("\n");
  const f = fm(text);
  assert.equal(f.title?.title, "坚持改革创新 推动高质量发展");
  assert.deepEqual(
    f.headline.map((l) => l.text),
    ["学习贯彻全国工作会议精神", "某某在全国工作会议上强调"],
  );
  const d = describeSpeech(text);
  assert.equal(d.genre, "other"); // a news report of a speech (强调)
  assert.equal(d.level, "central");
});

test("a news lead before the headline block of a reprinted speech", () => {
  const text = [
    "12月1日，某某出席对话会开幕式并发表题为《携手共进》的主旨讲话，与会代表进行了热烈讨论。",
    "携手共进——在某某对话会上的主旨讲话",
    "（2017年12月1日，北京）",
    "中共中央总书记、国家主席 某某某",
    "尊敬的各位来宾，",
    "女士们，先生们，朋友们：",
    BODY,
  ].join("\n");
  const f = fm(text);
  assert.equal(f.title?.title, "携手共进——在某某对话会上的主旨讲话");
  assert.equal(f.salutation?.text, "尊敬的各位来宾，\n女士们，先生们，朋友们：");
  const d = describeSpeech(text);
  assert.equal(d.year, 2017);
  assert.equal(d.speaker_role, "中共中央总书记");
  assert.equal(d.level, "central");
  assert.equal(d.genre, "conference_speech");
});

test("titles broken over lines: a trailing 、 and two lines above a subtitle", () => {
  const a = fm(
    [
      "在第一期培训班、",
      "第二期研修班开班典礼上的致辞",
      "（2026年 4月23日）",
      "同学们：",
      BODY,
    ].join("\n"),
  );
  assert.equal(a.title?.title, "在第一期培训班、第二期研修班开班典礼上的致辞");
  const b = fm(
    [
      "坚定信心开拓进取",
      "奋力谱写新时代发展新篇章",
      "——在某某市第十次代表大会上的报告",
      "（2021年9月8日）",
      "张某某",
      "同志们：",
      BODY,
    ].join("\n"),
  );
  assert.equal(b.title?.title, "坚定信心开拓进取 奋力谱写新时代发展新篇章");
  assert.deepEqual(
    b.header.map((l) => l.text),
    ["——在某某市第十次代表大会上的报告", "（2021年9月8日）", "张某某"],
  );
});

test("a byline group and an author-led headline", () => {
  // A signing group over a member list is not a title.
  assert.equal(fm(["“青年说”小组", "成员：张三，李四", BODY].join("\n")).title, null);
  // 职务+姓名：观点 heads a signed article.
  const d = describeSpeech(["某省政协主席张某某：以改革举措推动发展", BODY].join("\n"));
  assert.equal(d.title, "某省政协主席张某某：以改革举措推动发展");
  assert.equal(d.level, "province");
});

test("an outline heading under the header; a complete title takes no line above it", () => {
  const d = describeSpeech(
    "关于加强某某工作的几点思考\n张三\n2020年1月1日\n一、总体要求和基本原则的认识\n我们要认真贯彻落实党中央的决策部署，切实加强组织领导，确保各项工作落到实处，取得实效。",
  );
  assert.deepEqual([d.title, d.year], ["关于加强某某工作的几点思考", 2020]);
  const k = describeSpeech(
    "学习贯彻全会精神专题\n在全市组织工作会议上的讲话\n（2023年1月1日）\n同志们：\n今天召开会议。",
  );
  assert.equal(k.title, "在全市组织工作会议上的讲话");
});

test("a title naming two periods gives no title year; the dateline decides", () => {
  const d = describeSpeech(
    "关于1955年国家决算和1956年国家预算的报告\n--1956年6月15日在第一届全国人民代表大会第三次会议上\n各位代表：\n现在报告。",
  );
  assert.deepEqual([d.year, d.year_conflict], [1956, false]);
  const e = describeSpeech(
    "关于1980、1981年国民经济计划安排的报告\n--1980年8月30日在第五届全国人民代表大会第三次会议上\n各位代表：\n现在报告。",
  );
  assert.deepEqual([e.year, e.year_conflict], [1980, false]);
});

test("salutations: one naming several audiences, one opening a run-on line; closing wishes and slogans", () => {
  const long = describeSpeech(
    "尊敬的某某书记，\n尊敬的各位领导，来自企业、科技、教育界的各位代表，同志们、朋友们：\n今天我们齐聚一堂。",
  );
  assert.equal(
    long.salutation,
    "尊敬的某某书记，\n尊敬的各位领导，来自企业、科技、教育界的各位代表，同志们、朋友们：",
  );
  const runOn = describeSpeech("同志们，朋友们： 今天是新春上班的第一天，我们隆重召开大会。");
  assert.equal(runOn.salutation, "同志们，朋友们：");
  const wish = describeSpeech("同志们：\n要抓好落实。\n最后，预祝本次培训班圆满顺利！谢谢大家！");
  assert.equal(wish.closing, "最后，预祝本次培训班圆满顺利！谢谢大家！");
  const slogans = describeSpeech(
    "同志们！\n我们一定要胜利。\n伟大的中国人民万岁！毛主席万岁！万万岁！",
  );
  assert.equal(slogans.closing, "伟大的中国人民万岁！毛主席万岁！万万岁！");
});

test("a title broken after a comma", () => {
  const d = describeSpeech(
    "坚定信心再出发，\n奋力谱写高质量发展新篇章\n——在全市经济工作会议上的讲话\n（2024年2月1日）\n同志们：\n今天召开会议。",
  );
  assert.equal(d.title, "坚定信心再出发，奋力谱写高质量发展新篇章");
});
