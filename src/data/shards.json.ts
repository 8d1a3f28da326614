// How many speeches the shard files were cut for (src/lib/shards.js): the pages compute a
// speech's shard from this number, the same one the site config and the shard loaders use.
import { readSpeechIds } from "../lib/speechIds.ts";

process.stdout.write(JSON.stringify({ speeches: readSpeechIds().length }));
