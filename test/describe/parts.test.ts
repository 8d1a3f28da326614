// The single-purpose parts of the describe stage, on hand-written cases.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  classifyGenre,
  classifyLevel,
  countHan,
  countPlaceholders,
  describeSpeech,
  detectClosing,
  isSalutationLine,
  isTruncated,
  qualityFlags,
  readFrontMatter,
  roleInFrontMatter,
  splitDeclaredLength,
  splitLines,
  unbalancedPairs,
} from "../../data-loaders/describe/index.ts";
import type { YearEvidence } from "../../data-loaders/types.ts";

test("placeholders: one per run, only redactions", () => {
  const cases: [string, number][] = [
    ["XX同志作了部署，XXX同志主持", 2],
    ["xx主要负责同志、ＸＸ县、××乡、○○村、某某某同志", 5],
    ["打造**现代化建设县域样板，制定《**县人才招引办法》", 2],
    ["尺码XXL，访问xxx.com，X射线，2×3，二〇〇八年，一九〇〇年", 0],
    ["某些同志、某种程度", 0],
  ];
  for (const [text, n] of cases) assert.equal(countPlaceholders(text), n, text);
});

test("title: declared length suffix is split off", () => {
  assert.deepEqual(splitDeclaredLength("在会议上的讲话（3639字）"), {
    rest: "在会议上的讲话",
    declared: 3639,
  });
  assert.deepEqual(splitDeclaredLength("在会议上的讲话(全文约５２００字)"), {
    rest: "在会议上的讲话",
    declared: 5200,
  });
  assert.deepEqual(splitDeclaredLength("在会议上的讲话"), {
    rest: "在会议上的讲话",
    declared: null,
  });
});

test("front matter: title, header lines, salutation", () => {
  const text =
    "关于加强基层党建的几点思考\n——在全县基层党建工作推进会上\n县委书记 张三\n（根据录音整理）\n同志们：\n正文第一段。";
  const fm = readFrontMatter(splitLines(text));
  assert.equal(fm.title?.title, "关于加强基层党建的几点思考");
  assert.deepEqual(
    fm.header.map((l) => l.text),
    ["——在全县基层党建工作推进会上", "县委书记 张三", "（根据录音整理）"],
  );
  assert.equal(fm.salutation?.text, "同志们：");
  assert.equal(fm.bodyStart, 5);
  // No title when the text opens with a sentence or a heading.
  assert.equal(readFrontMatter(splitLines("我们要抓好落实。\n同志们：")).title, null);
  assert.equal(readFrontMatter(splitLines("一、提高政治站位\n同志们：")).title, null);
  // A short unmarked line above a salutation is a title.
  assert.equal(
    readFrontMatter(splitLines("凝心聚力 砥砺前行\n同志们：\n正文。")).title?.title,
    "凝心聚力 砥砺前行",
  );
});

test("salutation lines", () => {
  for (const s of ["同志们：", "各位代表！", "尊敬的各位领导，同志们：", "同志们、朋友们:"])
    assert.ok(isSalutationLine(s), s);
  for (const s of [
    "一、主要工作：",
    "同志们，我们要抓好落实。",
    "今天的会议主要有三项议程，请大家认真听取各方面的意见和建议：",
  ])
    assert.ok(!isSalutationLine(s), s);
});

test("closing: trailing formula sentences only", () => {
  const close = (t: string) => detectClosing(t, splitLines(t).at(-1))?.text ?? null;
  assert.equal(close("正文。\n要抓好落实。我就讲这些。谢谢！"), "我就讲这些。谢谢！");
  assert.equal(
    close("正文。\n以上发言，不当之处，请批评指正。"),
    "以上发言，不当之处，请批评指正。",
  );
  assert.equal(close("正文。\n同志们，让我们紧密团结在党中央周围，奋力开创新局面！"), null);
});

test("genre rules", () => {
  const g = (
    front: string,
    opening = "",
    salutation: string | null = null,
    closing: string | null = null,
  ) => classifyGenre({ front, opening, salutation, closing }).genre;
  assert.equal(
    g("2022政府工作报告\n——2022年3月5日在第十三届全国人民代表大会第五次会议上"),
    "report",
  );
  assert.equal(g("在市委理论学习中心组专题学习会上的发言"), "study_session_remarks");
  assert.equal(g("在全市组织工作会议上的讲话"), "conference_speech");
  assert.equal(g("", "下面，我结合读书班学习，谈几点体会。"), "study_session_remarks");
  assert.equal(
    g("", "今天召开全县组织工作会议，主要任务是部署今年工作。", "同志们："),
    "conference_speech",
  );
  assert.equal(g("", "正文。", "尊敬的各位领导：", "发言完毕，谢谢。"), "study_session_remarks");
  assert.equal(g("", "正文。"), "other");
  assert.equal(g("关于2019年度抓基层党建工作述职报告"), "report");
});

