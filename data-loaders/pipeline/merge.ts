// Merge of shard outputs: replays every shard's file outcomes (by their index in the whole
// corpus) into one collector and publishes as a single run would, plus hive-partitioned Parquet.
import { createReadStream } from "node:fs";
import { availableParallelism } from "node:os";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { deserialize } from "node:v8";
import { countsOf, stageTimer, type RunResult } from "../run.ts";
import { Collector } from "./collector.ts";
import { loadLexiconContext } from "./context.ts";
import type { FileOutcome } from "./file-work.ts";
import { finish, writeHive } from "./finish.ts";
import { contextFingerprint } from "./fingerprint.ts";
import { OUTCOMES_FILE, SHARD_DIR, type ShardInfo } from "./shard.ts";

/** The records of a shard's outcomes file (shard.ts), one at a time. */
async function* readOutcomes(path: string): AsyncGenerator<[number, FileOutcome]> {
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    let at = 0;
    while (pending.length - at >= 4) {
      const length = pending.readUInt32LE(at);
      if (pending.length - at - 4 < length) break;
      yield deserialize(pending.subarray(at + 4, at + 4 + length)) as [number, FileOutcome];
      at += 4 + length;
    }
    pending = pending.subarray(at);
  }
  if (pending.length) throw new Error(`${path}: ends inside a record (truncated shard?)`);
}

export async function mergeShards(opts: {
  out: string;
  shards: string[];
  onTimings?: (t: Record<string, number>) => void;
}): Promise<RunResult> {
  const { timings, time } = stageTimer();
  const ctx = loadLexiconContext();
  const infos: ShardInfo[] = [];
  for (const dir of opts.shards)
    infos.push(JSON.parse(await readFile(join(dir, SHARD_DIR, "shard.json"), "utf8")) as ShardInfo);
  const first = infos[0];
  if (!first) throw new Error("merge needs at least one shard folder");
  const fingerprint = contextFingerprint(ctx.versions);
  for (const [k, info] of infos.entries()) {
    const where = opts.shards[k];
    if (info.fingerprint !== fingerprint)
      throw new Error(`${where}: made with other lexicons or pipeline version than this merge`);
    if (
      JSON.stringify(info.paths) !== JSON.stringify(first.paths) ||
      info.corpusName !== first.corpusName
    )
      throw new Error(`${where}: made from a different corpus than ${opts.shards[0]}`);
    if (
      info.shard.count !== first.shard.count ||
      info.nearDuplicateThreshold !== first.nearDuplicateThreshold
    )
      throw new Error(`${where}: shard count or options differ from ${opts.shards[0]}`);
  }
  const indices = infos.map((i) => i.shard.index).sort((a, b) => a - b);
  if (indices.length !== first.shard.count || indices.some((x, i) => x !== i))
    throw new Error(
      `need each of shards 0..${first.shard.count - 1} exactly once, got ${indices.join(", ")}`,
    );

  const collector = new Collector();
  try {
    await time("read_shards", async () => {
      for (const dir of opts.shards) {
        for await (const [index, outcome] of readOutcomes(join(dir, SHARD_DIR, OUTCOMES_FILE)))
          collector.add(index, outcome);
      }
    });
    const { manifest, outputs, kept } = await finish(collector, first.paths.length, ctx, {
      out: opts.out,
      corpusName: first.corpusName,
      nearDuplicateThreshold: first.nearDuplicateThreshold,
      time,
      parallel: availableParallelism() > 1,
    });
    await time("hive", () => writeHive(collector, kept, opts.out));
    opts.onTimings?.(timings);
    return { manifest, outputs, upToDate: false, counts: countsOf(manifest) };
  } finally {
    collector.dispose();
  }
}
