import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { decodeBuffer } from "../../data-loaders/ingest/decode.ts";
import { SAMPLE_DIR, sampleFiles } from "../helpers/sample.ts";

const ZH =
  "同志们：今天，我们在这里召开全市组织工作会议，深入学习贯彻党的二十大精神。\n一、着眼加强理想信念教育，持续拓展主题教育成果。";

function utf16be(s: string): Buffer {
  return Buffer.from(s, "utf16le").swap16();
}

test("UTF-8 with and without BOM", () => {
  assert.deepEqual(decodeBuffer(Buffer.from(ZH, "utf8")), {
    kind: "text",
    text: ZH,
    encoding: "utf-8",
  });
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ZH, "utf8")]);
  assert.deepEqual(decodeBuffer(bom), { kind: "text", text: ZH, encoding: "utf-8-bom" });
});

test("UTF-16LE and UTF-16BE with BOM", () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ZH, "utf16le")]);
  const be = Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(ZH)]);
  assert.deepEqual(decodeBuffer(le), { kind: "text", text: ZH, encoding: "utf-16le" });
  assert.deepEqual(decodeBuffer(be), { kind: "text", text: ZH, encoding: "utf-16be" });
});

test("BOM-less UTF-16: by NUL pattern (ASCII-heavy) and by plausibility (Chinese only)", () => {
  const mixed = "Speech 2023: " + ZH + " (transcript, page 1 of 3, version 2.1)";
  assert.deepEqual(decodeBuffer(Buffer.from(mixed, "utf16le")), {
    kind: "text",
    text: mixed,
    encoding: "utf-16le",
  });
  assert.deepEqual(decodeBuffer(utf16be(mixed)), {
    kind: "text",
    text: mixed,
    encoding: "utf-16be",
  });
  // Pure Chinese UTF-16 has no NUL bytes; it must still not be read as GB18030 mojibake.
  const zhOnly = ZH.replace(/\n/g, "");
  const le = decodeBuffer(Buffer.from(zhOnly, "utf16le"));
  assert.equal(le.kind === "text" && le.encoding, "utf-16le");
  assert.equal(le.kind === "text" && le.text, zhOnly);
  const be = decodeBuffer(utf16be(zhOnly));
  assert.equal(be.kind === "text" && be.text, zhOnly);
});

test("GBK / GB18030 Chinese is decoded as gb18030", () => {
  for (const enc of ["gbk", "gb18030"]) {
    const r = decodeBuffer(iconv.encode(ZH, enc));
    assert.deepEqual(r, { kind: "text", text: ZH, encoding: "gb18030" }, enc);
  }
  // Characters outside GBK (GB18030 four-byte sequences) survive too.
  const rare = ZH + "𠀀㐀";
  const r = decodeBuffer(iconv.encode(rare, "gb18030"));
  assert.equal(r.kind === "text" && r.text, rare);
});

test("binary content: NUL bytes outside a UTF-16 pattern, control bytes, image headers", () => {
  const png = Buffer.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 1, 2, 3,
    0, 0, 7,
  ]);
  assert.equal(decodeBuffer(png).kind, "binary");
  const controls = Buffer.from(
    Array.from({ length: 400 }, (_, i) => (i % 7 === 0 ? 0x01 : 0x41 + (i % 26))),
  );
  assert.equal(decodeBuffer(controls).kind, "binary");
  const withNul = Buffer.concat([Buffer.from(ZH, "utf8"), Buffer.from([0]), Buffer.from("abc")]);
  assert.equal(decodeBuffer(withNul).kind, "binary");
});

test("text in neither UTF-8 nor a Chinese encoding is undecodable, not mojibake", () => {
  const latin1 = Buffer.from(
    "Le café était très animé à l'époque, où les élèves déjeunaient près de la fenêtre.",
    "latin1",
  );
  assert.deepEqual(decodeBuffer(latin1), { kind: "undecodable" });
});

test("real speeches re-encoded as GB18030 and BOM-less UTF-16 decode back exactly", () => {
  for (const f of sampleFiles()) {
    const text = readFileSync(join(SAMPLE_DIR, f), "utf8");
    assert.deepEqual(
      decodeBuffer(Buffer.from(text, "utf8")),
      { kind: "text", text, encoding: "utf-8" },
      f,
    );
    // GB18030 encodes all of Unicode, so any speech round-trips (GBK would lose rare characters).
    const gb = decodeBuffer(iconv.encode(text, "gb18030"));
    assert.deepEqual(gb, { kind: "text", text, encoding: "gb18030" }, f);
    const le = decodeBuffer(Buffer.from(text, "utf16le"));
    assert.equal(le.kind === "text" ? le.text : le.kind, text, f);
    const be = decodeBuffer(utf16be(text));
    assert.equal(be.kind === "text" ? be.text : be.kind, text, f);
  }
});
