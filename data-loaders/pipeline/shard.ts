// Sharding: a run over a deterministic share of the corpus files (by a hash of the relative
// path, so the share does not depend on file contents or on which machine runs it). The shard
// keeps in `<out>/shard/` what the merge needs: shard.json, the outcome of each of its files
// (outcomes.jsonl, by index in the whole corpus) and the cache entries of its speeches
// (parts/), so the folder stands alone (the cache may be a temporary folder, or another
// machine's). The merge (merge.ts) then runs the same publishing as a single run over all the
// shards' parts.
import { createHash } from "node:crypto";
import { appendFileSync, copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SpeechCache } from "./cache.ts";
import type { FileOutcome } from "./file-work.ts";

export interface ShardSpec {
  index: number;
  count: number;
}

export function parseShard(text: string): ShardSpec | null {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (!m) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return count >= 1 && index >= 0 && index < count ? { index, count } : null;
}

export function shardOf(path: string, count: number): number {
  return createHash("sha256").update(path).digest().readUInt32BE(0) % count;
}

export interface ShardInfo {
  shard: ShardSpec;
  corpusName: string;
  fingerprint: string;
  nearDuplicateThreshold: number;
  /** Every path of the corpus, in manifest order: merge checks the shards cover them all. */
  paths: string[];
}

export const SHARD_DIR = "shard";
/** One JSON line per file of the shard: [index in the whole corpus, outcome without its
 *  entry's location] (a readable outcome's entry is parts/ under its key). */
export const OUTCOMES_FILE = "outcomes.jsonl";
export const PARTS_DIR = "parts";

/** The shard's entry store: the same layout as the cache (cache.ts). */
export const shardParts = (shardDir: string) => new SpeechCache(join(shardDir, PARTS_DIR), "");

export class ShardWriter {
  private parts: SpeechCache;
  private constructor(readonly dir: string) {
    this.parts = shardParts(dir);
    writeFileSync(join(dir, OUTCOMES_FILE), "");
  }
  static async create(out: string, info: ShardInfo): Promise<ShardWriter> {
    const dir = join(out, SHARD_DIR);
    mkdirSync(join(dir, PARTS_DIR), { recursive: true });
    writeFileSync(join(dir, "shard.json"), JSON.stringify(info) + "\n");
    return new ShardWriter(dir);
  }
  add(globalIndex: number, outcome: FileOutcome): void {
    if (outcome.kind === "readable") {
      const { entry, ...compact } = outcome;
      const to = this.parts.files(entry.key);
      mkdirSync(join(to.text, ".."), { recursive: true });
      copyFileSync(entry.text, to.text);
      copyFileSync(entry.parts, to.parts);
      appendFileSync(
        join(this.dir, OUTCOMES_FILE),
        JSON.stringify([globalIndex, compact, entry.key]) + "\n",
      );
    } else
      appendFileSync(join(this.dir, OUTCOMES_FILE), JSON.stringify([globalIndex, outcome]) + "\n");
  }
  close(): void {}
}
