// Sentences in shards (src/lib/shards.js) for the Terms page's literal search:
// {speech_id: [[sentence_id, start, text], …]} in sentence order. A literal search reads shards
// one after another and can stop early, instead of loading the whole sentences table at once.
import { readOutColumns } from "../lib/columns.ts";
import { indexBy, writeShards } from "../lib/shardWriter.ts";

const s = readOutColumns("sentences", ["speech_id", "sentence_id", "start", "text"]);
const perSpeech = new Map<string, unknown>();
for (const [id, at] of indexBy(s.speech_id!)) {
  at.sort((a, b) => Number(s.sentence_id![a]) - Number(s.sentence_id![b]));
  perSpeech.set(
    id,
    at.map((i) => [Number(s.sentence_id![i]), Number(s.start![i]), String(s.text![i])]),
  );
}
writeShards("sentence-shards", perSpeech);
