// Outline rules for styles the samples do not show, and the restraint rules that keep ordinary
// prose out of the outline, one small made-up text per rule.
import { test } from "node:test";
import assert from "node:assert/strict";
import { segmentSpeech } from "../../data-loaders/segment/index.ts";
import { splitParagraphs } from "../../data-loaders/segment/paragraphs.ts";
import { assertSegmentationContract } from "./invariants.ts";

const BODY =
  "要坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神，扎实推进各项工作落地见效。";

/** "<section_id> <style> <heading>" for every heading node, after checking the contract. */
function outline(text: string): string[] {
  const seg = segmentSpeech(text);
  assertSegmentationContract(text, seg);
  return seg.sections
    .filter((s) => s.kind === "heading")
    .map((s) => `${s.section_id} ${s.heading_style} ${s.heading}`);
}

const ids = (text: string): string[] => outline(text).map((h) => h.split(" ", 2).join(" "));

test("an enumeration inside a paragraph that no heading opens is running prose", () => {
  const text = [
    "同志们：",
    BODY,
    "会议把握了三个重点。一是坚持问题导向。" + BODY + "二是坚持系统观念。" + BODY,
    BODY,
  ].join("\n");
  assert.deepEqual(outline(text), []);
});

test("inside the paragraph a heading opens, the same enumeration subdivides it", () => {
  const text = [
    "同志们：",
    "第一，必须坚定理想信念。" + BODY + "一是加强学习。" + BODY + "二是加强实践。" + BODY,
    "第二，必须坚持原则。" + BODY,
  ].join("\n");
  assert.deepEqual(ids(text), ["1 di_n", "1.1 cn_shi", "1.2 cn_shi", "2 di_n"]);
});

test("an attachment's own numbered lines are not the outline", () => {
  const text = [
    "各位代表：",
    "一、工作回顾",
    BODY,
    "二、工作安排",
    BODY,
    BODY,
    "附件1",
    "一、提供优质基础教育",
    BODY,
    "二、提高困难群众生活救助水平",
    BODY,
  ].join("\n");
  assert.deepEqual(outline(text), [
    "1 cn_numeral_dun 一、工作回顾",
    "2 cn_numeral_dun 二、工作安排",
  ]);
});

test("headlines never go to level 3: below 一、 and （一） they are paragraph leads", () => {
  const text = [
    "一、过去五年工作回顾",
    "（一）经济运行保持在合理区间。" + BODY,
    "扎实推进三去一降一补。" + BODY + "加快新旧动能接续转换。" + BODY,
    "（二）改革开放不断深化。" + BODY,
    "二、今年工作建议",
    BODY,
  ].join("\n");
  assert.ok(
    outline(text).every((h) => !h.includes("headline")),
    outline(text).join("\n"),
  );
});

test("traditional-character statements are declarative, not headlines", () => {
  const text = [
    "一、工作",
    BODY + "我們開始改善機構。" + BODY + "黨員往往不完全信賴黨。" + BODY + "現在談談錯誤。" + BODY,
    "二、批評",
    BODY,
  ].join("\n");
  assert.deepEqual(ids(text), ["1 cn_numeral_dun", "2 cn_numeral_dun"]);
});

test("parallel paragraphs sharing a long opening form a series; the list after them is a sibling", () => {
  const text = [
    "同志们：",
    "推动制造业与服务业协同发展，是顺应产业演进规律的必由之路。" + BODY,
    "推动制造业与服务业协同发展，是拥抱科技浪潮的关键之举。" + BODY,
    "推动制造业与服务业协同发展，是畅通经济循环的战略之需。" + BODY,
    "一是要强壮产业体系主干枝叶。" + BODY,
    "二是要激活经营主体微观细胞。" + BODY,
  ].join("\n");
  assert.deepEqual(ids(text), [
    "1 parallel_opening",
    "2 parallel_opening",
    "3 parallel_opening",
    "4 cn_shi",
    "5 cn_shi",
  ]);
  // Two such paragraphs, or paragraphs apart from each other, are not a series.
  const two = [
    "同志们：",
    ...[0, 1].map((i) => `推动制造业与服务业协同发展，是第${i}个理由。${BODY}`),
  ];
  assert.deepEqual(outline(two.join("\n")), []);
});

