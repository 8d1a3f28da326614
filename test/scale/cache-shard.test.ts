// Cache invalidation and sharding: a changed file or lexicon is never served from the cache, and
// three shards merged give the same files as one run.
import assert from "node:assert/strict";
import {
  appendFileSync,
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { SpeechCache } from "../../data-loaders/pipeline/cache.ts";
import type { CompactOutcome } from "../../data-loaders/pipeline/file-work.ts";
import { contextFingerprint, LEXICON_DIR } from "../../data-loaders/pipeline/fingerprint.ts";
import { mergeShards } from "../../data-loaders/pipeline/merge.ts";
import {
  OUTCOMES_FILE,
  parseShard,
  SHARD_DIR,
  shardOf,
} from "../../data-loaders/pipeline/shard.ts";
import { runPipeline } from "../../data-loaders/run.ts";
import { listCorpusFiles } from "../../data-loaders/ingest/list-files.ts";
import { processCorpusFiles } from "../../data-loaders/pipeline/pool.ts";
import { digests, smallCorpus, tmp } from "./helpers.ts";

const opts = { maxBytes: 10 * 1024 * 1024, nearDuplicateThreshold: 0.9 };

/** A plain run without a cache, in-process: what every other way of running must equal. */
async function freshRun(corpus: string): Promise<string> {
  const out = tmp("scale-fresh-");
  await runPipeline({ corpus, out, ...opts, workers: 1, cacheDir: null });
  return out;
}

test("a changed file is recomputed, the rest served from the cache, output as a fresh run", async () => {
  const corpus = smallCorpus();
  // A near copy (one line edited) makes a near-duplicate candidate pair for the second run.
  const sample = readdirSync(corpus).filter((f) => f.endsWith(".txt") && !f.startsWith("zz"));
  const lines = readFileSync(join(corpus, sample[1]!), "utf8").split("\n");
  const longest = lines.reduce((best, l, i) => (l.length > lines[best]!.length ? i : best), 0);
  lines[longest] = lines[longest]!.slice(0, lines[longest]!.length / 2) + "要认真抓好贯彻落实。";
  writeFileSync(join(corpus, "near-copy.txt"), lines.join("\n"));
  const cacheDir = join(tmp("scale-cache-"), "c");
  await runPipeline({ corpus, out: tmp("scale-a-"), ...opts, workers: 1, cacheDir });
  const changed = readdirSync(join(corpus, "gen"))[0]!;
  appendFileSync(
    join(corpus, "gen", changed),
    "同志们，让我们更加紧密地团结起来，奋力开创新局面。\n",
  );
  let hits = -1;
  let reused = -1;
  let pairs = { reused: -1, computed: -1 };
  const out = tmp("scale-b-");
  const r = await runPipeline({
    corpus,
    out,
    ...opts,
    workers: 1,
    cacheDir,
    onTimings: (t) => {
      hits = t.cache_hits!;
      reused = t.similarities_reused!;
      pairs = { reused: t.reuse_pairs_reused!, computed: t.reuse_pairs_computed! };
    },
  });
  assert.equal(hits, r.counts.ingested + r.counts.duplicates - 1);
  // Near-duplicate candidates met in the first run are not verified again.
  assert.ok(reused > 0, `${reused} similarities reused`);
  // Text-reuse pairs of unchanged speeches come from the pair cache (reuse-memo.ts): only the
  // changed speech's pairs are aligned again, at most one with each other speech.
  assert.ok(pairs.reused > 0, `${pairs.reused} reuse pairs reused`);
  assert.ok(pairs.computed < r.counts.ingested, `${pairs.computed} reuse pairs aligned`);
  assert.deepEqual(digests(out), digests(await freshRun(corpus)));
});

test("worker processes with a cache: the first miss starts a worker during the lookups; same files", async () => {
  const corpus = smallCorpus();
  const cacheDir = join(tmp("scale-cache2-"), "c");
  await runPipeline({ corpus, out: tmp("scale-c-"), ...opts, workers: 2, cacheDir });
  // The first file in path order changes: its miss comes first, the hits after it.
  const first = (await listCorpusFiles(corpus))[0]!;
  appendFileSync(join(corpus, first), "同志们，让我们更加紧密地团结起来，奋力开创新局面。\n");
  const out = tmp("scale-d-");
  let hits = -1;
  const r = await runPipeline({
    corpus,
    out,
    ...opts,
    workers: 2,
    cacheDir,
    onTimings: (t) => (hits = t.cache_hits!),
  });
  assert.equal(hits, r.counts.ingested + r.counts.duplicates - 1);
  assert.deepEqual(digests(out), digests(await freshRun(corpus)));
});

test("a worker that fails is a clear error, not a hang", async () => {
  const corpus = smallCorpus();
  // The entry store is a file, not a folder: every worker fails to write its first speech.
  const storeDir = join(tmp("scale-store-"), "not-a-folder");
  writeFileSync(storeDir, "");
  await assert.rejects(
    processCorpusFiles(
      await listCorpusFiles(corpus),
      { root: corpus, maxBytes: opts.maxBytes, storeDir, cacheDir: null, workers: 2 },
      { versions: {}, full: () => assert.fail("no in-process context with workers") },
      () => {},
    ),
    /worker failed/,
  );
});

test("any change to a lexicon file changes the fingerprint, so every cache key", () => {
  const lex = tmp("scale-lex-");
  cpSync(LEXICON_DIR, lex, { recursive: true });
  const versions = { pipeline: "x", formulations: "1" };
  const before = contextFingerprint(versions, lex);
  assert.equal(contextFingerprint(versions, lex), before, "deterministic");
  appendFileSync(join(lex, "stopwords.txt"), "\n某词\n");
  const after = contextFingerprint(versions, lex);
  assert.notEqual(after, before);
  assert.notEqual(
    contextFingerprint({ ...versions, formulations: "2" }, lex),
    after,
    "a version bump alone also counts",
  );
  const parts = { path: "a.txt", maxBytes: 1, raw: "00" };
  assert.notEqual(
    new SpeechCache("/nonexistent", before).key(parts),
    new SpeechCache("/nonexistent", after).key(parts),
  );
});

test("an entry is complete or absent: torn, foreign or half-written entries are not trusted; prune", () => {
  const dir = tmp("scale-torn-");
  const cache = new SpeechCache(dir, "f");
  const key = cache.key({ path: "a", maxBytes: 1, raw: "r" });
  const compact = { kind: "readable", path: "a", speechId: "s1" } as unknown as CompactOutcome;
  const put = cache.put(key, compact, "正文", '{"speech_id":"s1"}');
  const got = cache.get(key);
  assert.equal(got?.path, "a", "an intact entry reads back");
  assert.equal(readFileSync(got!.entry.text, "utf8"), "正文");
  assert.equal(readFileSync(got!.entry.parts, "utf8"), '{"speech_id":"s1"}');
  const bytes = readFileSync(put.entry.outcome);
  writeFileSync(put.entry.outcome, bytes.subarray(0, bytes.length - 1)); // cut short
  assert.equal(cache.get(key), null);
  writeFileSync(put.entry.outcome, '{"kind":"quarantined"}');
  assert.equal(cache.get(key), null, "well-formed, but not a readable outcome");
  // The outcome file is written last: without it the entry does not exist.
  rmSync(put.entry.outcome);
  assert.equal(cache.get(key), null);
  // Pruning keeps the named entries and removes the others and stray temporary files.
  const other = cache.key({ path: "b", maxBytes: 1, raw: "r" });
  cache.put(key, compact, "正文", "{}");
  cache.put(other, compact, "正文", "{}");
  writeFileSync(`${cache.files(key).parts}.123.tmp`, "torn");
  assert.equal(cache.prune(new Set([key])), 1);
  assert.ok(cache.get(key));
  assert.equal(cache.get(other), null);
  assert.ok(!existsSync(cache.files(other).parts) && !existsSync(cache.files(other).text));
  assert.ok(!existsSync(`${cache.files(key).parts}.123.tmp`));
});

test("shard assignment is a deterministic partition; --shard parsing", () => {
  const paths = Array.from({ length: 300 }, (_, i) => `dir/file-${i}.txt`);
  const counts = [0, 0, 0];
  for (const p of paths) counts[shardOf(p, 3)]!++;
  assert.ok(
    counts.every((c) => c > 50),
    `balanced enough: ${counts}`,
  );
  assert.deepEqual(
    paths.map((p) => shardOf(p, 3)),
    paths.map((p) => shardOf(p, 3)),
  );
  assert.deepEqual(parseShard("2/3"), { index: 2, count: 3 });
  assert.equal(parseShard("3/3"), null);
  assert.equal(parseShard("a/3"), null);
});

test("3 shards merged equal a single run, and hive partitions are written", async () => {
  const corpus = smallCorpus();
  const single = await freshRun(corpus);
  const shards = [0, 1, 2].map(() => tmp("scale-shard-"));
  for (const [i, out] of shards.entries()) {
    await runPipeline({
      corpus,
      out,
      ...opts,
      workers: 1,
      cacheDir: null,
      shard: { index: i, count: 3 },
    });
  }
  const merged = tmp("scale-merged-");
  await mergeShards({ out: merged, shards });
  assert.deepEqual(digests(merged), digests(single));
  const years = readdirSync(join(merged, "hive", "speeches"));
  assert.ok(
    years.length >= 2 && years.every((y) => /^year=(\d{4}|unknown)$/.test(y)),
    years.join(","),
  );
  for (const y of years)
    assert.ok(existsSync(join(merged, "hive", "sentences", y, "data_0.parquet")), y);
  await assert.rejects(
    mergeShards({ out: tmp("scale-bad-"), shards: shards.slice(0, 2) }),
    /exactly once/,
  );
  // A shard file cut short (a copy interrupted) is refused, not merged without its last record.
  const outcomes = join(shards[2]!, SHARD_DIR, OUTCOMES_FILE);
  const bytes = readFileSync(outcomes);
  writeFileSync(outcomes, bytes.subarray(0, bytes.length - 3));
  await assert.rejects(
    mergeShards({ out: tmp("scale-bad-"), shards }),
    /ends inside a record \(truncated shard\?\)/,
  );
});
