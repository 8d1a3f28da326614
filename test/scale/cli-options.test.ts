// The scale options of the command line: parsed, validated, defaulted.
import assert from "node:assert/strict";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parseCliArgs, parseMergeArgs, UsageError } from "../../data-loaders/cli/args.ts";

test("defaults: all cores, cache under the output folder, no shard, no timings", () => {
  const o = parseCliArgs(["--out", "o"]);
  assert.equal(o.workers, availableParallelism());
  assert.equal(o.cacheDir, join("o", ".cache"));
  assert.equal(o.shard, null);
  assert.equal(o.timings, false);
});

test("--workers, --cache, --no-cache, --shard, --timings", () => {
  const o = parseCliArgs(["--workers", "3", "--cache", "/tmp/c", "--shard", "1/4", "--timings"]);
  assert.deepEqual(
    [o.workers, o.cacheDir, o.shard, o.timings],
    [3, "/tmp/c", { index: 1, count: 4 }, true],
  );
  assert.equal(parseCliArgs(["--no-cache"]).cacheDir, null);
  for (const bad of [
    ["--workers", "0"],
    ["--workers", "1.5"],
    ["--shard", "4/4"],
    ["--shard", "x"],
    ["--no-cache", "--cache", "c"],
  ]) {
    assert.throws(() => parseCliArgs(bad), UsageError, bad.join(" "));
  }
});

test("--csv auto|all|none (default auto) and --threads", () => {
  assert.equal(parseCliArgs([]).csv, "auto");
  assert.equal(parseCliArgs([]).threads, undefined);
  assert.equal(parseCliArgs(["--csv", "all"]).csv, "all");
  assert.equal(parseCliArgs(["--csv", "none"]).csv, "none");
  assert.equal(parseCliArgs(["--threads", "3"]).threads, 3);
  for (const bad of [
    ["--csv", "some"],
    ["--threads", "0"],
    ["--threads", "x"],
  ])
    assert.throws(() => parseCliArgs(bad), UsageError, bad.join(" "));
  assert.equal(parseMergeArgs(["--out", "m", "--csv", "none", "a"]).csv, "none");
});

test("merge arguments: --out and at least one shard folder", () => {
  assert.deepEqual(parseMergeArgs(["--out", "m", "a", "b"]), {
    out: "m",
    shards: ["a", "b"],
    timings: false,
    quiet: false,
    csv: "auto",
  });
  assert.throws(() => parseMergeArgs(["a"]), UsageError);
  assert.throws(() => parseMergeArgs(["--out", "m"]), UsageError);
});

test("local token ids: vocabulary in first-appearance order, counts, sentence ends", async () => {
  const { tokensOfSentences: localTokens } =
    await import("../../data-loaders/language/tokenize.ts");
  for (const sentences of [
    [],
    [[]],
    [[], []],
    [["党建", "引领"], [], ["A", "党建"]],
    [["a\u0001b"], ["c"]],
  ]) {
    const t = localTokens(sentences);
    let start = 0;
    const back = [...t.sentenceEnds].map((end) => {
      const words = [...t.ids.subarray(start, end)].map((i) => t.vocab[i]!);
      start = end;
      return words;
    });
    assert.deepEqual(back, sentences);
    assert.deepEqual(t.vocab, [...new Set(sentences.flat())]);
    assert.deepEqual(
      [...t.counts],
      t.vocab.map((w) => sentences.flat().filter((x) => x === w).length),
    );
  }
});