test("short lead phrases of one length in consecutive paragraphs; connectives are not lead phrases", () => {
  const text = [
    "同志们：",
    "观大局，中国式现代化徐徐展开，夯实物质技术基础责重如山。" + BODY,
    "抓机遇，科技浪潮滚滚而来，拥抱新的科学的春天时不我待。" + BODY,
    "行大道，新质生产力欣欣向荣，实现产业科技互促双强前景无限。" + BODY,
    BODY,
  ].join("\n");
  assert.deepEqual(outline(text), [
    "1 parallel_opening 观大局，中国式现代化徐徐展开，夯实物质技术基础责重如山。",
    "2 parallel_opening 抓机遇，科技浪潮滚滚而来，拥抱新的科学的春天时不我待。",
    "3 parallel_opening 行大道，新质生产力欣欣向荣，实现产业科技互促双强前景无限。",
  ]);
  const connectives = [
    "同志们：",
    "同时，" + BODY,
    "此外，" + BODY,
    "另外，" + BODY,
    "因此，" + BODY,
  ];
  assert.deepEqual(outline(connectives.join("\n")), []);
  // Remarks reported one after another (news) are not points either.
  const reported = ["会议指出，" + BODY, "会议强调，" + BODY, "会议要求，" + BODY];
  assert.deepEqual(outline(reported.join("\n")), []);
});

test("a page that flattens the speech into one line is split at spaced sentence breaks", () => {
  const line = [
    "同志们：",
    "今天我们召开大会。",
    "这是广东实现现代化的必由之路。" + BODY,
    "这是广东实现现代化的光明之路。" + BODY,
    "这是广东实现现代化的奋进之路。" + BODY,
  ].join(" ");
  assert.equal(splitParagraphs(line).length, 5);
  assert.deepEqual(ids(line), ["1 parallel_opening", "2 parallel_opening", "3 parallel_opening"]);
  // One space after a full stop in an ordinary paragraph does not split it.
  assert.equal(splitParagraphs(`今天开会。 ${BODY}`).length, 1);
});

test("a couplet opening a paragraph is a flourish, not a headline", () => {
  const text = [
    "同志们：",
    BODY,
    "莫道君行早，更有早行人。" + BODY,
    "历史川流不息，发展永无止境。" + BODY,
    BODY,
  ].join("\n");
  assert.deepEqual(outline(text), []);
});

test("unnumbered heading lines between finished paragraphs; split quotation fragments are not", () => {
  const text = [
    "同志们！",
    BODY,
    "关于九大路线",
    BODY,
    "马克思和恩格斯在《",
    "共产党宣言",
    "》中说过。" + BODY,
    "关于形势和任务",
    "同志们！",
    BODY,
  ].join("\n");
  assert.deepEqual(outline(text), ["1 title_line 关于九大路线", "2 title_line 关于形势和任务"]);
  // The first heading line may follow the salutation ("同志们：").
  const afterSalutation = ["同志们：", "提高政治站位", BODY, "压实工作责任", BODY];
  assert.deepEqual(ids(afterSalutation.join("\n")), ["1 title_line", "2 title_line"]);
  // One heading line alone is not an outline.
  assert.deepEqual(outline(["同志们！", BODY, "关于九大路线", BODY].join("\n")), []);
});

test("a heading line closes numbered paragraph leads before it instead of nesting under them", () => {
  const text = [
    "同志们，",
    "一、北京是中国北方的政治中心。" + BODY,
    "二、北京的经济状况很简单。" + BODY,
    "在工人中的宣传工作",
    BODY,
    "在知识分子中的宣传工作",
    BODY,
  ].join("\n");
  assert.deepEqual(ids(text), [
    "1 cn_numeral_dun",
    "2 cn_numeral_dun",
    "3 title_line",
    "4 title_line",
  ]);
});

