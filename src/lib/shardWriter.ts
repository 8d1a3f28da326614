// Node-side (loaders only): groups per-speech values into the shard files of one set
// (src/lib/shards.js) and writes them as one ZIP to stdout; Framework serves each member as
// src/data/<set>/<file>. Every shard file exists, empty ones as {}, because the site config
// lists them all.
import { shardCount, shardFile, shardOf } from "./shards.js";
import { readSpeechIds } from "./speechIds.ts";
import { zip } from "./zip.ts";

export function writeShards(set: string, perSpeech: Map<string, unknown>): void {
  const ids = readSpeechIds();
  const count = shardCount(set, ids.length);
  const shards: Record<string, unknown>[] = Array.from({ length: count }, () => ({}));
  // Speech ids in sorted order: the same bytes for the same input.
  for (const id of [...perSpeech.keys()].sort()) {
    shards[shardOf(id, count)]![id] = perSpeech.get(id);
  }
  process.stdout.write(zip(shards.map((s, i) => [shardFile(i), JSON.stringify(s)])));
}

/** Row indices of a column grouped by value (speech_id), in row order. */
export function indexBy(values: unknown[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  values.forEach((v, i) => {
    const key = String(v);
    const list = index.get(key);
    if (list) list.push(i);
    else index.set(key, [i]);
  });
  return index;
}
