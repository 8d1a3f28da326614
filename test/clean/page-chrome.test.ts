// Page chrome and collection apparatus (issue 15): navigation runs, site footers, news field lines,
// split footnote markers and Wikisource licence notices are cut and logged; speech text, short
// headings and publication stamps stay. Synthetic texts, one rule each.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cleanText } from "../../data-loaders/clean/clean-text.ts";
import { parseCleaningRules } from "../../data-loaders/clean/rules.ts";

const rulesOf = (text: string) => cleanText(text).removals.map((r) => r.rule_id);

test("a navigation run of eight or more short lines is cut; fewer, or headings, are not", () => {
  const menu = ["首页", "要闻", "政协要闻", "政协会议", "履职", "提案提交", "党派", "党派动态"];
  const text = [...menu, "在全市工作会议上的讲话", "同志们：", "今天我们召开会议。"].join("\n");
  const c = cleanText(text);
  assert.equal(c.text, "在全市工作会议上的讲话\n同志们：\n今天我们召开会议。");
  assert.deepEqual([...new Set(c.removals.map((r) => r.rule_id))], ["page_navigation"]);
  // Seven lines stay; so do outline headings and short lines naming a speech.
  const seven = menu.slice(0, 7).join("\n") + "\n正文第一段。";
  assert.equal(cleanText(seven).text, seven);
  const outline = ["一、总体要求", "二、主要任务", "三、保障措施", "四、组织领导"].join("\n");
  const headings = [outline, outline, "全文完。"].join("\n");
  assert.ok(!rulesOf(headings).includes("page_navigation"));
});

test("sidebar stamps run together with menu items", () => {
  const side = [
    "2026-09-27 15:51",
    "某某新闻 2026-09-27 07:19:16",
    "2026-09-26 19:14",
    "跟贴 2724",
    "2026-09-27 14:24",
    "2026-09-27 14:23",
    "某某日报 2026-09-25 21:38",
    "2026-09-25 21:27",
  ];
  const text = ["同志们，让我们团结奋斗！", ...side].join("\n");
  assert.equal(cleanText(text).text, "同志们，让我们团结奋斗！");
});

test("site footers, breadcrumbs and news field lines are cut; publication stamps stay", () => {
  const text = [
    "您的位置：",
    "网站首页 > 新闻 > 正文",
    "发布时间：2018年07月04日 21:33",
    "点击观看视频",
    "正文第一段。",
    "校对 | 某某某",
    "记者：某某",
    "免责声明：文中图片如有版权问题请联系网站处理。",
    "某某网 版权所有",
    "京ICP备12345678号-1",
  ].join("\n");
  assert.equal(cleanText(text).text, "发布时间：2018年07月04日 21:33\n正文第一段。");
  // A speech sentence that mentions 版权 or 记者 is not a footer.
  const speech =
    "要尊重记者的工作，保护知识产权和版权，所有单位都要落实好这项要求，不能有任何例外。";
  assert.equal(cleanText(speech).text, speech);
});

test("breadcrumbs without 正文, font toolbars, previous/next links, QR captions, site credits", () => {
  const text = [
    "首页 > 新闻中心 > 领导讲话",
    "【字体：大 中 小】 【打印本页】 【关闭窗口】",
    "正文第一段。",
    "扫一扫在手机打开当前页",
    "上一篇：关于开展主题教育的通知",
    "下一篇：市委常委会召开会议",
    "技术支持：某某网络公司",
  ].join("\n");
  assert.equal(cleanText(text).text, "正文第一段。");
  assert.deepEqual([...new Set(rulesOf(text))].sort(), [
    "article_navigation",
    "share_toolbar",
    "site_footer",
  ]);
  // Speech lines with arrows, comparisons or a 上一篇 in passing stay.
  const speech = [
    "学思想 → 强党性 → 重实践",
    "二是增速 > 全省平均，三是质量 > 数量。",
    "在上一篇文章中我们谈到了这个问题。",
    "扫一扫二维码就能办成的事，不能让群众跑腿。",
  ].join("\n");
  assert.equal(cleanText(speech).text, speech);
});

test("a footnote marker split over three lines is cut with its breaks", () => {
  const c = cleanText("我代表中央委员会作关于上届会议\n[\n1\n]\n以来的工作报告。\n下一段。");
  assert.equal(c.text, "我代表中央委员会作关于上届会议以来的工作报告。\n下一段。");
  assert.deepEqual(
    c.removals.map((r) => r.rule_id),
    ["footnote_marker_split"],
  );
  // After a full stop only the marker lines go: paragraphs are not joined.
  assert.equal(cleanText("第一段。\n[\n2\n]\n第二段。").text, "第一段。\n第二段。");
});

test("a Wikisource licence notice is cut to the end of the text", () => {
  const text = [
    "毛主席万岁！",
    "本作品来自某年之后的中国共产党文件。根据某指导案例，制定的公文属于",
    "公有领域",
    "。",
    "↑",
    "某某年第1集。",
    "Public domain",
    "false",
  ].join("\n");
  const c = cleanText(text);
  assert.equal(c.text, "毛主席万岁！");
  assert.deepEqual([...new Set(c.removals.map((r) => r.rule_id))], ["wikisource_licence"]);
  // 本作品 inside a paragraph is speech.
  const speech = "我们要认真学习。本作品来自群众的创作，要珍惜。";
  assert.equal(cleanText(speech).text, speech);
});

test("a saved page's DOCTYPE is cut", () => {
  const c = cleanText('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "">\n正文。');
  assert.equal(c.text, "正文。");
  assert.equal(c.removals[0]?.rule_id, "html_doctype");
});

test("line_run rules are validated like the others", () => {
  assert.throws(
    () =>
      parseCleaningRules(
        {
          version: 1,
          rules: [{ id: "r", kind: "line_run", pattern: "x", min_lines: 1, description: "d" }],
        },
        "t.yaml",
      ),
    /min_lines/,
  );
  const ok = parseCleaningRules(
    {
      version: 1,
      rules: [{ id: "r", kind: "line_run", pattern: "^x$", min_lines: 2, description: "d" }],
    },
    "t.yaml",
  );
  // The run of two goes (with its line breaks); the single x after y stays.
  assert.equal(cleanText("x\nx\ny\nx", ok).text, "y\nx");
});