test("question headlines on one subject, with an inline list under the last", () => {
  const text = [
    "加强国家战略腹地建设意义重大。" + BODY,
    "国家战略腹地为何建？" + BODY,
    "国家战略腹地建在哪？" + BODY,
    BODY,
    "国家战略腹地如何建？" + BODY,
    "第一，坚持川渝一盘棋。" + BODY,
    "第二，坚持系统谋划。" + BODY,
  ].join("\n");
  assert.deepEqual(ids(text), ["1 question", "2 question", "3 question", "3.1 di_n", "3.2 di_n"]);
  // Questions on different subjects are rhetoric.
  const rhetoric = ["为什么这样说？" + BODY, "怎么办呢？" + BODY, "靠什么？" + BODY].join("\n");
  assert.deepEqual(outline(rhetoric), []);
});

test("dash-led list paragraphs, also as HTML entities; a lone dash line is a subtitle", () => {
  const text = [
    "——在全省工作会议上的讲话",
    "同志们：",
    "一、总体要求",
    BODY,
    "——坚持党管农村工作。" + BODY,
    "——坚持农业农村优先发展。" + BODY,
    BODY,
    "二、重点任务",
    "&mdash;&mdash;我们要努力建设一个远离恐惧、普遍安全的世界。" + BODY,
    "&mdash;&mdash;我们要努力建设一个远离贫困、共同繁荣的世界。" + BODY,
  ].join("\n");
  assert.deepEqual(ids(text), [
    "1 cn_numeral_dun",
    "1.1 dash",
    "1.2 dash",
    "2 cn_numeral_dun",
    "2.1 dash",
    "2.2 dash",
  ]);
});

test("首先，… can open a 第二，… series", () => {
  const text = [
    "同志们！",
    "首先，一定要把伟大斗争进行到底。" + BODY,
    "第二，一定要搞好整党整风。" + BODY,
    "第三，一定要把领导班子整顿好。" + BODY,
  ].join("\n");
  assert.deepEqual(ids(text), ["1 di_n", "2 di_n", "3 di_n"]);
});

test("own-line headlines must follow a finished sentence; Chinese-numeral statistics are not headlines", () => {
  const text = [
    "一、过去五年的工作",
    "我们制定了《",
    "规划和远景目标纲要",
    "》，" + BODY,
    "人均预期寿命增长到七十八点二岁。" + BODY + "城镇新增就业年均一千三百万人以上。" + BODY,
    "二、今后的任务",
    BODY,
  ].join("\n");
  assert.deepEqual(ids(text), ["1 cn_numeral_dun", "2 cn_numeral_dun"]);
});

test("a long inline heading is cut at its last clause break within 40 characters", () => {
  const lead =
    "一是要始终牢记习近平总书记殷殷嘱托，坚定不移推动高质量发展，奋力在推进中国式现代化建设中走在前列，";
  const text = ["同志们：", lead + BODY, "二是要推动产业和科技互促双强。" + BODY].join("\n");
  assert.equal(
    outline(text)[0],
    "1 cn_shi 一是要始终牢记习近平总书记殷殷嘱托，坚定不移推动高质量发展，",
  );
});

test("一是 written as a heading line of its own can hold a numbered list", () => {
  const text = [
    "一、服务国家战略",
    BODY,
    "二、推动高质量发展",
    BODY,
    "一是准确把握高质量发展内涵。",
    BODY,
    "二是聚力创新驱动发展。",
    BODY,
    "1. 全力突破关键核心技术。" + BODY,
    "2. 积极把握技术演进趋势。" + BODY,
    "三是聚焦核心主业。",
    BODY,
  ].join("\n");
  assert.deepEqual(ids(text), [
    "1 cn_numeral_dun",
    "2 cn_numeral_dun",
    "2.1 cn_shi",
    "2.2 cn_shi",
    "2.2.1 arabic",
    "2.2.2 arabic",
    "2.3 cn_shi",
  ]);
});

test("sentence items line after line are a list, not a table of contents; a restarted series continues by proximity", () => {
  const text = [
    "一、今年的工作",
    BODY,
    "二、明年的安排",
    BODY,
    "三、具体措施",
    "1、配合分公司实施转账收费项目，保证此项目的顺利实施。",
    "2、保证满期给付和转保工作的顺利进行，同时为了提高客户满意度，做好客户回访工作，把服务工作做细做实做到位。",
    "3、进一步加强柜面管理工作。",
  ].join("\n");
  assert.deepEqual(ids(text), [
    "1 cn_numeral_dun",
    "2 cn_numeral_dun",
    "3 cn_numeral_dun",
    "3.1 arabic",
    "3.2 arabic",
    "3.3 arabic",
  ]);
});

