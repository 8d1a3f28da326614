// Per-speech term counts (sections summed away) for the Terms page's log-odds by speech, in
// shards (src/lib/shards.js): {speech_id: [term index gaps, counts]}, terms as indices into
// logodds/corpus.json's sorted `terms` (which the comparison loads anyway for its prior), each
// stored as the gap from the previous index: a few digits a term instead of the term's string,
// ~2.5× fewer bytes a shard. Decoded by speechCounts (src/lib/logOdds.js). Comparing one speech
// with the rest needs that speech's counts and the corpus totals (logodds.zip), not every
// speech's counts (speech_terms.arrow, ~90 MB at 10,000 speeches).
import { writeShards } from "../lib/shardWriter.ts";
import { readTermCounts } from "../lib/termCounts.ts";

const perSpeech = new Map<string, [number[], number[]]>();
for (const [id, { terms, counts }] of readTermCounts().speeches) {
  const gaps = Array.from(terms, (t, k) => (k === 0 ? t : t - terms[k - 1]!));
  perSpeech.set(id, [gaps, Array.from(counts)]);
}
writeShards("speech-terms", perSpeech);
