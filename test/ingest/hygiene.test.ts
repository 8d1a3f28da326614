import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { globToRegExp, notASpeech } from "../../data-loaders/ingest/hygiene.ts";
import { listCorpus, listCorpusFiles } from "../../data-loaders/ingest/list-files.ts";

test("notASpeech: housekeeping names and data or code files, by exact name", () => {
  for (const p of ["README.md", "sub/readme.txt", "LICENSE", "License.txt", "README.zh.md"])
    assert.match(notASpeech(p)!, /housekeeping/, p);
  for (const p of ["SOURCES.tsv", "meta.json", "x.csv", "scrape.py", "notes.yaml"])
    assert.match(notASpeech(p)!, /data or code file/, p);
  for (const p of [
    "gov_report_1954.txt",
    "readme-讲话.txt",
    "讲话.md",
    "speech.docx",
    "license2019讲话.txt",
  ])
    assert.equal(notASpeech(p), null, p);
});

test("globToRegExp: * and ? within a segment, ** across, bare names at any depth, folder/", () => {
  const m = (glob: string, path: string) => globToRegExp(glob).test(path);
  assert.ok(m("*.txt", "a.txt") && m("*.txt", "deep/er/a.txt"));
  assert.ok(!m("drafts/*.txt", "drafts/x/a.txt") && m("drafts/**/*.txt", "drafts/x/a.txt"));
  assert.ok(m("drafts/**/*.txt", "drafts/a.txt"));
  assert.ok(m("drafts/", "drafts/x/a.txt") && !m("drafts/", "other/drafts.txt"));
  assert.ok(
    m("gov_report_19[56]?.txt", "gov_report_1954.txt") &&
      !m("gov_report_19[56]?.txt", "gov_report_1974.txt"),
  );
  assert.ok(m("草稿*", "二〇一九/草稿一.txt") && !m("a.txt", "ba.txt"));
});

let root = "";
let outside = "";
before(async () => {
  root = await mkdtemp(join(tmpdir(), "atlas-hygiene-"));
  outside = await mkdtemp(join(tmpdir(), "atlas-outside-"));
  const put = async (rel: string, text = "同志们：今天的会议很重要。") => {
    await mkdir(join(root, rel, ".."), { recursive: true });
    await writeFile(join(root, rel), text);
  };
  await put("a.txt");
  await put("README.md", "# 说明");
  await put("SOURCES.tsv", "path\tsource");
  await put("drafts/old.txt");
  await put("sub/b.txt");
  await put("metadata.csv", "path,year\na.txt,2019\n");
  await writeFile(join(outside, "secret.txt"), "外面的文件");
  await mkdir(join(outside, "dir"));
  await symlink(join(root, "a.txt"), join(root, "link-a.txt"));
  await symlink(join(root, "nowhere.txt"), join(root, "broken.txt"));
  await symlink(join(outside, "secret.txt"), join(root, "out.txt"));
  await symlink(join(outside, "dir"), join(root, "out-dir"));
  await symlink(root, join(root, "sub", "up")); // a loop back to the root
  await symlink(join(root, "sub"), join(root, "sub-again")); // the same folder a second time
  await symlink("self", join(root, "self")); // a link to itself
});

after(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

test("listCorpus: every entry accounted for; skipped ones with their reason", async () => {
  const { paths, skipped } = await listCorpus(root, {
    exclude: ["drafts/"],
    metadataFile: "metadata.csv",
  });
  assert.deepEqual(paths, [
    "README.md",
    "SOURCES.tsv",
    "a.txt",
    "broken.txt",
    "drafts/old.txt",
    "link-a.txt",
    "metadata.csv",
    "out-dir",
    "out.txt",
    "self",
    "sub-again", // code-point order: "-" before "/"
    "sub/b.txt",
    "sub/up",
  ]);
  const reasons = Object.fromEntries([...skipped].map(([p, row]) => [p, row.reason]));
  assert.deepEqual(reasons, {
    "README.md": "not a speech: README.md is a housekeeping file (README, LICENSE, …)",
    "SOURCES.tsv": "not a speech: .tsv is a data or code file",
    "broken.txt": "broken symbolic link",
    "drafts/old.txt": "excluded by --exclude drafts/",
    "metadata.csv": "metadata file (applied to the speeches it names; see manifest.json metadata)",
    "out-dir": "symlink outside corpus root",
    "out.txt": "symlink outside corpus root",
    self: "symbolic link loop",
    "sub/up": "symbolic link loop (points to a folder that contains it)",
    "sub-again": "symbolic link to a folder already read (sub)",
  });
  for (const row of skipped.values()) {
    assert.equal(row.status, "quarantined");
    assert.equal(row.speech_id, null);
  }
  // Skipped files are still identified by their bytes; links that lead nowhere have none.
  assert.match(skipped.get("README.md")!.sha256, /^[0-9a-f]{64}$/);
  assert.equal(skipped.get("README.md")!.bytes, Buffer.byteLength("# 说明"));
  assert.equal(skipped.get("broken.txt")!.sha256, "");
  assert.deepEqual(await listCorpusFiles(root, { exclude: ["drafts/"] }), [
    "a.txt",
    "link-a.txt",
    "sub/b.txt",
  ]);
});

test("listCorpus: a linked folder inside the corpus is read once, under the link's name", async () => {
  const linked = await mkdtemp(join(tmpdir(), "atlas-linked-"));
  try {
    await mkdir(join(linked, "real", "deep"), { recursive: true });
    await writeFile(join(linked, "real", "deep", "x.txt"), "讲话");
    await mkdir(join(linked, "corpus"));
    await symlink(join(linked, "real"), join(linked, "corpus", "real-link")); // outside: refused
    await mkdir(join(linked, "corpus", ".hidden"));
    await writeFile(join(linked, "corpus", ".hidden", "y.txt"), "讲话");
    await symlink(join(linked, "corpus", ".hidden"), join(linked, "corpus", "shown"));
    const { paths, skipped } = await listCorpus(join(linked, "corpus"));
    assert.deepEqual(paths, ["real-link", "shown/y.txt"]);
    assert.deepEqual([...skipped.keys()], ["real-link"]);
  } finally {
    await rm(linked, { recursive: true, force: true });
  }
});
