// A pipeline output large enough for the dashboard's grouped views (more than GROUP_THRESHOLD
// speeches). Uses the 1,000-speech benchmark output when `npm run bench` made one; otherwise
// generates a 600-speech corpus (same generator and paragraph pool as the benchmark, fixed seed)
// and publishes it once into .cache/test-large/ (~20–40 s), so the tests never depend on a
// benchmark having run (a fresh clone in CI has none).
import { existsSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { generateCorpus, paragraphPool } from "../../scripts/bench/generate.ts";
import { runCli } from "./run-cli.ts";
import { ROOT } from "./sample.ts";

const BENCH_OUT = join(ROOT, ".cache", "bench", "out-1000");
const DIR = join(ROOT, ".cache", "test-large");
export const LARGE_SPEECHES = 600;

export function ensureLargeOutput(): string {
  if (existsSync(join(BENCH_OUT, "manifest.json"))) return BENCH_OUT;
  const out = join(DIR, "out");
  if (existsSync(join(out, "manifest.json"))) return out;
  const corpus = join(DIR, "corpus");
  const pool = paragraphPool([
    join(ROOT, "corpus", "sample"),
    resolve(ROOT, "..", "shared", "corpora", "govreports"),
  ]);
  generateCorpus(corpus, LARGE_SPEECHES, 20261121, pool);
  rmSync(out, { recursive: true, force: true });
  const r = runCli(["--corpus", corpus, "--out", out, "--no-cache", "--quiet"]);
  if (r.status !== 0) throw new Error(`pipeline on the large test corpus failed:\n${r.stderr}`);
  return out;
}
