// `npm run bench [-- --small] [--sizes 1000,10000] [--old <git rev> | --no-old] [--dashboard]`:
// generates ~1,000- and ~10,000-speech corpora and measures, side by side, this checkout and an
// older commit of the pipeline (built from git in a temporary worktree that shares this
// checkout's node_modules; default: the last commit before DuckDB became the table engine). For
// each: the full data command as a child process (wall time, peak memory of its process tree,
// CPU time, stage timings from --timings), a rerun after changing one file, a rerun with nothing
// changed, and the bytes written; plus the one-thread nodejieba baseline before and after.
// Writes BENCHMARKS.md.
import { spawn, spawnSync } from "node:child_process";
import {
  appendFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
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

/** Bytes of the published files (the folder's top level: tables and the two JSON files). */
function outputBytes(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true }))
    if (entry.isFile()) {
      bytes += statSync(join(dir, entry.name)).size;
      files++;
    }
  return { bytes, files };
}

const root = resolve(import.meta.dirname, "..", "..");
const small = process.argv.includes("--small");
const work = join(root, ".cache", "bench");
const pool = paragraphPool([
  join(root, "corpus", "sample"),
  resolve(root, "..", "shared", "corpora", "govreports"),
]);
const sizesArg = argValue("--sizes");
const sizes = sizesArg ? sizesArg.split(",").map(Number) : small ? [1000] : [1000, 10000];
/** The commit before issue 16 (DuckDB as the table engine): the hand-made encoders. */
const DEFAULT_OLD = "1cd6ee5";
const oldRev = process.argv.includes("--no-old") ? null : (argValue("--old") ?? DEFAULT_OLD);

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** A worktree of `rev` in a temporary folder, sharing this checkout's node_modules. */
function oldCheckout(rev: string): { dir: string; label: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "speech-atlas-bench-old-"));
  const git = (...args: string[]) => {
    const r = spawnSync("git", args, { cwd: root, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed:\n${r.stderr}`);
    return r.stdout.trim();
  };
  git("worktree", "add", "--detach", dir, rev);
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  const label = `${git("log", "-1", "--format=%h", rev)}${rev === DEFAULT_OLD ? " (before DuckDB)" : ""}`;
  return { dir, label, remove: () => git("worktree", "remove", "--force", dir) };
}

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

/** Runs the data command of the checkout at `code`; wall time, peak summed RSS of its process
 *  tree, --timings output. */
async function run(code: string, args: string[]): Promise<Measured> {
  const cli = [
    "--import",
    "tsx",
    join(code, "data-loaders", "cli.ts"),
    ...args,
    "--timings",
    "--quiet",
  ];
  const t = performance.now();
  const child = spawn(process.execPath, cli, { cwd: code, stdio: ["ignore", "ignore", "pipe"] });
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
  const exit = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearInterval(sampler);
  const wallMs = performance.now() - t;
  if (exit !== 0) throw new Error(`data command failed (${exit}):\n${stderr}`);
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

interface Result {
  label: string;
  full: Measured;
  inc: Measured;
  same: Measured;
  out: { bytes: number; files: number };
  cacheMb: number;
}

/** Full run, one-file rerun and nothing-changed rerun of one implementation on a fresh copy of
 *  the corpus (generated again: the one-file change edits it). */
async function measure(code: string, label: string, count: number): Promise<Result> {
  const dir = join(work, `corpus-${count}`);
  const out = join(work, `out-${count}`);
  const cache = join(work, `cache-${count}`);
  generateCorpus(dir, count, 20260101 + count, pool);
  rmSync(out, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  const args = ["--corpus", dir, "--out", out, "--cache", cache];
  const full = await run(code, args);
  const result = { label, full, out: outputBytes(out), cacheMb: folderBytes(cache) / 1e6 };
  appendFileSync(
    join(dir, "speech-00000.txt"),
    "同志们，让我们更加紧密地团结在一起，奋力开创组织工作新局面。\n",
  );
  const inc = await run(code, args);
  const same = await run(code, args);
  if (same.timings.up_to_date !== 1)
    throw new Error(`${label}: an unchanged rerun was not up to date`);
  console.error(
    `${label} @ ${count}: full ${fmt(full.wallMs / 1000)} s, rerun ${fmt(inc.wallMs / 1000)} s`,
  );
  return { ...result, inc, same };
}

const old = oldRev ? oldCheckout(oldRev) : null;
const lines: string[] = [];
try {
  for (const count of sizes) {
    const dir = join(work, `corpus-${count}`);
    const mb = generateCorpus(dir, count, 20260101 + count, pool) / 1e6;
    const load = loadavg()[0]!;
    // The baseline before and after the runs: on a shared machine its speed moves by tens of
    // percent within minutes, and the two bracket the runs' conditions.
    const before = baseline(dir);
    const results = [await measure(root, "this checkout", count)];
    if (old) results.push(await measure(old.dir, old.label, count));
    const after = baseline(dir);
    const base = { ms: (before.ms + after.ms) / 2, cpuMs: (before.cpuMs + after.cpuMs) / 2 };
    const row = (name: string, cell: (r: Result) => string) =>
      `| ${name} | ${results.map(cell).join(" | ")} |`;
    lines.push(
      `### ${count} speeches, ${fmt(mb)} MB (load average ${fmt(load, 2)} at the start)`,
      "",
      `| measure | ${results.map((r) => r.label).join(" | ")} |`,
      `|---|${results.map(() => "---").join("|")}|`,
      row("full run wall time", (r) => `${fmt(r.full.wallMs / 1000)} s`),
      row("full run / baseline", (r) => `${fmt(r.full.wallMs / base.ms, 2)}×`),
      row(
        "full run CPU time (process tree)",
        (r) =>
          `${fmt(r.full.cpuS)} s = ${fmt((1000 * r.full.cpuS) / base.cpuMs, 2)}× the baseline's`,
      ),
      row(
        "peak memory (full run), summed RSS / PSS",
        (r) => `${fmt(r.full.rssMb, 0)} / ${fmt(r.full.pssMb, 0)} MB`,
      ),
      row(
        "rerun after changing one file",
        (r) =>
          `${fmt(r.inc.wallMs / 1000)} s = ${fmt((100 * r.inc.wallMs) / r.full.wallMs)} % of the full run`,
      ),
      row(
        "peak memory (rerun), summed RSS / PSS",
        (r) => `${fmt(r.inc.rssMb, 0)} / ${fmt(r.inc.pssMb, 0)} MB`,
      ),
      row("rerun with nothing changed", (r) => `${fmt(r.same.wallMs / 1000)} s`),
      row("outputs written", (r) => `${fmt(r.out.bytes / 1e6)} MB in ${r.out.files} files`),
      row("cache on disk after the full run", (r) => `${fmt(r.cacheMb, 0)} MB`),
      "",
      `Baseline (nodejieba alone, one thread) before / after: ${fmt(before.ms / 1000)} s / ${fmt(after.ms / 1000)} s (mean ${fmt(mb / (base.ms / 1000), 2)} MB/s).`,
      "",
      ...results.flatMap((r) => [
        `Stage timings, ${r.label}, full run (ms): ${Object.entries(r.full.timings)
          .filter(([k]) => !k.startsWith("rss_mb_after"))
          .map(([k, v]) => `${k}=${v}`)
          .join(", ")}`,
        "",
        `Stage timings, ${r.label}, one-file rerun (ms): ${Object.entries(r.inc.timings)
          .filter(([k]) => !k.startsWith("rss_mb_after"))
          .map(([k, v]) => `${k}=${v}`)
          .join(", ")}`,
        "",
      ]),
    );
    console.error(lines.slice(-20).join("\n"));
  }
} finally {
  old?.remove();
}

