import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { cleanText } from "../../data-loaders/clean/clean-text.ts";
import { normalizeText } from "../../data-loaders/ingest/normalize.ts";
import { readInput } from "../../data-loaders/ingest/read-input.ts";
import type { Cleaned } from "../../data-loaders/types.ts";
import { GOVREPORTS_DIR, SAMPLE_DIR, loadGold } from "../helpers/sample.ts";

/** The contract of every cleanText result, checked on every test input. */
function assertContract(normalized: string, cleaned: Cleaned): void {
  let cursor = 0;
  let rebuilt = "";
  let cut = "";
  for (const r of cleaned.removals) {
    assert.ok(r.start >= cursor, `sorted and disjoint at ${r.start}`);
    assert.ok(r.end > r.start, "non-empty");
    assert.equal(r.text, normalized.slice(r.start, r.end));
    cut += normalized.slice(cursor, r.start);
    rebuilt += normalized.slice(cursor, r.start) + r.text;
    cursor = r.end;
  }
  rebuilt += normalized.slice(cursor);
  cut += normalized.slice(cursor);
  assert.equal(rebuilt, normalized, "re-inserting the removals reproduces the normalized text");
  assert.equal(cleaned.text, cut, "cleaned = normalized with the spans cut out");
  if (cleaned.text.length > 0) {
    for (const line of cleaned.text.split("\n")) {
      assert.ok(line.length > 0, "no empty line");
      assert.equal(
        line,
        line.replace(/^[ \u3000]+|[ \u3000]+$/gu, ""),
        `no padded line: ${JSON.stringify(line)}`,
      );
      assert.ok(!/ {2}/.test(line), "no doubled space");
    }
  }
}

function clean(normalized: string): Cleaned {
  const cleaned = cleanText(normalized);
  assertContract(normalized, cleaned);
  return cleaned;
}

test("sample speeches lose exactly their gold boilerplate, nothing of the speech", async () => {
  for (const gold of loadGold()) {
    const read = await readInput(SAMPLE_DIR, gold.file);
    assert.equal(read.kind, "ok");
    const normalized = read.kind === "ok" ? read.file.text : "";
    const cleaned = clean(normalized);
    let expected = normalized;
    if (gold.boilerplate.length > 0) {
      const start = normalized.indexOf(gold.boilerplate[0]!);
      const last = gold.boilerplate.at(-1)!;
      const end = normalized.lastIndexOf(last) + last.length;
      assert.ok(start >= 0 && end > start, gold.file);
      expected = (normalized.slice(0, start) + normalized.slice(end))
        .replace(/\n{2,}/g, "\n")
        .replace(/^\n|\n$/g, "");
    }
    assert.equal(cleaned.text, expected, gold.file);
    assert.equal(cleaned.removals.length > 0, gold.boilerplate.length > 0, gold.file);
    // The speech's own last words stay even when an advertisement is glued to them (004).
    if (gold.closing) assert.ok(cleaned.text.includes(gold.closing), gold.file);
  }
});

test("site watermarks, promotional lines and scraper furniture are removed with their own rule ids", () => {
  const speech =
    "同志们：\n今天召开全市组织工作会议，主要任务是总结工作、部署任务。\n我们要坚持党管人才原则。";
  const junk: [string, string][] = [
    ["本文档由 www.example-wenku.com 百度文库 生成，海量范文任你选！", "generated_by_site"],
    ["本文章来自第一范文网，更多精彩内容请访问 www.diyifanwen.com", "generated_by_site"],
    ["更多精彩范文，敬请关注公众号：笔杆子素材库", "visit_for_more"],
    ["欢迎加入公文素材库VIP会员，海量材料一键下载", "material_site_promo"],
    ["【写作服务】原创高质量保障，好评如潮，添加客服：xxx", "writing_service_ad"],
    ["来源：人民网-中国共产党新闻网  责任编辑：王小明", "scraper_meta"],
    ["（来源：新华社）", "scraper_meta"],
    ["原标题：市委书记在全市组织工作会议上的讲话", "scraper_meta"],
    ["点击数：1024", "scraper_meta"],
    ["阅读量：3.2万", "scraper_meta"],
    ["分享到：微信 微博 QQ空间", "share_toolbar"],
    ["【打印】【关闭】", "share_toolbar"],
    ["- 3 -", "page_number"],
    ["—12—", "page_number"],
    ["第3页 共10页", "page_number"],
    ["共 10 页，第 3 页", "page_number"],
    ["##paidend##", "paywall_marker"],
  ];
  for (const [line, ruleId] of junk) {
    const normalized = normalizeText(speech.replace("\n我们", `\n${line}\n我们`));
    const cleaned = clean(normalized);
    assert.equal(cleaned.text, speech, line);
    assert.deepEqual(
      cleaned.removals.map((r) => r.rule_id),
      [ruleId],
      line,
    );
    assert.equal(cleaned.removals[0]!.text.replace(/\n/g, ""), normalizeText(line), line);
  }
});

