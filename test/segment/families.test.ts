// Heading families one by one, on small made-up texts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { segmentSpeech } from "../../data-loaders/segment/index.ts";
import { assertSegmentationContract } from "./invariants.ts";

const BODY =
  "要坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神，扎实推进各项工作落地见效。";

function outline(text: string): string[] {
  const seg = segmentSpeech(text);
  assertSegmentationContract(text, seg);
  return seg.sections
    .filter((s) => s.kind === "heading")
    .map((s) => `${s.section_id} ${s.heading_style} ${s.heading}`);
}

test("own-line 一、 headings with （一） and 1. inside nest by order of appearance", () => {
  const text = [
    "同志们：",
    BODY,
    "一、总体要求",
    BODY,
    "（一）加强理论武装",
    BODY,
    "1.深学细悟。" + BODY,
    "2.学用结合。" + BODY,
    "（二）加强组织建设",
    BODY,
    "二、重点任务",
    BODY,
  ].join("\n");
  assert.deepEqual(outline(text), [
    "1 cn_numeral_dun 一、总体要求",
    "1.1 paren_cn （一）加强理论武装",
    "1.1.1 arabic 1.深学细悟。",
    "1.1.2 arabic 2.学用结合。",
    "1.2 paren_cn （二）加强组织建设",
    "2 cn_numeral_dun 二、重点任务",
  ]);
});

test("levels follow nesting, not a fixed order of styles: （一） sections may hold 一、 items", () => {
  const text = [
    "各位代表：",
    BODY,
    "（一）当前形势",
    BODY,
    "（二）今后方针",
    BODY,
    "一、发展农业。" + BODY,
    "二、发展工业。" + BODY,
    "（三）发展前景",
    BODY,
  ].join("\n");
  assert.deepEqual(outline(text), [
    "1 paren_cn （一）当前形势",
    "2 paren_cn （二）今后方针",
    "2.1 cn_numeral_dun 一、发展农业。",
    "2.2 cn_numeral_dun 二、发展工业。",
    "3 paren_cn （三）发展前景",
  ]);
});

test("numbering continuity rejects false positives", () => {
  // "1.5亿" and "一、二月份" are numbers; a lone 第一， is running text.
  const text = [
    BODY,
    "1.5亿元资金已经到位。" + BODY,
    "一、二月份经济运行平稳。" + BODY,
    "第一，这是一个孤立的说法。" + BODY,
    "2.另一个数字。" + BODY,
  ].join("\n");
  assert.deepEqual(outline(text), []);
});

test("a table of contents is not the outline, and a list reusing 一、 inside a section does not break it", () => {
  const text = [
    "报告",
    "一、回顾",
    "二、任务",
    "三、问题",
    "一、回顾",
    BODY,
    "二、任务",
    BODY,
    "一、开垦荒地。" + BODY,
    "二、兴修水利。" + BODY,
    "三、利用土地。" + BODY,
    "三、问题",
    BODY,
  ].join("\n");
  const found = outline(text);
  assert.deepEqual(
    found.filter((h) => /^\d+ /.test(h)),
    ["1 cn_numeral_dun 一、回顾", "2 cn_numeral_dun 二、任务", "3 cn_numeral_dun 三、问题"],
  );
  assert.deepEqual(
    found.filter((h) => h.startsWith("2.")),
    [
      "2.1 cn_numeral_dun 一、开垦荒地。",
      "2.2 cn_numeral_dun 二、兴修水利。",
      "2.3 cn_numeral_dun 三、利用土地。",
    ],
  );
});

test("inline 第一，/一是/首先 series; the heading is the first sentence, cut at its last clause break within 40 characters when long", () => {
  const text = [
    "同志们：",
    BODY,
    "第一，必须坚定理想信念。" + BODY + "一是加强学习。" + BODY + "二是加强实践。" + BODY,
    "第二，必须坚持原则。" + BODY,
    "首先，要提高认识，把思想统一到中央的决策部署上来，切实增强责任感和使命感，以更加饱满的热情和更加扎实的作风投入到各项工作中去。" +
      BODY,
    "其次，要强化落实。" + BODY,
    "最后，要加强督查。" + BODY,
  ].join("\n");
  assert.deepEqual(outline(text), [
    "1 di_n 第一，必须坚定理想信念。",
    "1.1 cn_shi 一是加强学习。",
    "1.2 cn_shi 二是加强实践。",
    "2 di_n 第二，必须坚持原则。",
    "2.1 sequence_words 首先，要提高认识，把思想统一到中央的决策部署上来，切实增强责任感和使命感，",
    "2.2 sequence_words 其次，要强化落实。",
    "2.3 sequence_words 最后，要加强督查。",
  ]);
});

