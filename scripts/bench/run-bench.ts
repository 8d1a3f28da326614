// `npm run bench [-- --small]`: generates ~1,000- and ~10,000-speech corpora, runs the full data
// command on each as a child process (wall time, peak RSS from /usr/bin/time -v or the child's
// maxRSS, stage timings from --timings), the one-thread nodejieba baseline, and an incremental
// rerun after changing one file; writes BENCHMARKS.md.
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { generateCorpus, paragraphPool } from "./generate.ts";

const root = resolve(import.meta.dirname, "..", "..");
const small = process.argv.includes("--small");
const work = join(root, ".cache", "bench");
const pool = paragraphPool([join(root, "corpus", "sample"), resolve(root, "..", "shared", "corpora", "govreports")]);
const sizes = small ? [1000] : [1000, 10000];

interface Measured {
  wallMs: number;
  rssMb: number;
  timings: Record<string, number>;
}

function run(args: string[]): Measured {
  const cli = [process.execPath, "--import", "tsx", join(root, "data-loaders", "cli.ts"), ...args, "--timings", "--quiet"];
  const timeBin = existsSync("/usr/bin/time");
  const t = performance.now();
  const r = timeBin ? spawnSync("/usr/bin/time", ["-v", ...cli], { cwd: root, encoding: "utf8" }) : spawnSync(cli[0]!, cli.slice(1), { cwd: root, encoding: "utf8" });
  const wallMs = performance.now() - t;
  if (r.status !== 0) throw new Error(`data command failed (${r.status}):\n${r.stderr}`);
  const line = r.stderr.split("\n").find((l) => l.startsWith('{"timings"'));
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  return { wallMs, rssMb: rss ? Number(rss[1]) / 1024 : NaN, timings: line ? JSON.parse(line).timings : {} };
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
  const base = JSON.parse(spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts", "bench", "baseline.ts"), dir], { cwd: root, encoding: "utf8" }).stdout) as { ms: number };
  const full = run(["--corpus", dir, "--out", out, "--cache", cache]);
  // Change one file and rerun with the warm cache.
  appendFileSync(join(dir, "speech-00000.txt"), "同志们，让我们更加紧密地团结在一起，奋力开创组织工作新局面。\n");
  const inc = run(["--corpus", dir, "--out", out, "--cache", cache]);
  const stages = Object.entries(full.timings).map(([k, v]) => `${k}=${v}`).join(", ");
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
    `Stage timings of the rerun (ms): ${Object.entries(inc.timings).map(([k, v]) => `${k}=${v}`).join(", ")}`,
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
each worker). Peak RSS is the child's maximum resident set (/usr/bin/time -v). The baseline is
nodejieba segmenting the same text line by line on one thread, doing nothing else.

${lines.join("\n")}`;
writeFileSync(join(root, small ? "BENCHMARKS.small.md" : "BENCHMARKS.md"), doc);
console.error(readFileSync(join(root, small ? "BENCHMARKS.small.md" : "BENCHMARKS.md"), "utf8"));
