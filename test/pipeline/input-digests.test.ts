// The input digests let a rerun skip reading unchanged files, and must never vouch for a file
// whose bytes changed: a different status (ctime included, which no tool sets back) or a change
// too close to the read (the racy case) means the file is read and hashed again.
import assert from "node:assert/strict";
import { appendFileSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { listCorpusFiles } from "../../data-loaders/ingest/list-files.ts";
import { loadContext } from "../../data-loaders/pipeline/context.ts";
import type { FileOutcome } from "../../data-loaders/pipeline/file-work.ts";
import {
  InputDigests,
  RACY_MS,
  statusOf,
  trusted,
} from "../../data-loaders/pipeline/input-digests.ts";
import { processCorpusFiles } from "../../data-loaders/pipeline/pool.ts";
import { smallCorpus, tmp } from "../scale/helpers.ts";

const DIGEST = "a".repeat(64);

test("an entry vouches only for the same status, read well after the file last changed", () => {
  const status = ["1", "2", "300", "1700000000123456789", "1700000000123456789"] as [
    string,
    string,
    string,
    string,
    string,
  ];
  const ctimeMs = 1700000000123;
  const entry = (readAt: number) => [...status, readAt, DIGEST] as Parameters<typeof trusted>[0];
  assert.ok(trusted(entry(ctimeMs + RACY_MS), status, RACY_MS));
  assert.ok(!trusted(entry(ctimeMs + RACY_MS - 1), status, RACY_MS), "racy: read too soon");
  for (let i = 0; i < 5; i++) {
    const other = [...status] as typeof status;
    other[i] = `${other[i]}1`;
    assert.ok(!trusted(entry(ctimeMs + RACY_MS), other, RACY_MS), `field ${i} differs`);
  }
});

test("a missing, damaged or foreign memo file vouches for nothing", () => {
  const dir = tmp("digests-bad-");
  const file = join(dir, "f.txt");
  writeFileSync(file, "x");
  const good = (entry: unknown) => JSON.stringify({ format: 1, files: { "f.txt": entry } });
  const status = statusOf(statSync(file, { bigint: true }));
  const valid = [...status, Date.now() + 10 * RACY_MS, DIGEST];
  const memo = join(dir, "memo.json");
  writeFileSync(memo, good(valid));
  assert.equal(new InputDigests(memo).digest("f.txt", file), DIGEST, "the valid one is read");
  for (const body of [
    "{not json",
    good([...status, 5, "not-a-digest"]),
    good([...status.slice(0, 4), Date.now(), DIGEST]),
    JSON.stringify({ format: 99, files: { "f.txt": valid } }),
    "null",
  ]) {
    writeFileSync(memo, body);
    assert.equal(new InputDigests(memo).digest("f.txt", file), null, body);
  }
  assert.equal(new InputDigests(join(dir, "none.json")).digest("f.txt", file), null);
});

/** One pass of the per-file phase with a cache, its outcomes by path. */
async function pass(corpus: string, cacheDir: string, racyMs: number) {
  const paths = await listCorpusFiles(corpus);
  const outcomes = new Map<string, FileOutcome>();
  const timings = await processCorpusFiles(
    paths,
    { root: corpus, maxBytes: 10 * 1024 * 1024, cacheDir, storeDir: cacheDir, workers: 1, racyMs },
    { versions: loadContext().versions, full: loadContext },
    (i, outcome) => void outcomes.set(paths[i]!, outcome),
  );
  return { paths, outcomes, timings };
}

/** What an outcome says of its file: the speech row, or the quarantine row. */
const speechOf = (o: FileOutcome | undefined) =>
  o?.kind === "readable" ? { ...o.speech } : o?.kind === "quarantined" ? o.row : assert.fail();

test("a rerun takes unchanged files' digests from the memo; an edit that keeps size and mtime is read", async () => {
  const corpus = smallCorpus();
  const cacheDir = join(tmp("digests-cache-"), "c");
  // The file edited below gets a whole-second mtime, which utimes can set back exactly.
  const path = (await listCorpusFiles(corpus)).find((p) => p.startsWith("gen/"))!;
  const file = join(corpus, path);
  const second = Math.floor(Date.now() / 1000) - 60;
  utimesSync(file, second, second);
  const first = await pass(corpus, cacheDir, 0);
  assert.equal(first.timings.cacheHits, 0);
  assert.equal(first.timings.digestsReused, 0);

  const again = await pass(corpus, cacheDir, 0);
  const n = first.paths.length;
  assert.equal(again.timings.digestsReused, n, "every file vouched for");
  // Quarantined files have no entry: they are read again each time (and reported again).
  const readable = [...first.outcomes.values()].filter((o) => o.kind === "readable").length;
  assert.ok(readable >= n - 3);
  assert.equal(again.timings.cacheHits, readable);
  for (const p of first.paths)
    assert.deepEqual(speechOf(again.outcomes.get(p)), speechOf(first.outcomes.get(p)));

  // Same length, same modification time, other bytes: only the change time shows it.
  const before = statSync(file, { bigint: true });
  const text = readFileSync(file, "utf8");
  await sleep(30); // past the file system's timestamp tick
  writeFileSync(file, text.replace("要", "抓"));
  utimesSync(file, second, second);
  const after = statSync(file, { bigint: true });
  assert.equal(after.size, before.size);
  assert.equal(after.mtimeNs, before.mtimeNs);
  assert.notEqual(after.ctimeNs, before.ctimeNs);
  const edited = await pass(corpus, cacheDir, 0);
  assert.equal(edited.timings.digestsReused, n - 1);
  assert.equal(edited.timings.cacheHits, readable - 1, "the edited file is processed again");
  assert.notDeepEqual(speechOf(edited.outcomes.get(path)), speechOf(first.outcomes.get(path)));

  // With the default window, a file changed just before its read is never vouched for.
  appendFileSync(file, "再接再厉。\n");
  await pass(corpus, cacheDir, RACY_MS);
  const soon = await pass(corpus, cacheDir, RACY_MS);
  assert.ok(soon.timings.digestsReused! < n, "the file just written is read again");
  assert.equal(soon.timings.cacheHits, readable);
});
