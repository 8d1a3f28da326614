// Merge of shard outputs: every shard's file outcomes (by their index in the whole corpus) into
// one collector, their parts where the shards left them, then the same publishing as a single
// run (finish.ts: the same SQL over all shards' parts), plus hive-partitioned Parquet.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { countsOf, stageTimer, type RunResult } from "../run.ts";
import { Collector } from "./collector.ts";
import { loadLexiconContext } from "./context.ts";
import type { CompactOutcome, FileOutcome } from "./file-work.ts";
import { finish } from "./finish.ts";
import { contextFingerprint } from "./fingerprint.ts";
import { OUTCOMES_FILE, SHARD_DIR, shardParts, type ShardInfo } from "./shard.ts";
import type { CsvPolicy } from "../publish/tables.ts";

/** The outcomes a shard recorded, with their entries in the shard's parts/. */
function* readOutcomes(shardDir: string): Generator<[number, FileOutcome]> {
  const parts = shardParts(shardDir);
  const file = join(shardDir, OUTCOMES_FILE);
  const text = readFileSync(file, "utf8");
  if (text && !text.endsWith("\n"))
    throw new Error(`${file}: ends inside a record (truncated shard?)`);
  for (const line of text.split("\n")) {
    if (!line) continue;
    const [index, outcome, key] = JSON.parse(line) as [
      number,
      FileOutcome | CompactOutcome,
      string?,
    ];
    yield [
      index,
      key ? { ...(outcome as CompactOutcome), entry: parts.files(key) } : (outcome as FileOutcome),
    ];
  }
}

export async function mergeShards(opts: {
  out: string;
  shards: string[];
  onTimings?: (t: Record<string, number>) => void;
  csv?: CsvPolicy;
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
  await time("read_shards", () => {
    for (const dir of opts.shards)
      for (const [index, outcome] of readOutcomes(join(dir, SHARD_DIR)))
        collector.add(index, outcome);
  });
  const { manifest, outputs } = await finish(collector, first.paths.length, ctx, {
    out: opts.out,
    corpusName: first.corpusName,
    nearDuplicateThreshold: first.nearDuplicateThreshold,
    time,
    csv: opts.csv,
    hive: true,
  });
  opts.onTimings?.(timings);
  return { manifest, outputs, upToDate: false, counts: countsOf(manifest) };
}
