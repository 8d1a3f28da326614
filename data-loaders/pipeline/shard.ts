// Sharding: a run over a deterministic share of the corpus files (by a hash of the relative
// path, so the share does not depend on file contents or on which machine runs it), plus an
// intermediate folder `<out>/shard/` holding every file outcome, from which merge rebuilds the
// single-run tables (duplicates and corpus-level tables need the whole corpus).
import { createHash } from "node:crypto";
import { closeSync, openSync, writeSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { serialize } from "node:v8";
import { BULKY_PARTS, type BulkyPart, type FileOutcome } from "./file-work.ts";
import { readStoredBytes, readStoredPart } from "./speech-store.ts";

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

/** File of a shard's outcomes: records of [u32 LE length][V8-serialized [index, outcome]]. */
export const OUTCOMES_FILE = "outcomes.v8";

/** Appends outcomes (with their index in the whole corpus) to `<out>/shard/outcomes.v8`. V8
 *  serialization, not JSON: outcomes hold typed arrays and bytes (column blocks, token ids). */
export class ShardWriter {
  private fd: number;
  private constructor(readonly dir: string) {
    this.fd = openSync(join(dir, OUTCOMES_FILE), "w");
  }
  static async create(out: string, info: ShardInfo): Promise<ShardWriter> {
    const dir = join(out, SHARD_DIR);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, "shard.json"), JSON.stringify(info) + "\n");
    return new ShardWriter(dir);
  }
  /** Outcomes whose bulky parts are in a speech-store file get them inline: the shard folder
   *  must stand alone (the store may be a temp folder, or another machine's cache). */
  add(globalIndex: number, outcome: FileOutcome): void {
    if (outcome.kind === "readable" && outcome.stored) {
      const { stored, ...rest } = outcome;
      const tables = Object.fromEntries(
        BULKY_PARTS.map((t) => [t, readStoredBytes(stored.file, stored.parts[t])]),
      ) as unknown as Record<BulkyPart, Uint8Array>;
      outcome = { ...rest, inline: { text: readStoredPart(stored.file, stored.text), tables } };
    }
    const record = serialize([globalIndex, outcome]);
    const length = Buffer.alloc(4);
    length.writeUInt32LE(record.length);
    writeSync(this.fd, length);
    writeSync(this.fd, record);
  }
  close(): void {
    closeSync(this.fd);
  }
}