test("level: own unit and title outweigh mentions of other levels", () => {
  const lvl = (front: string, body: string, role: string | null = null) =>
    classifyLevel({ front, body, speaker_role: role });
  // Relaying the national conference does not make a speech central.
  assert.equal(
    lvl(
      "",
      "深入学习全国组织工作会议精神，全面落实全国、全省组织工作会议要求，全市组织部门要抓好落实。",
    ),
    "city",
  );
  assert.equal(
    lvl(
      "在理论学习中心组传达学习全国组织工作会议精神专题研讨会上的讲话",
      "全州各级党组织要行动起来。",
    ),
    "prefecture",
  );
  // The speaker's office outweighs stray body mentions (template debris).
  assert.equal(
    lvl("市委书记在全市组织工作会议上的讲话", "我区要加强。县委要落实。我区要推进。"),
    "city",
  );
  assert.equal(lvl("", "建设全省经济强县，全县上下要努力。"), "county");
  assert.equal(lvl("", "要落实党中央决策部署。"), "unknown");
  assert.equal(lvl("在全国组织工作会议上的讲话", "各地要抓好落实。"), "central");
});

test("speaker role from the front matter, not from the subject of a title", () => {
  assert.equal(roleInFrontMatter("市委书记在2024年全市组织工作会议上的讲话", 0)?.role, "市委书记");
  assert.equal(
    roleInFrontMatter("县委常委、组织部长在全县组织工作会议上的讲话", 0)?.role,
    "县委常委、组织部长",
  );
  assert.equal(
    roleInFrontMatter("国务院副总理兼国家计划委员会主任李富春", 0)?.role,
    "国务院副总理",
  );
  assert.equal(roleInFrontMatter("关于加强村党组织书记队伍建设的报告", 0), null);
  assert.equal(roleInFrontMatter("在县委书记抓基层党建述职评议会上的讲话", 0), null);
  const d = describeSpeech("同志们：\n作为县委组织部长，我深感责任重大。\n谢谢大家。", {
    anchors: [],
  });
  assert.equal(d.speaker_role, "县委组织部长");
  assert.equal(d.level, "county");
});

test("quality: balance, truncation, declared length", () => {
  assert.deepEqual(unbalancedPairs("忠诚拥护两个确立”、坚决做到“两个维护”"), ["“”"]);
  assert.deepEqual(unbalancedPairs("《条例》（试行）‘一’"), []);
  assert.ok(isTruncated("我们要坚持"));
  assert.ok(isTruncated("推进乡村振兴、基层治理等等"));
  assert.ok(isTruncated("要抓好落实……"));
  assert.ok(!isTruncated("要抓好落实。”"));
  assert.ok(!isTruncated("胜利前进！（长时间热烈鼓掌）"));
  const base = { text: "正文。", placeholders: 0, han_chars: 1000, year_conflict: false };
  assert.equal(qualityFlags({ ...base, declared_chars: 1200 }), "");
  assert.equal(qualityFlags({ ...base, declared_chars: 3639 }), "declared_length_mismatch");
  assert.equal(
    qualityFlags({
      ...base,
      text: "“正文",
      placeholders: 2,
      declared_chars: null,
      year_conflict: true,
    }),
    "placeholders,truncated,unbalanced_quotes,year_conflict",
  );
});

test("han_chars counts ideographs only", () => {
  assert.equal(countHan("二〇二三年，ABC 123！“两个确立”"), 9);
});

// Any text, however odd: the description is well formed and its evidence points into the text.
const fragments = [
  "同志们：",
  "在2024年全市组织工作会议上的讲话",
  "今天召开全县组织工作会议。",
  "到2035年",
  "二〇二三年六月",
  "十三五收官之年",
  "党的二十大",
  "XX同志",
  "“",
  "”",
  "谢谢！",
  "\n",
  "。",
  "要抓好落实",
  "２０２２年",
  "9800多万名党员",
];
test("property: well-formed description for arbitrary fragment mixes", () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 25 }), (parts) => {
      const text = parts.join("");
      const d = describeSpeech(text);
      assert.equal(d.chars, text.length);
      assert.ok(d.han_chars <= d.chars);
      for (const e of JSON.parse(d.year_evidence) as YearEvidence[]) {
        assert.ok(e.start >= 0 && e.end <= text.length && e.start <= e.end);
        assert.equal(text.slice(e.start, e.end), e.snippet);
      }
      if (d.year === null) assert.equal(d.year_basis, "unknown");
      if (d.year_basis === "inferred") assert.equal(d.year, d.content_year);
      if (d.year_min !== null && d.year_max !== null) assert.ok(d.year_min <= d.year_max);
    }),
    { numRuns: 150, seed: 42 },
  );
});
