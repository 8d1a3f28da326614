// `npm run bench [-- --small]`: generates ~1,000- and ~10,000-speech corpora, runs the full data
// command on each as a child process (wall time, peak resident memory summed over its process
// tree, stage timings from --timings), the one-thread nodejieba baseline, and an incremental
// rerun after changing one file; writes BENCHMARKS.md.
import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { generateCorpus, paragraphPool } from "./generate.ts";

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
  timings: Record<string, number>;
}

/** Resident memory (MB) of a process and all its descendants (worker processes included). */
function treeRssMb(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const pid = Number(name);
      const ppid = Number(fields[1]);
      rss.set(pid, Number(fields[21]) * 4096);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total / 2 ** 20;
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
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssMb(child.pid!))), 100);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearInterval(sampler);
  const wallMs = performance.now() - t;
  if (code !== 0) throw new Error(`data command failed (${code}):\n${stderr}`);
  const line = stderr.split("\n").find((l) => l.startsWith('{"timings"'));
  return { wallMs, rssMb: peak, timings: line ? JSON.parse(line).timings : {} };
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
  const base = JSON.parse(
    spawnSync(
      process.execPath,
      ["--import", "tsx", join(root, "scripts", "bench", "baseline.ts"), dir],
      { cwd: root, encoding: "utf8" },
    ).stdout,
  ) as { ms: number };
  const full = await run(["--corpus", dir, "--out", out, "--cache", cache]);
  // Change one file and rerun with the warm cache.
  appendFileSync(
    join(dir, "speech-00000.txt"),
    "同志们，让我们更加紧密地团结在一起，奋力开创组织工作新局面。\n",
  );
  const inc = await run(["--corpus", dir, "--out", out, "--cache", cache]);
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
    `| peak RSS (full run) | ${fmt(full.rssMb, 0)} MB |`,
    `| baseline: nodejieba alone, one thread | ${fmt(base.ms / 1000)} s (${fmt(mb / (base.ms / 1000), 2)} MB/s) |`,
    `| full run / baseline | ${fmt(full.wallMs / base.ms, 2)}× |`,
    `| rerun after changing one file (cache) | ${fmt(inc.wallMs / 1000)} s = ${fmt((100 * inc.wallMs) / full.wallMs)} % of the full run, peak RSS ${fmt(inc.rssMb, 0)} MB |`,
    "",
    `Stage timings of the full run (ms; *_cpu are summed over workers): ${stages}`,
    "",
    `Stage timings of the rerun (ms): ${Object.entries(inc.timings)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ")}`,
    "",
  );
  console.error(lines.slice(-12).join("\n"));
}

const doc = `# Benchmarks

Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? "unknown CPU"}), ${fmt(totalmem() / 2 ** 30, 0)} GiB memory, Node ${process.version}.
Measured ${new Date().toISOString().slice(0, 10)} with default options (workers = available parallelism, cache on).

Reproduce: \`npm run bench\` (or \`npm run bench -- --small\` for the 1,000-speech corpus only).
Corpora are generated deterministically (seeded PRNG) from paragraphs of corpus/sample and
../shared/corpora/govreports into .cache/bench/; each size is run as a child process of the full
data command. Wall time includes process start and loading the dictionaries (main thread and
each worker). Peak RSS is the largest sum of resident memory over the data command's process tree (main
process plus worker processes), sampled every 100 ms from /proc. The baseline is
nodejieba segmenting the same text line by line on one thread, doing nothing else.

${lines.join("\n")}
## How the pipeline scales (what the numbers measure)

- Per-file work (read → clean → describe/segment/tokenize/count) runs in \`--workers N\` worker
  threads (default: all cores), each with its own nodejieba dictionary (~250 MB resident each),
  in batches; the main thread loads only the lexicon files. Outcomes are merged by path index, so
  the output is byte-identical to \`--workers 1\` (test/scale/equivalence.test.ts).
- Per-speech rows are spilled as JSON to one temp file per table and streamed back in speech_id
  order into the Parquet writer (parquet-wasm's transformParquetStream, 64 Ki-row batches = the
  row groups publish/ writes) and the CSV; no table exists as one array.
- term_stats and collocations are computed from typed arrays (interned term ids), in a worker
  thread while the main thread writes the per-speech tables. Collocation pairs are counted
  exactly, in passes over ranges of the first term sized to at most 1.5 M pairs each (no
  approximate pruning: the rows equal language/collocations.ts).
- \`--cache\` (default \`<out>/.cache\`) stores each file's outcome under
  sha256(format, pipeline version, lexicon versions and file bytes, raw file hash, path, size
  limit). The main thread serves hits itself; workers start only for misses.
- What a one-file change cannot skip: duplicate detection over all texts, the corpus-level tables
  (every rate and log-odds score depends on the whole corpus) and rewriting every output file.
  Those dominate the rerun, which is why it stays well above 5 % of the full run: the share of
  the per-file stage that is skipped is ~100 %, the rest is publishing ~17 M rows (terms,
  term_stats) of the ~100 MB corpus.
`;
writeFileSync(join(root, small ? "BENCHMARKS.small.md" : "BENCHMARKS.md"), doc);
console.error(readFileSync(join(root, small ? "BENCHMARKS.small.md" : "BENCHMARKS.md"), "utf8"));

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
