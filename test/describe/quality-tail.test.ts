// isTruncated searches only the end of a text; it must answer as the whole-text patterns did.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { isTruncated } from "../../data-loaders/describe/quality.ts";
import { loadSampleCleaned, sampleFiles } from "../helpers/sample.ts";

/** isTruncated as first written: every pattern run over the whole text. */
function reference(text: string): boolean {
  const t = text
    .trimEnd()
    .replace(/\n[^\n]{0,20}(?:[0-9０-９]{4}|[〇零○一二三四五六七八九]{4})年[^\n。]{0,8}日?$/, "")
    .trimEnd();
  if (t.length === 0) return false;
  if (/(?:…+|\.{3,}|等等)$/.test(t)) return true;
  const core = t.replace(/[（(][^（）()\n]{0,40}[）)]\s*$/, "").replace(/[”’」』）)》\s]+$/, "");
  return !/[。！？!?；;]$/.test(core);
}

test("isTruncated equals the whole-text patterns on random ends of texts", () => {
  // The characters every pattern turns on, and filler to push matches past the searched ends.
  const unit = fc.constantFrom(
    "\n",
    " ",
    "\u3000",
    "。",
    "！",
    "?",
    "；",
    "…",
    ".",
    "等",
    "（",
    "）",
    "(",
    ")",
    "”",
    "》",
    "2",
    "０",
    "二",
    "〇",
    "年",
    "月",
    "日",
    "干",
    "部",
    "鼓掌",
  );
  const filler = fc.array(fc.constantFrom("干", "部", " ", "（", "）"), { maxLength: 60 });
  fc.assert(
    fc.property(
      fc.array(unit, { maxLength: 30 }),
      filler,
      fc.array(unit, { maxLength: 12 }),
      (a, b, c) => {
        const text = a.join("") + b.join("") + c.join("");
        assert.equal(isTruncated(text), reference(text), JSON.stringify(text));
      },
    ),
    { numRuns: 20_000 },
  );
  for (const text of [
    "讲话\n2023年6月30日",
    "胜利前进！（长时间热烈鼓掌）",
    "要抓好落实。”  ",
    "（" + "话".repeat(41) + "）",
    "（" + "话".repeat(40) + "）",
    "。（" + "话".repeat(40) + "） ",
    "结束。\n" + "署".repeat(20) + "二〇二三年十二月三十一日",
    "结束\n" + "署".repeat(21) + "2023年1月1日",
  ])
    assert.equal(isTruncated(text), reference(text), text);
});

test("isTruncated equals the whole-text patterns on the sample speeches", () => {
  for (const file of sampleFiles()) {
    const text = loadSampleCleaned(file);
    for (const end of [text.length, text.length - 1, text.length - 7, text.length >> 1])
      assert.equal(isTruncated(text.slice(0, end)), reference(text.slice(0, end)), file);
  }
});