test("a 素材库 advertisement glued to the last sentence is cut from its banner to the paywall marker", () => {
  const text = normalizeText(
    "同志们：\n以上讲话，请大家认真抓好落实。谢谢大家！【笔杆子素材库】——每日更新海量材料，会员一键下载\n扫码加入会员群：12345\n##paidend##",
  );
  const cleaned = clean(text);
  assert.equal(cleaned.text, "同志们：\n以上讲话，请大家认真抓好落实。谢谢大家！");
  assert.deepEqual(
    cleaned.removals.map((r) => r.rule_id),
    ["promo_block"],
  );
  // Without the closing marker only the rest of the banner line goes (later ad lines by their own rules).
  const open = clean(
    normalizeText("同志们：\n请大家认真抓好落实。【笔杆子素材库】——每日更新\n下面进行第二项议程。"),
  );
  assert.equal(open.text, "同志们：\n请大家认真抓好落实。\n下面进行第二项议程。");
});

test("URLs, HTML and markdown markup are stripped inline; the words around them stay", () => {
  const cases: [string, string][] = [
    ["详见 http://www.gov.cn/zhengce/2023-06/30/content_1.htm 文件精神。", "详见 文件精神。"],
    ["全文见www.12371.cn。", "全文见。"],
    ["<p>同志们：</p><p>今天<strong>召开</strong>会议&nbsp;。</p>", "同志们：\n今天召开会议。"], // one paragraph a <p>,
    [
      "<div>\n<script type=\"text/javascript\">\nvar a = '<p>会议</p>';\n</script>\n正文第一段。\n</div>",
      "正文第一段。",
    ],
    ["<style>\n.a{color:red}\n</style>\n正文。<!-- 注释 -->", "正文。"],
    [
      "## 一、提高政治站位\n**坚持党管干部原则**，把~~好~~关。",
      "一、提高政治站位\n坚持党管干部原则，把好关。",
    ],
    [
      "> 引用一段讲话。\n- 第一条措施。\n[学习强国](https://www.xuexi.cn)上的文章![图](a.png)",
      "引用一段讲话。\n第一条措施。\n学习强国上的文章",
    ],
  ];
  for (const [input, expected] of cases) {
    assert.equal(clean(normalizeText(input)).text, expected, input);
  }
});

test("placeholders and look-alike speech text are never removed", () => {
  const keep = [
    "制定《**县人才招引管理服务实施细则》，持续深化改革。",
    "着力把各方面优秀人才集聚到**各项事业高质量发展中来。",
    "XX同志对今年工作作了安排部署，____同志要抓好落实。",
    "人才是第一资源，创新是发展的重要来源：我们要牢牢把握。",
    "要让更多群众知晓政策，请各级党组织主动访问困难党员。",
    "要建设干部人才文库，及时更新会员单位信息，方便群众下载表格。",
    "第一，提高政治站位。",
    "一、着眼加强理想信念教育，持续拓展主题教育成果",
    "各位代表！",
    "相关新闻工作者要坚持正确舆论导向。",
    "3-5年内，各地要落实第3页所列任务。",
  ];
  const text = keep.join("\n");
  const cleaned = clean(text);
  assert.deepEqual(cleaned.removals, []);
  assert.equal(cleaned.text, text);
});

test("a 相关新闻 block of link titles is removed; the speech after it stays", () => {
  const body =
    "同志们：\n今天召开全市组织工作会议，主要任务是总结工作、部署任务，动员全市上下奋发有为。\n一、提高政治站位\n要坚持党管干部原则，把好选人用人关。";
  const text = body.replace(
    "\n一、",
    "\n相关新闻：\n市委常委会召开会议 研究部署组织工作\n全省组织部长会议在京召开\n· 2023年度组织工作要点发布\n一、",
  );
  const cleaned = clean(text);
  assert.equal(cleaned.text, body);
  assert.deepEqual(
    cleaned.removals.map((r) => r.rule_id),
    ["related_links"],
  );
});

test("a second copy of the body is removed (rule repeated_body), the first copy kept", () => {
  const paragraphs = [
    "各位领导，同志们：",
    "今天召开全市组织工作会议，主要任务是深入学习贯彻党的二十大精神，总结过去一年的组织工作，部署今年的重点任务。",
    "一、提高政治站位，以党的政治建设为统领",
    "要坚持把党的政治建设摆在首位，教育引导党员干部坚定拥护“两个确立”、坚决做到“两个维护”，不断提高政治判断力、政治领悟力、政治执行力。",
    "二、坚持正确导向，建设高素质干部队伍",
    "要坚持新时代好干部标准，突出政治标准，树立重实干重实绩的用人导向，把好干部选出来、用起来。",
  ];
  const body = paragraphs.join("\n");
  // The copy has one paragraph slightly edited and one dropped, as in real re-posted pages.
  const copy = [...paragraphs];
  copy[3] = copy[3]!.replace("不断提高", "切实提高");
  copy.splice(4, 1);
  const cleaned = clean(body + "\n推荐阅读\n" + copy.join("\n"));
  assert.equal(cleaned.text, body);
  assert.deepEqual([...new Set(cleaned.removals.map((r) => r.rule_id))].sort(), [
    "related_links",
    "repeated_body",
  ]);
});

