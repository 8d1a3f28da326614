// HTML character references are decoded during normalization, so dash-led points and quoted
// formulations on scraped pages keep their punctuation.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { decodeEntities } from "../../data-loaders/ingest/entities.ts";
import { normalizeText } from "../../data-loaders/ingest/normalize.ts";

test("named and numeric references become their characters", () => {
  assert.equal(decodeEntities("&mdash;&mdash;我们要努力"), "——我们要努力");
  assert.equal(decodeEntities("&ldquo;两个维护&rdquo;"), "“两个维护”");
  assert.equal(decodeEntities("&#8220;四个意识&#x201D;"), "“四个意识”");
  assert.equal(decodeEntities("A &AMP; B"), "A & B", "case-insensitive names");
});

test("unknown names, controls and surrogates do not become text", () => {
  assert.equal(decodeEntities("&foo; &copy2;"), "&foo; &copy2;");
  assert.equal(decodeEntities("&#0;&#xD800;&#9999999;"), "\uFFFD\uFFFD\uFFFD");
});

test("space references stay for cleaning to remove (and log); a decoded joiner is dropped", () => {
  assert.equal(decodeEntities("会议&nbsp;。&#160;&emsp;"), "会议&nbsp;。&#160;&emsp;");
  assert.equal(normalizeText("同志&#8203;们：&ldquo;两个维护&rdquo;"), "同志们：“两个维护”");
});

test("text without references is returned unchanged", () => {
  fc.assert(
    fc.property(fc.string(), (s) => {
      const plain = s.replace(/&/g, "");
      assert.equal(decodeEntities(plain), plain);
    }),
  );
});
