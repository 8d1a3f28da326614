// `npm run bench [-- --small]`: generates ~1,000- and ~10,000-speech corpora, runs the full data
// command on each as a child process (wall time, peak resident memory summed over its process
// tree, stage timings from --timings), the one-thread nodejieba baseline, and an incremental
// rerun after changing one file; writes BENCHMARKS.md.
import { spawn, spawnSync } from "node:child_process";
import {
  accessSync,
  appendFileSync,
  constants,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, cpus, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { generateCorpus, paragraphPool } from "./generate.ts";
import { nodejiebaSharedTrie } from "../../data-loaders/language/jieba.ts";

/** Bytes of the files under a folder (the cache's size on disk). */
function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  return total;
}

const root = resolve(import.meta.dirname, "..", "..");
const small = process.argv.includes("--small");
const work = join(root, ".cache", "bench");
const pool = paragraphPool([
  join(root, "corpus", "sample"),
  resolve(root, "..", "shared", "corpora", "govreports"),
]);
const sizes = small ? [1000] : [1000, 10000];

interface Measured {
  wallMs: number;
  rssMb: number;
  pssMb: number;
  /** CPU time (user + system) of the whole process tree, s (see treeMemoryMb). */
  cpuS: number;
  timings: Record<string, number>;
}

/** USER_HZ: the unit of /proc/<pid>/stat's times (100 on every Linux architecture Node runs on). */
const CLOCK_TICKS = 100;

/**
 * Memory (MB) of a process and all its descendants (worker processes included): summed RSS,
 * which counts pages the processes share (the node binary, libraries) once per process, and
 * summed PSS (proportional set size: a shared page is split among its sharers), which is what
 * the tree really occupies.
 */
function treeMemoryMb(root: number): { rss: number; pss: number; cpuS: number } {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const pid = Number(name);
      const ppid = Number(fields[1]);
      rss.set(pid, Number(fields[21]) * 4096);
      // utime + stime + cutime + cstime (clock ticks): the process and its children that have
      // ended and been waited for (worker processes, once they exit, count in their parent).
      cpu.set(
        pid,
        Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]),
      );
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  let pss = 0;
  let ticks = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    ticks += cpu.get(pid) ?? 0;
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
      pss += m ? Number(m[1]) * 1024 : (rss.get(pid) ?? 0);
    } catch {
      pss += rss.get(pid) ?? 0; // no smaps_rollup (old kernel) or the process ended
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return { rss: total / 2 ** 20, pss: pss / 2 ** 20, cpuS: ticks / CLOCK_TICKS };
}

/** Whether this process may empty the page cache (root on Linux). */
function canDropCaches(): boolean {
  try {
    accessSync("/proc/sys/vm/drop_caches", constants.W_OK);
    return process.getuid?.() === 0;
  } catch {
    return false;
  }
}