test("headings echoed by a table of contents, or a slogan said twice, are not a repeated body", () => {
  const text = [
    "目录",
    "一、提高政治站位",
    "二、建设干部队伍",
    "同志们：",
    "一、提高政治站位",
    "要坚持把党的政治建设摆在首位，教育引导党员干部坚定拥护“两个确立”、坚决做到“两个维护”。",
    "各位代表！",
    "二、建设干部队伍",
    "要坚持新时代好干部标准，突出政治标准，树立重实干重实绩的用人导向。",
    "各位代表！",
    "让我们更加紧密地团结在以习近平同志为核心的党中央周围，奋力谱写新篇章！",
  ].join("\n");
  const cleaned = clean(text);
  assert.deepEqual(cleaned.removals, []);
});

test("real scraped reports: the doubled 1991 report loses its second copy, no other report loses speech", () => {
  const files = readdirSync(GOVREPORTS_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort();
  assert.ok(files.length >= 40);
  for (const f of files) {
    const normalized = normalizeText(readFileSync(join(GOVREPORTS_DIR, f), "utf8"));
    const cleaned = clean(normalized);
    // Only page debris of these kinds exists in this corpus.
    for (const r of cleaned.removals)
      assert.ok(
        ["repeated_body", "scraper_meta"].includes(r.rule_id),
        `${f}: ${r.rule_id} ${r.text.slice(0, 40)}`,
      );
    // After cleaning, no long paragraph appears twice.
    const seen = new Set<string>();
    for (const line of cleaned.text.split("\n")) {
      if (line.length < 40) continue;
      assert.ok(!seen.has(line), `${f}: repeated paragraph ${line.slice(0, 30)}`);
      seen.add(line);
    }
    if (f.includes("1991")) {
      assert.ok(
        cleaned.text.length < normalized.length * 0.55 &&
          cleaned.text.length > normalized.length * 0.45,
        f,
      );
    } else {
      assert.ok(
        cleaned.text.length > normalized.length * 0.99,
        `${f}: lost ${normalized.length - cleaned.text.length} chars`,
      );
    }
  }
});

// ---- property test --------------------------------------------------------------------------

const HAN = Array.from(
  "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家",
);
const PUNCT = Array.from("，。、；“”（）！？");
const AD_LINES = [
  "本DOCX文档由 www.zciku.com/中词库网 生成，海量范文文档任你选，，为你的工作锦上添花,祝你一臂之力！",
  "【哒哒素材库】——每天更新材料1000多篇内部高质量素材， 会员群+网盘群同步每日更新",
  "欢迎加入“哒哒素材库svip会员”，9000万字材料，轻松解决您的各类素材需求！",
  "来源：中国政府网 责任编辑：李四",
  "- 12 -",
  "第2页 共9页",
  "<script>alert(1)</script>",
  "分享到：微信 微博",
  "更多精彩内容请访问 www.example.com",
  "##paidend##",
];
const INLINE_JUNK = [
  "<b>",
  "</b>",
  "http://www.example.com/a?b=1",
  "&nbsp;",
  "<img src=x onerror=alert(1)>",
];

const speechLine = fc
  .tuple(
    fc.array(fc.constantFrom(...HAN, ...HAN, ...PUNCT), { minLength: 4, maxLength: 70 }),
    fc.option(fc.tuple(fc.constantFrom(...INLINE_JUNK), fc.nat())),
  )
  .map(([chars, junk]) => ({ clean: chars.join(""), junk }));

const document = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: speechLine },
    { weight: 1, arbitrary: fc.constantFrom(...AD_LINES) },
  ),
  {
    minLength: 1,
    maxLength: 25,
  },
);

test("property: on random Chinese text mixed with ads, removals re-insert exactly and the speech survives", () => {
  fc.assert(
    fc.property(document, (items) => {
      // A unique tag per speech line keeps lines distinct, so repeated_body has nothing to find.
      const speech: string[] = [];
      const raw = items.map((item, i) => {
        if (typeof item === "string") return item;
        // Han digits, not ASCII: a URL glued to an ASCII digit would rightly swallow it.
        const line = `（甲${String(i).replace(/\d/g, (d) => "零壹贰叁肆伍陆柒捌玖"[Number(d)]!)}乙）${item.clean}`;
        speech.push(line);
        if (item.junk === null) return line;
        const [junk, at] = item.junk;
        const pos = at % (line.length + 1);
        return line.slice(0, pos) + junk + line.slice(pos);
      });
      const normalized = normalizeText(raw.join("\n"));
      const cleaned = clean(normalized);
      assert.equal(cleaned.text, speech.join("\n"));
      assert.deepEqual(cleanText(normalized), cleaned, "deterministic");
    }),
    { numRuns: 200, seed: 20240601 },
  );
});
