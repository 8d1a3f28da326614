// Shared helpers of the scale tests: a small mixed corpus and folder digests.
import { createHash } from "node:crypto";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { generateCorpus, paragraphPool } from "../../scripts/bench/generate.ts";

export const ROOT = resolve(import.meta.dirname, "..", "..");

/** The 5 samples, 8 generated speeches, an exact duplicate, a near-empty and a non-text file. */
export function smallCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), "scale-corpus-"));
  const sample = join(ROOT, "corpus", "sample");
  const gen = join(dir, "gen");
  generateCorpus(
    gen,
    8,
    7,
    paragraphPool([sample, resolve(ROOT, "..", "shared", "corpora", "govreports")]),
    3000,
  );
  for (const name of readdirSync(sample)) copyFileSync(join(sample, name), join(dir, name));
  const first = readdirSync(sample).sort()[0]!;
  copyFileSync(join(sample, first), join(dir, "zz-copy-of-first.txt"));
  writeFileSync(join(dir, "empty.txt"), "   \n");
  mkdirSync(join(dir, "misc"));
  writeFileSync(join(dir, "misc", "data.bin"), Buffer.from([0, 1, 2, 3, 255]));
  return dir;
}

/** file name → sha256 of every published file (not hidden folders, not shard/ or hive/). */
export function digests(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  )) {
    if (e.isFile())
      out[e.name] = createHash("sha256")
        .update(readFileSync(join(dir, e.name)))
        .digest("hex");
  }
  return out;
}

export const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
