// Same inputs and options, byte-identical outputs, however the run is carried out: in-process
// or in worker processes, with a cold or a warm cache, and with any number of DuckDB threads.
import assert from "node:assert/strict";
import { join } from "node:path";
import { before, test } from "node:test";
import { runPipeline } from "../../data-loaders/run.ts";
import { ALL_TABLES } from "../../data-loaders/tables/index.ts";
import { digests, smallCorpus, tmp } from "./helpers.ts";

const opts = { maxBytes: 10 * 1024 * 1024, nearDuplicateThreshold: 0.9 };
let corpus: string;
let reference: Record<string, string>;

before(async () => {
  corpus = smallCorpus();
  const out = tmp("scale-ref-");
  const r = await runPipeline({ corpus, out, ...opts, workers: 1, cacheDir: null, threads: 1 });
  reference = digests(out);
  assert.equal(r.counts.duplicates, 1);
  assert.ok(r.counts.quarantined >= 2);
  // Every table as Parquet and CSV (all small here), datapackage.json and manifest.json.
  assert.equal(
    Object.keys(reference).length,
    2 * ALL_TABLES.length + 2,
    Object.keys(reference).join(", "),
  );
});

test("worker processes (2, 3) give the same files as the in-process run", async () => {
  for (const workers of [2, 3]) {
    const out = tmp(`scale-w${workers}-`);
    await runPipeline({ corpus, out, ...opts, workers, cacheDir: null, threads: 1 });
    assert.deepEqual(digests(out), reference, `--workers ${workers}`);
  }
});

test("DuckDB's thread count (1, 2, 4) does not change a byte", async () => {
  for (const threads of [2, 4]) {
    const out = tmp(`scale-t${threads}-`);
    await runPipeline({ corpus, out, ...opts, workers: 2, cacheDir: null, threads });
    assert.deepEqual(digests(out), reference, `threads ${threads}`);
  }
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