test("where it holds back, the segmenter flags the speech instead of guessing", () => {
  // 二、 and 四、 without 一、 and 三、: no series from 1, so no heading, and a flag.
  const gapped = ["同志们：", BODY, "二、加强组织建设", BODY, "四、加强作风建设", BODY].join("\n");
  const seg = segmentSpeech(gapped);
  assert.deepEqual(
    seg.sections.filter((s) => s.kind === "heading"),
    [],
  );
  assert.deepEqual(seg.flags, ["outline_unplaced_numbers"]);
  // A long text without any heading.
  assert.deepEqual(segmentSpeech(Array(80).fill(BODY).join("\n")).flags, ["no_outline"]);
  // A clean outline has no flag.
  const clean = ["一、总体要求", BODY, "二、重点任务", BODY].join("\n");
  assert.deepEqual(segmentSpeech(clean).flags, []);
});

test("第一点，/第二点：/第一条， are one 第N series whatever the counter word", () => {
  const text = [
    "同志们：",
    BODY,
    "第一点，要提高政治站位。" + BODY,
    "第二点：要压实工作责任。" + BODY,
    "第三条，要加强督促检查。" + BODY,
  ].join("\n");
  assert.deepEqual(outline(text), [
    "1 di_n 第一点，要提高政治站位。",
    "2 di_n 第二点：要压实工作责任。",
    "3 di_n 第三条，要加强督促检查。",
  ]);
  // Inside a sentence it is an enumeration: "…的第一条罪状是…".
  const inside = [
    "同志们：",
    "他们的第一条罪状是篡党夺权。" + BODY,
    "他们的第二条罪状是分裂党。" + BODY,
  ];
  assert.deepEqual(outline(inside.join("\n")), []);
});

test("collected-works section numbers set apart by a space, and 甲、乙、 lists", () => {
  const text = [
    "一　问题的提出",
    BODY,
    "甲、关于农民问题。" + BODY,
    "乙、关于工人问题。" + BODY,
    "二　中国革命的特点",
    BODY,
    // A numeral and a space opening a sentence is not a title.
    "三 个代表重要思想是我们党的立党之本。" + BODY,
  ].join("\n");
  assert.deepEqual(ids(text), ["1 cn_numeral_space", "1.1 stem", "1.2 stem", "2 cn_numeral_space"]);
});

test("a salutation line starts a new part: a 一、 series right after it restarts the outline", () => {
  const B2 = "各级党组织要切实担负起主体责任，主要负责同志要亲自抓、负总责，确保各项任务落到实处。";
  const part = (a: string, b: string): string[] => [a, BODY, b, B2];
  const parts = [
    "同志们：",
    ...part("一、充分肯定成绩", "二、清醒认识问题"),
    "同志们！",
    B2,
    ...part("一、明确目标任务", "二、狠抓工作落实"),
  ];
  assert.deepEqual(ids(parts.join("\n")), [
    "1 cn_numeral_dun",
    "2 cn_numeral_dun",
    "3 cn_numeral_dun",
    "4 cn_numeral_dun",
  ]);
  // Without the salutation, a second 一、二、 is a list inside section 二.
  const list = parts.filter((p) => p !== "同志们！");
  assert.deepEqual(ids(list.join("\n")), [
    "1 cn_numeral_dun",
    "2 cn_numeral_dun",
    "2.1 cn_numeral_dun",
    "2.2 cn_numeral_dun",
  ]);
});

test("a series may skip one number (a heading lost in a scrape), not two, and not from one member", () => {
  const lines = (nums: string[]) =>
    ["同志们：", ...nums.flatMap((n) => [`${n}、加强组织建设`, BODY])].join("\n");
  assert.deepEqual(ids(lines(["一", "二", "四"])), [
    "1 cn_numeral_dun",
    "2 cn_numeral_dun",
    "3 cn_numeral_dun",
  ]);
  assert.deepEqual(ids(lines(["一", "二", "五"])), ["1 cn_numeral_dun", "2 cn_numeral_dun"]);
  assert.deepEqual(ids(lines(["一", "三"])), []);
});
