// --metadata and --exclude through the real command line, on a copy of the sample corpus with
// the debris a real corpus folder carries (README, a data file, a broken link).
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { readTable, runCli, tempDir } from "../helpers/run-cli.ts";
import { ROOT } from "../helpers/sample.ts";
import type { ManifestRow, SpeechRow } from "../../data-loaders/types.ts";

function corpusWithDebris(): string {
  const dir = join(tempDir("meta"), "corpus");
  mkdirSync(dir, { recursive: true });
  cpSync(join(ROOT, "corpus", "sample"), dir, { recursive: true });
  writeFileSync(join(dir, "README.md"), "# 讲话汇编\n\n本目录收录五篇讲话。\n");
  writeFileSync(join(dir, "sources.json"), '{"000": "http://example"}\n');
  mkdirSync(join(dir, "drafts"));
  cpSync(join(dir, "000_d108770cd218d47d.txt"), join(dir, "drafts", "old-draft.txt"));
  symlinkSync(join(dir, "missing.txt"), join(dir, "dangling.txt"));
  return dir;
}

test("--metadata and --exclude: overrides applied, bad rows named by line, skipped files in the manifest", () => {
  const corpus = corpusWithDebris();
  const csv = join(tempDir("meta-csv"), "my-metadata.csv");
  writeFileSync(
    csv,
    "文件,标题,年份,层级,地点,备注\n" +
      "001_06fcc12ac9c3bf04.txt,我的标题,2016,县,某县,第二稿\n" +
      "nope.txt,,2016,,,\n" +
      "002_2a4cd31ebcd3fa37.txt,,,村,,\n",
  );
  const out = tempDir("meta-out");
  const r = runCli([
    "--corpus",
    corpus,
    "--out",
    out,
    "--metadata",
    csv,
    "--exclude",
    "drafts/",
    "--no-cache",
  ]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /my-metadata\.csv line 3: unknown file "nope\.txt"/);
  assert.match(r.stderr, /my-metadata\.csv line 4: unknown level "村"/);

  const speeches = readTable<SpeechRow>(out, "speeches");
  assert.equal(speeches.length, 5, "README, the data file and the excluded draft are no speeches");
  const s = speeches.find((x) => x.source_file === "001_06fcc12ac9c3bf04.txt")!;
  assert.deepEqual(
    [s.title, s.year, s.year_basis, s.level],
    ["我的标题", 2016, "metadata", "county"],
  );
  const meta = JSON.parse(s.metadata!);
  assert.deepEqual(meta.given, {
    title: "我的标题",
    year: 2016,
    level: "county",
    place: "某县",
    备注: "第二稿",
  });
  assert.equal(meta.source, "my-metadata.csv");

  const manifest = new Map(readTable<ManifestRow>(out, "manifest").map((m) => [m.path, m]));
  assert.match(manifest.get("README.md")!.reason!, /not a speech/);
  assert.match(manifest.get("sources.json")!.reason!, /not a speech: \.json/);
  assert.equal(manifest.get("drafts/old-draft.txt")!.reason, "excluded by --exclude drafts/");
  assert.equal(manifest.get("dangling.txt")!.reason, "broken symbolic link");
  const json = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
  assert.deepEqual(
    json.metadata.rejected.map((x: { line: number }) => x.line),
    [3, 4],
  );
  assert.equal(json.metadata.applied[0].path, "001_06fcc12ac9c3bf04.txt");
});

test("a metadata file without a path column, or missing, is a usage error (exit 2), nothing written", () => {
  const corpus = join(ROOT, "corpus", "sample");
  const csv = join(tempDir("meta-bad"), "m.csv");
  writeFileSync(csv, "title,year\nx,2019\n");
  const r = runCli([
    "--corpus",
    corpus,
    "--out",
    tempDir("meta-bad-out"),
    "--metadata",
    csv,
    "--quiet",
  ]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no file path column/);
  const missing = runCli([
    "--corpus",
    corpus,
    "--out",
    tempDir("meta-bad-out"),
    "--metadata",
    "/nonexistent.csv",
  ]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /metadata file not found/);
});