const doc = `# Benchmarks

Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? "unknown CPU"}), ${fmt(totalmem() / 2 ** 30, 0)} GiB memory, Node ${process.version}.
Measured ${new Date().toISOString().slice(0, 10)} with default options (workers = available parallelism, cache on).
nodejieba build: ${nodejiebaSharedTrie() ? "patched at install (scripts/setup/patch-nodejieba.mjs: one dictionary trie per process)" : "NOT patched (its TextRank extractor holds a second dictionary trie: ~110 MB more per process)"}.

Reproduce: \`npm run bench\` (\`-- --small\` for 1,000 speeches only; \`--old <rev>\` to compare
another commit, \`--no-old\` for this checkout alone). Corpora are generated deterministically
(seeded PRNG) from paragraphs of corpus/sample and ../shared/corpora/govreports into
.cache/bench/, again before each implementation (the one-file change edits them). The older
commit runs from a temporary git worktree sharing this checkout's node_modules, right after this
checkout, on the same corpus. Wall time includes process start and loading the dictionaries.
Peak memory is sampled every 100 ms from /proc over the data command's process tree (main
process plus worker processes) as the largest sum of RSS and of PSS (shared pages split among
their sharers). The baseline is nodejieba segmenting the same text line by line on one thread.
The machine is shared: compare the columns of one table (measured minutes apart), not tables
of different days.

${lines.join("\n")}
## How the pipeline scales (what the numbers measure)

- Per-file work (read → clean → describe/segment/tokenize/count, MinHash signature) runs in
  \`--workers N\` worker processes (default: all cores), each with its own nodejieba dictionary,
  in batches; the main process loads only the lexicon files. Each worker writes a speech's cache
  entry (pipeline/cache.ts): its cleaned text, its part (the rows of every per-speech table as
  CSV lines, table after table, then each sentence's distinct terms; publish/speech-parts.ts)
  and its compact outcome (with the byte length of each table in the part); only the outcome
  crosses to the main process. Outcomes are merged by path index.
- Publishing is DuckDB (@duckdb/node-api, native): every table is one \`COPY\` to Parquet (ZSTD,
  64 Ki-row groups) from a query over the kept speeches' parts (per-speech tables: the main
  process appends each table's bytes of every kept part, in speech_id order, to one CSV file
  per table without parsing them, and DuckDB reads each file in one parallel scan), over rows the main process holds (speeches, manifest, lexicon tables), or over the
  published files (term_stats and collocations: data-loaders/sql/term-stats.sql and
  collocations.sql); the CSV is a second \`COPY\` from the Parquet file, written only for tables
  of at most 1,048,575 rows unless \`--csv all\`. Outputs are byte-identical whatever
  \`--workers\` and DuckDB's \`--threads\` are (test/scale/equivalence.test.ts).
- \`--cache\` (default \`<out>/.cache\`) keys each entry by sha256(format, pipeline and lexicon
  versions and files, raw file hash, path, size limit). The main process serves hits itself;
  workers start only for misses; an input is re-hashed only when its file status changed
  (\`inputs/\`, pipeline/input-digests.ts); near-duplicate similarities are kept
  (\`dedupe/similarities.json\`). A whole run prunes the entries it did not use.
- What a one-file change still costs: processing that file (starting a worker and its
  dictionary), and then everything after the per-file phase again: reading every cache entry's
  outcome, duplicate detection, appending every part into the table files, DuckDB rewriting
  every table, and term_stats and collocations recomputed, because every rate, log-odds z and
  PMI depends on the whole corpus.
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
const kept = /^(### Dashboard|## Earlier|## Notes)/m.exec(previous);
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
