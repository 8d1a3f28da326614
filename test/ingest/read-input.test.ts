// Ingest edge: listing and reading real files of every awkward kind, built in a temp directory.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import JSZip from "jszip";
import { listCorpusFiles } from "../../data-loaders/ingest/list-files.ts";
import {
  readInput,
  DEFAULT_MAX_BYTES,
  type ReadResult,
} from "../../data-loaders/ingest/read-input.ts";
import { cleanText } from "../../data-loaders/clean/clean-text.ts";

const ZH =
  "同志们：\n今天，我们在这里召开全市组织工作会议，深入学习贯彻党的二十大精神。\n一、着眼加强理想信念教育，持续拓展主题教育成果";
const OPTS = { maxBytes: DEFAULT_MAX_BYTES };
let root = "";
let outside = "";

/** A minimal .docx: the three parts Word and mammoth need, one <w:p> per paragraph. */
async function makeDocx(paragraphs: string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`,
  );
  const body = paragraphs
    .map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`)
    .join("");
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "nodebuffer" });
}

before(async () => {
  root = await mkdtemp(join(tmpdir(), "speech-atlas-ingest-"));
  outside = await mkdtemp(join(tmpdir(), "speech-atlas-outside-"));
  const put = async (rel: string, data: string | Buffer) => {
    await mkdir(join(root, rel, ".."), { recursive: true });
    await writeFile(join(root, rel), data);
  };
  await put("empty.txt", "");
  await put("blank.txt", " \r\n\u3000\u3000\r\n");
  await put(
    "binary.txt",
    Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0,
      1, 0,
    ]),
  );
  await put("gbk.txt", iconv.encode(ZH.replace(/\n/g, "\r\n"), "gbk"));
  await put("utf16le.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ZH, "utf16le")]));
  await put(
    "utf16be.txt",
    Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(ZH, "utf16le").swap16()]),
  );
  await put(
    "crlf.txt",
    "\uFEFF" +
      ZH.split("\n")
        .map((l) => "\u3000\u3000" + l)
        .join("\r\n") +
      "\r\n\r\n",
  );
  await put("big.txt", Buffer.alloc(20 * 1024 * 1024, "中文".repeat(10)));
  await put(
    "page.html",
    `<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>\n<p>同志们：</p>\n<p>今天召开<b>组织工作会议</b>。<img src=x onerror=alert(1)></p>\n</body></html>`,
  );
  await put("文件夹/讲话 稿 (1).txt", ZH);
  await put("emoji 🎉 讲话.md", "# 讲话\n\n" + ZH);
  await put("english.txt", "This file is a speech in English only.\nNo Chinese at all.");
  await put("report.pdf", "%PDF-1.4 fake");
  await put("NOEXT", ZH);
  await put(
    "speech.docx",
    await makeDocx(["同志们：", "今天召开全市组织工作会议。", "一、着眼加强理想信念教育"]),
  );
  await put("broken.docx", "this is not a zip archive");
  await put(".hidden.txt", ZH);
  await put(".git/config.txt", ZH); // hidden directory: never listed
  await writeFile(join(outside, "secret.txt"), ZH);
  await symlink(join(outside, "secret.txt"), join(root, "link-out.txt"));
  await symlink(join(root, "gbk.txt"), join(root, "link-in.txt"));
});

