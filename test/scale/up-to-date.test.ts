// A rerun with nothing changed stops after the cache (pipeline/up-to-date.ts), and anything that
// could change an output makes it write everything again: an input, an option, a published file
// edited or deleted, --rebuild.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { runPipeline, type RunOptions } from "../../data-loaders/run.ts";
import { digests, smallCorpus, tmp } from "./helpers.ts";

test("an unchanged rerun is up to date; any change that matters writes again", async () => {
  const corpus = smallCorpus();
  const out = tmp("scale-utd-");
  const cacheDir = join(tmp("scale-utd-cache-"), "c");
  const base: RunOptions = {
    corpus,
    out,
    maxBytes: 10 * 1024 * 1024,
    nearDuplicateThreshold: 0.9,
    workers: 1,
    cacheDir,
  };
  const run = async (extra: Partial<RunOptions> = {}) => {
    let timings: Record<string, number> = {};
    const r = await runPipeline({ ...base, ...extra, onTimings: (t) => (timings = t) });
    return { r, timings };
  };
  const mtimes = () =>
    Object.fromEntries(readdirSync(out).map((f) => [f, statSync(join(out, f)).mtimeMs]));

  const first = await run();
  assert.equal(first.r.upToDate, false);
  const written = digests(out);
  const writtenAt = mtimes();

  const again = await run();
  assert.equal(again.r.upToDate, true);
  assert.equal(again.timings.up_to_date, 1);
  assert.equal(again.timings.write_terms, undefined, "nothing written");
  assert.deepEqual(again.r.manifest, first.r.manifest);
  assert.deepEqual(again.r.outputs, first.r.outputs);
  assert.deepEqual(again.r.counts, first.r.counts);
  assert.deepEqual(mtimes(), writtenAt, "files untouched");

  const rebuilt = await run({ rebuild: true });
  assert.equal(rebuilt.r.upToDate, false);
  assert.deepEqual(digests(out), written);
  assert.equal((await run()).r.upToDate, true, "a rebuild leaves a fresh stamp");

  // A published file edited, or deleted: written again.
  appendFileSync(join(out, "speeches.csv"), "x");
  assert.equal((await run()).r.upToDate, false);
  assert.deepEqual(digests(out), written);
  rmSync(join(out, "datapackage.json"));
  assert.equal((await run()).r.upToDate, false);
  assert.deepEqual(digests(out), written);

  // An option that shapes the output.
  assert.equal((await run({ nearDuplicateThreshold: 0.95 })).r.upToDate, false);
  assert.equal((await run({ nearDuplicateThreshold: 0.95 })).r.upToDate, true);
  assert.equal((await run()).r.upToDate, false);

  // Another output folder has its own stamp.
  const elsewhere = tmp("scale-utd-other-");
  assert.equal((await run({ out: elsewhere })).r.upToDate, false);
  assert.deepEqual(digests(elsewhere), written);
  assert.equal((await run()).r.upToDate, true);

  // An input changed.
  const gen = join(corpus, "gen");
  appendFileSync(join(gen, readdirSync(gen).sort()[0]!), "同志们，让我们团结起来。\n");
  const changed = await run();
  assert.equal(changed.r.upToDate, false);
  assert.notDeepEqual(digests(out), written);
  assert.equal((await run()).r.upToDate, true);

  // No cache: never skipped.
  assert.equal((await run({ cacheDir: null })).r.upToDate, false);
});
