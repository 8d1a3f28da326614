// Runs the real command line (`speech-atlas`) in a child process, as a user would.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { readParquet } from "parquet-wasm";
import { ROOT } from "./sample.ts";

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[]): CliRun {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "speech-atlas.mjs"), ...args], {
    encoding: "utf8",
    cwd: ROOT,
    env: { ...process.env, CI: "true" },
    timeout: 10 * 60 * 1000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `speech-atlas-${prefix}-`));
}

/** A published table read back from its Parquet file, as plain row objects. */
export function readTable<T = Record<string, unknown>>(outDir: string, name: string): T[] {
  const bytes = readFileSync(join(outDir, `${name}.parquet`));
  const table = tableFromIPC(readParquet(new Uint8Array(bytes)).intoIPCStream());
  return table.toArray().map((r) => r.toJSON() as T);
}

/** Run the pipeline once per process for a given corpus and reuse the output folder. */
const cache = new Map<string, string>();
export function pipelineOutput(corpus: string, extraArgs: string[] = []): string {
  const key = [corpus, ...extraArgs].join("\0");
  const hit = cache.get(key);
  if (hit) return hit;
  const out = tempDir("out");
  const r = runCli(["--corpus", corpus, "--out", out, "--quiet", ...extraArgs]);
  if (r.status !== 0) throw new Error(`pipeline failed (${r.status}): ${r.stderr}`);
  cache.set(key, out);
  return out;
}