test("parallel paragraph openings form a series; paragraphs that merely start alike do not", () => {
  const parallel = [
    "面对庞大的组织规模，需要着眼健全组织体系，推动战斗堡垒更加坚强。" + BODY,
    "面对伟大的复兴梦想，需要着眼健全干部工作体系，推动中坚力量更加强劲。" + BODY,
    "面对巨大的党员数量，需要着眼健全党员管理体系，推动肌体细胞更加健康。" + BODY,
  ];
  assert.deepEqual(
    outline(["同志们：", BODY, ...parallel].join("\n")).map((h) =>
      h.split(" ").slice(0, 2).join(" "),
    ),
    ["1 parallel_opening", "2 parallel_opening", "3 parallel_opening"],
  );
  const alike = [
    "我们要坚持人民至上，始终把群众放在心上。" + BODY,
    "我们要加强基层建设，不断夯实执政根基。" + BODY,
    "我们要推进改革创新，持续激发发展活力。" + BODY,
  ];
  assert.deepEqual(outline(["同志们：", BODY, ...alike].join("\n")), []);
});

test("headline sentences count only as a series of look-alikes, and never when declarative", () => {
  const series = [
    "一、组织建设",
    BODY + "织密组织经纬。" + BODY + "增强组织功能。" + BODY + "严肃组织生活。" + BODY,
    "二、其他",
    BODY,
  ].join("\n");
  assert.deepEqual(outline(series).slice(1, 4), [
    "1.1 headline 织密组织经纬。",
    "1.2 headline 增强组织功能。",
    "1.3 headline 严肃组织生活。",
  ]);
  const lone = [
    "一、组织建设",
    BODY + "这是根本任务。" + BODY,
    "二、干部工作",
    BODY + "实践证明很重要。" + BODY,
  ].join("\n");
  assert.equal(outline(lone).length, 2);
  const declarative = [
    "一、工业",
    BODY + "我们的计划完成了。" + BODY + "这些问题必须克服。" + BODY + "但是任务很重。" + BODY,
    "二、农业",
    BODY,
  ].join("\n");
  assert.equal(outline(declarative).length, 2);
});

test("no heading style goes deeper than level 3: a fourth style stays body text", () => {
  const text = [
    "一、甲",
    BODY,
    "（一）乙",
    BODY,
    "1.丙。" + BODY + "一是丁。" + BODY + "二是戊。" + BODY,
    "2.己。" + BODY,
    "（二）庚",
    BODY,
    "二、辛",
    BODY,
  ].join("\n");
  const found = outline(text);
  assert.ok(
    found.every((h) => !h.includes("cn_shi")),
    found.join("\n"),
  );
  assert.ok(found.includes("1.1.2 arabic 2.己。"));
});

test("a parent's own text before its first child is the implicit intro leaf <id>.0", () => {
  const text = [
    "一、组织建设",
    BODY + "织密组织经纬。" + BODY + "增强组织功能。" + BODY,
    "二、其他",
    BODY,
  ].join("\n");
  const seg = segmentSpeech(text);
  const intro = seg.sections.find((s) => s.section_id === "1.0")!;
  assert.equal(intro.kind, "intro");
  assert.equal(intro.parent_id, "1");
  assert.equal(intro.heading, null);
  assert.equal(text.slice(intro.start, intro.end), "一、组织建设\n" + BODY);
});

test("closing: formula lines, a mobilisation paragraph, a bare address before it", () => {
  const closing = (text: string): string | null => {
    const seg = segmentSpeech(text);
    assertSegmentationContract(text, seg);
    const c = seg.sections.find((s) => s.kind === "closing");
    return c ? text.slice(c.start) : null;
  };
  const body = ["同志们：", "一、甲", BODY, BODY, "二、乙", BODY, BODY];
  assert.equal(closing([...body, "我就讲这些。谢谢大家！"].join("\n")), "我就讲这些。谢谢大家！");
  assert.equal(
    closing([...body, "同志们，让我们团结一心，奋勇前进！", "谢谢。"].join("\n")),
    "同志们，让我们团结一心，奋勇前进！\n谢谢。",
  );
  assert.equal(
    closing([...body, "各位代表！", "时代赋予重任，实干创造未来。" + BODY].join("\n")),
    "各位代表！\n时代赋予重任，实干创造未来。" + BODY,
  );
  assert.equal(
    closing([...body.slice(0, -1), BODY + "以上发言，不当之处请批评指正。"].join("\n")),
    "以上发言，不当之处请批评指正。",
  );
  assert.equal(closing(body.join("\n")), null);
  // The only body paragraph of an own-line heading stays in its section.
  assert.equal(closing(["同志们：", "一、甲", BODY, "二、乙", "让我们" + BODY].join("\n")), null);
});

test("empty text and text without any outline", () => {
  assert.deepEqual(segmentSpeech(""), { sections: [], sentences: [], flags: [] });
  const seg = segmentSpeech(BODY);
  assert.deepEqual(
    seg.sections.map((s) => s.section_id),
    ["preamble"],
  );
  assert.equal(seg.sentences.length, 1);
});
