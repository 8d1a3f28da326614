import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { splitSentenceSpans } from "../../data-loaders/segment/sentences.ts";

const split = (text: string): string[] =>
  splitSentenceSpans(text).map((s) => text.slice(s.start, s.end));

test("sentences end at 。！？；… and at line ends; the newline stays with the sentence before it", () => {
  assert.deepEqual(split("织密组织经纬。增强组织功能！对吗？是的；好……\n下一段"), [
    "织密组织经纬。",
    "增强组织功能！",
    "对吗？",
    "是的；",
    "好……\n",
    "下一段",
  ]);
  assert.deepEqual(split("一、着眼加强理想信念教育\n正文。"), [
    "一、着眼加强理想信念教育\n",
    "正文。",
  ]);
  assert.deepEqual(split("Really?! Yes; ok"), ["Really?!", " Yes;", " ok"]);
});

test("a mark inside quotes does not end the sentence unless the quote closes right after it", () => {
  assert.deepEqual(split("他强调“要坚持。要发展”等要求。下一句。"), [
    "他强调“要坚持。要发展”等要求。",
    "下一句。",
  ]);
  assert.deepEqual(split("习近平总书记指出：“党的力量来自组织。”这就要求我们。"), [
    "习近平总书记指出：“党的力量来自组织。”",
    "这就要求我们。",
  ]);
  assert.deepEqual(split("「一句。」另一句。"), ["「一句。」", "另一句。"]);
});

test("closing brackets and quotes after the mark stay with the sentence", () => {
  assert.deepEqual(split("（会议通过。）接着。"), ["（会议通过。）", "接着。"]);
  assert.deepEqual(split("“两个确立”。”下一句。"), ["“两个确立”。”", "下一句。"]);
});

test("an unbalanced opening quote cannot swallow the next paragraph", () => {
  assert.deepEqual(split("他说“没有结束。还在引号里\n新段落。"), [
    "他说“没有结束。还在引号里\n",
    "新段落。",
  ]);
});

test("property: sentence spans partition any range of any string", () => {
  const alphabet = fc.constantFrom(
    ..."党的建设。！？；…“”「」（）\n a,.!?;“".split(""),
    "\uD83D\uDE00",
  );
  const text = fc.oneof(
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.string({ unit: alphabet, maxLength: 200 }),
  );
  fc.assert(
    fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
      const start = Math.min(a % (t.length + 1), b % (t.length + 1));
      const end = Math.max(a % (t.length + 1), b % (t.length + 1));
      const spans = splitSentenceSpans(t, start, end);
      let at = start;
      for (const s of spans) {
        assert.equal(s.start, at);
        assert.ok(s.end > s.start);
        at = s.end;
      }
      assert.equal(at, end);
    }),
    { numRuns: 200 },
  );
});