/** Runs the data command; wall time, peak summed RSS of its process tree, --timings output. */
async function run(args: string[]): Promise<Measured> {
  const cli = [
    "--import",
    "tsx",
    join(root, "data-loaders", "cli.ts"),
    ...args,
    "--timings",
    "--quiet",
  ];
  const t = performance.now();
  const child = spawn(process.execPath, cli, { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  let peak = 0;
  let peakPss = 0;
  // The tree's CPU counters only grow (a worker's time moves into its parent's when it exits),
  // so the largest sum seen is the CPU time to within the last sample.
  let cpuS = 0;
  const sampler = setInterval(() => {
    const m = treeMemoryMb(child.pid!);
    peak = Math.max(peak, m.rss);
    peakPss = Math.max(peakPss, m.pss);
    cpuS = Math.max(cpuS, m.cpuS);
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearInterval(sampler);
  const wallMs = performance.now() - t;
  if (code !== 0) throw new Error(`data command failed (${code}):\n${stderr}`);
  const line = stderr.split("\n").find((l) => l.startsWith('{"timings"'));
  return {
    wallMs,
    rssMb: peak,
    pssMb: peakPss,
    cpuS,
    timings: line ? JSON.parse(line).timings : {},
  };
}

/** The one-thread nodejieba baseline (baseline.ts) on a corpus: wall and CPU ms. */
function baseline(dir: string): { ms: number; cpuMs: number } {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", join(root, "scripts", "bench", "baseline.ts"), dir],
    { cwd: root, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`baseline failed (${result.status}):\n${result.stderr}`);
  return JSON.parse(result.stdout) as { ms: number; cpuMs: number };
}

const fmt = (n: number, d = 1) => n.toFixed(d);
const lines: string[] = [];
for (const count of sizes) {
  const dir = join(work, `corpus-${count}`);
  const out = join(work, `out-${count}`);
  const cache = join(work, `cache-${count}`);
  const bytes = generateCorpus(dir, count, 20260101 + count, pool);
  const mb = bytes / 1e6;
  rmSync(out, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  // The baseline before and after the full run: on a shared machine its speed moves by tens of
  // percent within minutes, and the two bracket the full run's conditions.
  const before = baseline(dir);
  const full = await run(["--corpus", dir, "--out", out, "--cache", cache]);
  const after = baseline(dir);
  const base = { ms: (before.ms + after.ms) / 2, cpuMs: (before.cpuMs + after.cpuMs) / 2 };
  const cacheMb = folderBytes(cache) / 1e6;
  // Change one file and rerun with the warm cache.
  appendFileSync(
    join(dir, "speech-00000.txt"),
    "同志们，让我们更加紧密地团结在一起，奋力开创组织工作新局面。\n",
  );
  const inc = await run(["--corpus", dir, "--out", out, "--cache", cache]);
  // And once more with nothing changed: the outputs are up to date (pipeline/up-to-date.ts).
  const same = await run(["--corpus", dir, "--out", out, "--cache", cache]);
  if (same.timings.up_to_date !== 1) throw new Error("an unchanged rerun was not up to date");
  // The rerun a day later: one more change, with the page cache emptied first (root only).
  let cold: Measured | null = null;
  if (canDropCaches()) {
    appendFileSync(join(dir, "speech-00000.txt"), "再接再厉，久久为功。\n");
    spawnSync("sync");
    writeFileSync("/proc/sys/vm/drop_caches", "3\n");
    cold = await run(["--corpus", dir, "--out", out, "--cache", cache]);
  }
  const stages = Object.entries(full.timings)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
  lines.push(
    `### ${count} speeches, ${fmt(mb)} MB`,
    "",
    `| measure | value |`,
    `|---|---|`,
    `| full run wall time | ${fmt(full.wallMs / 1000)} s |`,
    `| throughput | ${fmt(mb / (full.wallMs / 1000), 2)} MB/s, ${fmt(count / (full.wallMs / 1000))} speeches/s |`,
    `| peak memory (full run), summed RSS / summed PSS | ${fmt(full.rssMb, 0)} MB / ${fmt(full.pssMb, 0)} MB |`,
    `| baseline: nodejieba alone, one thread, before / after the full run | ${fmt(before.ms / 1000)} s / ${fmt(after.ms / 1000)} s (mean ${fmt(mb / (base.ms / 1000), 2)} MB/s) |`,
    `| full run / baseline (mean; range over the two) | ${fmt(full.wallMs / base.ms, 2)}× (${fmt(full.wallMs / Math.max(before.ms, after.ms), 2)}–${fmt(full.wallMs / Math.min(before.ms, after.ms), 2)}×) |`,
    `| full run CPU time, process tree / baseline CPU time | ${fmt(full.cpuS)} s = ${fmt((1000 * full.cpuS) / base.cpuMs, 2)}× (${fmt((100 * full.cpuS * 1000) / full.wallMs / availableParallelism(), 0)} % of ${availableParallelism()} cores busy) |`,
    `| rerun after changing one file (cache) | ${fmt(inc.wallMs / 1000)} s = ${fmt((100 * inc.wallMs) / full.wallMs)} % of the full run, peak RSS ${fmt(inc.rssMb, 0)} MB (PSS ${fmt(inc.pssMb, 0)} MB) |`,
    `| rerun after changing one file, page cache emptied first (\`drop_caches\`) | ${cold ? `${fmt(cold.wallMs / 1000)} s = ${fmt((100 * cold.wallMs) / full.wallMs)} % of the full run (cache-hit phase ${fmt(cold.timings.per_file_wall! / 1000)} s)` : "not measured (needs root)"} |`,
    `| rerun with nothing changed (outputs up to date) | ${fmt(same.wallMs / 1000)} s = ${fmt((100 * same.wallMs) / full.wallMs)} % of the full run |`,
    `| cache on disk after the full run | ${fmt(cacheMb, 0)} MB (${fmt(cacheMb / mb)}× the corpus) |`,
    "",
    `Stage timings of the full run (ms; *_cpu are summed over workers): ${stages}`,
    "",
    `Stage timings of the rerun (ms): ${Object.entries(inc.timings)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ")}`,
    "",
  );
  console.error(lines.slice(-15).join("\n"));
}

const doc = `# Benchmarks

Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? "unknown CPU"}), ${fmt(totalmem() / 2 ** 30, 0)} GiB memory, Node ${process.version}.
Measured ${new Date().toISOString().slice(0, 10)} with default options (workers = available parallelism, cache on).
nodejieba build: ${nodejiebaSharedTrie() ? "patched at install (scripts/setup/patch-nodejieba.mjs: one dictionary trie per process)" : "NOT patched (its TextRank extractor holds a second dictionary trie: ~110 MB more per process)"}.

Reproduce: \`npm run bench\` (or \`npm run bench -- --small\` for the 1,000-speech corpus only).
Corpora are generated deterministically (seeded PRNG) from paragraphs of corpus/sample and
../shared/corpora/govreports into .cache/bench/; each size is run as a child process of the full
data command. Wall time includes process start and loading the dictionaries (main thread and
each worker). Peak memory is sampled every 100 ms from /proc over the data command's process tree
(main process plus worker processes) as the largest sum of RSS and, more faithfully, of PSS
(shared pages such as the node binary split among the processes sharing them). The baseline is
nodejieba segmenting the same text line by line on one thread, doing nothing else.

${lines.join("\n")}
## How the pipeline scales (what the numbers measure)

- Per-file work (read → clean → describe/segment/tokenize/count, MinHash signature, and encoding
  the speech's rows for publishing) runs in \`--workers N\` worker processes (default: all cores),
  each with its own nodejieba dictionary, in batches; the main process loads only the lexicon
  files. Outcomes are merged by path index, so the output is byte-identical to \`--workers 1\`
  (test/scale/equivalence.test.ts).
- nodejieba is rebuilt at install with its TextRank extractor sharing the segmenter's dictionary
  trie (scripts/setup/patch-nodejieba.mjs; same tokens and tags): ~110 MB per process before any
  text, instead of ~220 MB with the two tries the published build makes. The same patch adds
  \`cutLengths(text)\`: the tokens' UTF-16 lengths as an Int32Array, which the tokenizer slices
  out of the text, instead of a JS string made in C++ per token (~30 % of cut()'s time on speech
  sentences; same words, checked against cut() in test/language/segmenter.test.ts). The baseline
  below still calls plain \`cut\`. A speech's sentences are tokenized in one call with
  speech-local word ids; the tags of words not seen before come from one \`tag()\` of them
  joined by newlines.
- Each worker writes a speech's bulky parts to one speech-store file
  (data-loaders/pipeline/speech-store.ts): the cleaned text, and per table its rows as binary
  columns (UTF-8 bytes + lengths, typed arrays: column-blocks.ts) and its CSV lines. That file is
  the cache entry (or lives in a temp folder with \`--no-cache\`). Only the compact outcome (speech
  row, MinHash signature, token ids with a speech-local vocabulary) crosses to the main process.
- Publishing reads each speech's parts back by offset in speech_id order. In the per-speech
  tables every Parquet row group holds whole speeches and ends where the speeches' ids say
  (content-defined, ~64 Ki rows on average: data-loaders/publish/row-groups.ts); each group is
  encoded alone (binary columns regrouped into one Arrow batch for parquet-wasm) and the groups are
  joined by data-loaders/publish/parquet-splice.ts, which lays out the footer and page indexes
  again (joined at 64 Ki rows, the bytes equal arrow-rs's own file: tested). The CSV is byte
  concatenation. No table exists as one array.
- term_stats and collocations are computed from typed arrays (corpus-interned term ids, in
  shared memory) while the main thread writes the per-speech tables, rows written straight into
  binary blocks (pipeline/block-builder.ts). A worker thread, started before duplicate detection,
  takes term_stats first; whichever thread is free next takes collocations (pipeline/
  corpus-tasks.ts: on a rerun the main thread's writes end early, so the two tables are computed
  side by side). Once both are taken, the worker encodes the per-speech tables' row groups into
  the group cache from the last one backwards while the main thread writes from the first,
  copying what the worker encoded (a shared claim per group; on a cold run the worker encodes
  ~20–25 % of them). Which thread computes or encodes what changes no byte (tested).
  term_stats keeps, per speech, its 50 most distinctive
  terms (bounded heap; the terms table holds every per-speech count). Collocation pairs are
  counted exactly from an inverted index of sentences, one first term at a time in a dense
  counter, identical sentences once with their count (the rows equal language/collocations.ts).
- \`--cache\` (default \`<out>/.cache\`) keys each speech-store file by sha256(format, pipeline
  version, lexicon versions and file bytes, raw file hash, path, size limit). The main process
  serves hits itself (one read of the entry's header and raw typed-array block); workers start
  only for misses. An input is read and hashed only when its status (device, inode, size,
  modification and change time) differs from the one recorded when it was last hashed, or that
  record is too close to the file's last change to rule out an unseen edit (\`inputs/\`, as git's
  index does: pipeline/input-digests.ts). When the first 64 entry reads show a cold page cache,
  the next 256 entries are kept requested ahead through libuv's thread pool
  (pipeline/page-warmer.ts). Duplicate detection uses the cached
  MinHash signatures and re-shingles only LSH candidate pairs it has not verified before
  (\`dedupe/similarities.json\`: exact Jaccard by the two texts' digests; at 10,000 speeches a
  rerun's duplicate detection 1.3 → 0.4 s). Beside the entries, \`groups/\` keeps
  every encoded row group with its CSV lines, keyed by the store keys of its speeches: a rerun
  copies the unchanged ones and prunes those it no longer uses. Everything is stored
  uncompressed (compression cost more CPU than anything else per speech), hence the size above:
  the speech store (~11× the corpus) plus about one copy of the per-speech outputs.
- What a one-file change still costs: processing that file (starting a worker and its
  dictionary), re-encoding the one or two row groups per table that hold it, copying the rest of
  every output file (hashing it for datapackage.json), and recomputing term_stats and
  collocations, because every rate, log-odds z and PMI depends on the whole corpus.
`;
// Sections this run does not measure (the dashboard's, earlier runs kept for comparison) stay:
// everything from the first "### Dashboard" or "## Earlier" heading on is carried over.
const file = join(root, small ? "BENCHMARKS.small.md" : "BENCHMARKS.md");
const previous = (() => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
})();
const kept = /^(### Dashboard|## Earlier)/m.exec(previous);
writeFileSync(file, kept ? `${doc}\n${previous.slice(kept.index)}` : doc);
console.error(doc);

// `--dashboard`: then measure the dashboard built on each output (scripts/bench/dashboard.ts),
// which appends its table to the file just written.
if (process.argv.includes("--dashboard")) {
  const args = [
    "--import",
    "tsx",
    join(root, "scripts", "bench", "dashboard.ts"),
    "--sizes",
    sizes.join(","),
  ];
  if (small) args.push("--file", "BENCHMARKS.small.md");
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`dashboard benchmark failed (exit ${result.status})`);
}
