// Per-speech term counts (sections summed away) for the Terms page's log-odds by speech, in
// shards (src/lib/shards.js): {speech_id: [[term, count], …]} in term order. Comparing one speech
// with the rest needs that speech's counts and the corpus totals (logodds.zip), not every
// speech's counts (speech_terms.arrow, ~90 MB at 10,000 speeches).
import { readOutColumns } from "../lib/columns.ts";
import { writeShards } from "../lib/shardWriter.ts";

const terms = readOutColumns("terms", ["speech_id", "term", "count"]);
const perSpeech = new Map<string, Map<string, number>>();
const speech = terms.speech_id!,
  term = terms.term!,
  count = terms.count!;
for (let i = 0; i < speech.length; i++) {
  const id = String(speech[i]);
  let counts = perSpeech.get(id);
  if (!counts) perSpeech.set(id, (counts = new Map()));
  const t = String(term[i]);
  counts.set(t, (counts.get(t) ?? 0) + Number(count[i]));
}
const byTerm = (a: [string, number], b: [string, number]) =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
writeShards(
  "speech-terms",
  new Map([...perSpeech].map(([id, counts]) => [id, [...counts].sort(byTerm)])),
);