after(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

const read = (rel: string) => readInput(root, rel, OPTS);

function ok(r: ReadResult) {
  assert.equal(r.kind, "ok", r.kind === "quarantined" ? `quarantined: ${r.row.reason}` : "");
  return (r as Extract<ReadResult, { kind: "ok" }>).file;
}
function reason(r: ReadResult): string | null {
  assert.equal(r.kind, "quarantined");
  const row = (r as Extract<ReadResult, { kind: "quarantined" }>).row;
  assert.equal(row.status, "quarantined");
  assert.equal(row.speech_id, null);
  assert.match(row.sha256, /^[0-9a-f]{64}$/);
  return row.reason;
}

test("listCorpusFiles: every file, relative, forward slashes, code-point order, no hidden dirs, no escaping links", async () => {
  const files = await listCorpusFiles(root);
  const expected = [
    ".hidden.txt",
    "NOEXT",
    "big.txt",
    "binary.txt",
    "blank.txt",
    "broken.docx",
    "crlf.txt",
    "emoji 🎉 讲话.md",
    "empty.txt",
    "english.txt",
    "gbk.txt",
    "link-in.txt",
    "page.html",
    "report.pdf",
    "speech.docx",
    "utf16be.txt",
    "utf16le.txt",
    "文件夹/讲话 稿 (1).txt",
  ];
  assert.deepEqual(files, expected);
  assert.deepEqual(await listCorpusFiles(root), files, "deterministic");
});

test("decodes GBK, UTF-16LE/BE with BOM and CRLF files to the same normalized text", async () => {
  const expectedText = ZH;
  const cases = [
    ["gbk.txt", "gb18030"],
    ["utf16le.txt", "utf-16le"],
    ["utf16be.txt", "utf-16be"],
    ["crlf.txt", "utf-8-bom"],
    ["文件夹/讲话 稿 (1).txt", "utf-8"],
  ] as const;
  for (const [rel, encoding] of cases) {
    const file = ok(await read(rel));
    assert.equal(file.encoding, encoding, rel);
    assert.equal(file.text, expectedText, rel);
    assert.equal(file.path, rel);
  }
});

test("sha256 and bytes identify the exact input bytes", async () => {
  const file = ok(await read("gbk.txt"));
  const raw = iconv.encode(ZH.replace(/\n/g, "\r\n"), "gbk");
  assert.equal(file.bytes, raw.length);
  assert.equal(file.sha256, createHash("sha256").update(raw).digest("hex"));
});

test("quarantine reasons: empty, whitespace-only, binary, no Chinese, unsupported type, hidden", async () => {
  assert.equal(reason(await read("empty.txt")), "empty file");
  assert.equal(reason(await read("blank.txt")), "empty file");
  assert.equal(reason(await read("binary.txt")), "binary content");
  assert.equal(reason(await read("english.txt")), "no Chinese text");
  assert.equal(reason(await read("report.pdf")), "unsupported file type .pdf");
  assert.equal(reason(await read("NOEXT")), "unsupported file type (no extension)");
  assert.equal(reason(await read(".hidden.txt")), "hidden file");
});

test("a 20 MB file is quarantined over the 10 MB default limit, hashed by streaming", async () => {
  const r = await read("big.txt");
  assert.equal(reason(r), "over size limit (20.0 MB > 10.0 MB)");
  const row = (r as Extract<ReadResult, { kind: "quarantined" }>).row;
  assert.equal(row.bytes, 20 * 1024 * 1024);
  const expected = createHash("sha256")
    .update(Buffer.alloc(20 * 1024 * 1024, "中文".repeat(10)))
    .digest("hex");
  assert.equal(row.sha256, expected);
});

test(".docx through mammoth: one paragraph per line; a broken docx is quarantined, not thrown", async () => {
  const file = ok(await read("speech.docx"));
  assert.equal(file.encoding, "docx");
  assert.equal(file.text, "同志们：\n今天召开全市组织工作会议。\n一、着眼加强理想信念教育");
  assert.match(reason(await read("broken.docx")) ?? "", /^unreadable docx: .+/);
});

test("markdown is ingested as text (markup is stripped later, in clean)", async () => {
  const file = ok(await read("emoji 🎉 讲话.md"));
  assert.equal(file.text, "# 讲话\n" + ZH);
  assert.equal(cleanText(file.text).text, "讲话\n" + ZH);
});

test("HTML: script, style and tags are removed and logged, Chinese text kept", async () => {
  const file = ok(await read("page.html"));
  const cleaned = cleanText(file.text);
  assert.equal(cleaned.text, "同志们：\n今天召开组织工作会议。");
  const rules = new Set(cleaned.removals.map((r) => r.rule_id));
  assert.ok(
    rules.has("html_script") && rules.has("html_style") && rules.has("html_tag"),
    [...rules].join(),
  );
  const removed = cleaned.removals.map((r) => r.text).join("");
  assert.ok(removed.includes("<script>alert(1)</script>"));
  assert.ok(removed.includes("<img src=x onerror=alert(1)>"));
  assert.ok(!cleaned.text.includes("alert"));
});

test("symlinks: inside the root are read, outside are never listed and refused if asked", async () => {
  assert.equal(ok(await read("link-in.txt")).encoding, "gb18030");
  const r = await read("link-out.txt");
  assert.equal(r.kind, "quarantined");
  assert.equal(
    (r as Extract<ReadResult, { kind: "quarantined" }>).row.reason,
    "symlink outside corpus root",
  );
});
