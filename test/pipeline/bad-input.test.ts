// A corpus of everything that goes wrong in the wild, run through the real command: every file
// is accounted for, the run goes on, and each bad file says what happened to it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import type { ManifestRow, SpeechRow } from "../../data-loaders/types.ts";
import { readTable, runCli, tempDir } from "../helpers/run-cli.ts";
import { SAMPLE_DIR } from "../helpers/sample.ts";

const sample = (f: string) => readFileSync(join(SAMPLE_DIR, f), "utf8");
const s1 = sample("001_06fcc12ac9c3bf04.txt");
const s3 = sample("003_2cededa9e60f1ea6.txt");

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, "utf16le");
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
}

function buildCorpus(): string {
  const dir = join(tempDir("bad"), "corpus");
  mkdirSync(join(dir, "子目录 sub"), { recursive: true });
  writeFileSync(join(dir, "001 原文.txt"), s1);
  writeFileSync(join(dir, "empty.txt"), "");
  writeFileSync(
    join(dir, "binary.txt"),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0, 1, 2, 3, 0, 0, 255, 254, 0]),
  );
  writeFileSync(join(dir, "gbk.txt"), iconv.encode(sample("000_d108770cd218d47d.txt"), "gbk"));
  writeFileSync(
    join(dir, "utf16le-bom.txt"),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s3, "utf16le")]),
  );
  writeFileSync(
    join(dir, "子目录 sub", "utf16be 😀.txt"),
    utf16be(sample("004_2f04eb6102678197.txt")),
  );
  writeFileSync(join(dir, "crlf.txt"), sample("002_2a4cd31ebcd3fa37.txt").replace(/\n/g, "\r\n"));
  writeFileSync(join(dir, "huge.txt"), Buffer.alloc(20 * 1024 * 1024, "字"));
  writeFileSync(join(dir, "exact-copy.txt"), s1);
  const lines = s3.split("\n");
  lines[3] = lines[3]!.replace("组织", "组织部门");
  writeFileSync(join(dir, "zz-near-copy.md"), lines.join("\n"));
  writeFileSync(
    join(dir, "page.html"),
    `<html><head><script>alert("x")</script></head><body><p>同志们：</p><p>今天召开2022年全县组织工作会议，<img src=x onerror=alert(1)>我们要坚定“两个确立”，做到“两个维护”。</p><p>谢谢大家。</p></body></html>`,
  );
  writeFileSync(
    join(dir, "english.txt"),
    "This file has no Chinese text at all, only English words.",
  );
  writeFileSync(join(dir, "notes.pdf"), "%PDF-1.4 not really");
  return dir;
}

test("every bad file is quarantined or deduplicated with a reason, and the good ones are ingested", () => {
  const corpus = buildCorpus();
  const out = tempDir("bad-out");
  const r = runCli(["--corpus", corpus, "--out", out]);
  assert.equal(r.status, 0, r.stderr);
  const manifest = readTable<ManifestRow>(out, "manifest");
  const by = new Map(manifest.map((m) => [m.path, m]));
  assert.equal(manifest.length, 13, "one manifest row per file");
  const status = (p: string) => by.get(p)?.status;
  for (const p of [
    "001 原文.txt",
    "gbk.txt",
    "utf16le-bom.txt",
    "子目录 sub/utf16be 😀.txt",
    "crlf.txt",
    "page.html",
  ]) {
    assert.equal(status(p), "ingested", `${p}: ${by.get(p)?.reason}`);
  }
  assert.equal(by.get("gbk.txt")!.encoding, "gb18030");
  assert.equal(by.get("utf16le-bom.txt")!.encoding, "utf-16le");
  assert.equal(by.get("子目录 sub/utf16be 😀.txt")!.encoding, "utf-16be");
  assert.match(by.get("empty.txt")!.reason!, /empty/);
  assert.match(by.get("binary.txt")!.reason!, /binary/);
  assert.match(by.get("huge.txt")!.reason!, /size limit/);
  assert.match(by.get("english.txt")!.reason!, /Chinese/);
  assert.match(by.get("notes.pdf")!.reason!, /unsupported/);
  assert.equal(status("exact-copy.txt"), "duplicate");
  assert.match(by.get("exact-copy.txt")!.reason!, /exact duplicate of 001 原文.txt/);
  assert.equal(by.get("exact-copy.txt")!.speech_id, by.get("001 原文.txt")!.speech_id);
  assert.equal(status("zz-near-copy.md"), "duplicate");
  assert.match(by.get("zz-near-copy.md")!.reason!, /near duplicate of utf16le-bom.txt/);
  for (const m of manifest) assert.match(m.sha256, /^[0-9a-f]{64}$/);
  for (const m of manifest.filter((m) => m.status === "quarantined"))
    assert.equal(m.speech_id, null);
  // Every non-ingested file is named on stderr with what happened to it.
  for (const m of manifest.filter((m) => m.status !== "ingested"))
    assert.ok(r.stderr.includes(m.path), m.path);

  const speeches = readTable<SpeechRow>(out, "speeches");
  assert.equal(speeches.length, 6);
  const html = speeches.find((s) => s.source_file === "page.html")!;
  const sentences = readTable<{ speech_id: string; text: string }>(out, "sentences").filter(
    (s) => s.speech_id === html.speech_id,
  );
  const text = sentences.map((s) => s.text).join("");
  assert.ok(!/<script|onerror|<img|alert/.test(text), text);
  assert.match(text, /两个确立/);
  assert.equal(html.year, 2022);
  const removals = readTable<{ speech_id: string; text: string }>(out, "removals").filter(
    (r) => r.speech_id === html.speech_id,
  );
  assert.ok(removals.some((r) => r.text.includes("<script>")));
});

test("exit status: 1 when nothing can be ingested, 2 on usage errors, help documents every option", () => {
  const dir = tempDir("allbad");
  writeFileSync(join(dir, "empty.txt"), "");
  const r = runCli(["--corpus", dir, "--out", tempDir("allbad-out")]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /nothing could be ingested/);
  assert.equal(runCli(["--corpus", join(dir, "missing")]).status, 2);
  const bad = runCli(["--bogus"]);
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr.trim().split("\n").length, 2, "one-line reason plus a hint");
  const help = runCli(["--help"]);
  assert.equal(help.status, 0);
  for (const opt of ["--corpus", "--out", "--max-file-mb", "--near-duplicate", "--quiet", "--help"])
    assert.ok(help.stdout.includes(opt), opt);
});
