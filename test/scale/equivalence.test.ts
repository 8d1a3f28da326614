// The scalable run (worker pool, spill files, streaming writers, compact term_stats and
// collocations) publishes byte-identical files to the plain in-process pipeline.
import assert from "node:assert/strict";
import { join } from "node:path";
import { before, test } from "node:test";
import { runPipeline } from "../../data-loaders/run.ts";
import { digests, smallCorpus, tmp } from "./helpers.ts";
import { referenceRun } from "./reference-run.ts";

const opts = { maxBytes: 10 * 1024 * 1024, nearDuplicateThreshold: 0.9 };
let corpus: string;
let reference: Record<string, string>;

before(async () => {
  corpus = smallCorpus();
  const out = tmp("scale-ref-");
  await referenceRun(corpus, out);
  reference = digests(out);
});

test("in-process run (workers = 1, no cache) equals the reference byte for byte", async () => {
  const out = tmp("scale-w1-");
  const r = await runPipeline({ corpus, out, ...opts, workers: 1, cacheDir: null });
  assert.deepEqual(digests(out), reference);
  assert.equal(r.counts.duplicates, 1);
  assert.ok(r.counts.quarantined >= 2);
  assert.ok(Object.keys(reference).length >= 28);
});

test("a pool of 2 worker threads gives the same files", async () => {
  const out = tmp("scale-w2-");
  await runPipeline({ corpus, out, ...opts, workers: 2, cacheDir: null });
  assert.deepEqual(digests(out), reference);
});

test("cold and warm cache give the same files, and the warm run hits for every speech", async () => {
  const cacheDir = join(tmp("scale-cache-"), "c");
  const cold = tmp("scale-cold-");
  const warm = tmp("scale-warm-");
  let hits = -1;
  await runPipeline({ corpus, out: cold, ...opts, workers: 1, cacheDir });
  const r = await runPipeline({
    corpus,
    out: warm,
    ...opts,
    workers: 2,
    cacheDir,
    onTimings: (t) => (hits = t.cache_hits!),
  });
  assert.deepEqual(digests(cold), reference);
  assert.deepEqual(digests(warm), reference);
  assert.equal(hits, r.counts.ingested + r.counts.duplicates);
});
