import { test } from "node:test";
import assert from "node:assert/strict";
import { normalizeText } from "../../data-loaders/ingest/normalize.ts";
import { speechId } from "../../data-loaders/ingest/speech-id.ts";

test("normalize: BOM, line endings, zero-width characters, NBSP, indents, empty lines", () => {
  const raw =
    "\uFEFF　　同志们：\r\n\r\n\u3000\u3000今天\u200B召开\u00A0\u00A0会议。  \r第二段\u200D。\n\n\n  第三段\t\t有  空格 \n";
  assert.equal(normalizeText(raw), "同志们：\n今天召开 会议。\n第二段。\n第三段 有 空格");
});

test("normalize keeps Chinese punctuation and inner ideographic spaces exactly", () => {
  const line = "“两个确立”，（一）坚持！？：；——……《决定》国务院总理　李克强 ABC,.";
  assert.equal(normalizeText(line), line);
});

test("normalize breaks the line after block-level HTML end tags and <br>, keeping the tags", () => {
  const raw = "<p><strong>一、总结成绩</strong></p><p>今年工作。</p><br/>下一段<BR>末段</div>";
  assert.equal(
    normalizeText(raw),
    "<p><strong>一、总结成绩</strong></p>\n<p>今年工作。</p>\n<br/>\n下一段<BR>\n末段</div>",
  );
  // Inline tags and text that only mentions a tag name are left alone.
  assert.equal(normalizeText("<span>甲</span><b>乙</b> p> div"), "<span>甲</span><b>乙</b> p> div");
});

test("normalize is idempotent and leaves no empty or padded line", () => {
  const raw = " a \n\n\u3000b\u3000\r\n \t \nc  d";
  const once = normalizeText(raw);
  assert.equal(normalizeText(once), once);
  for (const line of once.split("\n")) {
    assert.ok(line.length > 0);
    assert.equal(line, line.trim());
  }
});

test("speechId is content-derived: s + 12 hex of sha256 of the normalized text", () => {
  const id = speechId("同志们：\n今天召开会议。");
  assert.match(id, /^s[0-9a-f]{12}$/);
  assert.equal(id, speechId("同志们：\n今天召开会议。"));
  assert.notEqual(id, speechId("同志们：\n今天召开大会。"));
  // Same speech with different raw formatting → same id once normalized.
  assert.equal(speechId(normalizeText("同志们：\r\n\r\n　　今天召开会议。")), id);
});
