// Precomputed counts for the Terms page's log-odds comparisons (src/lib/logOdds.js), as a ZIP whose
// members Framework serves as src/data/logodds/<member>:
//   corpus.json: {terms, counts}: every term of the corpus (sorted) with its corpus count (the prior);
//     the per-speech counts (speech-terms.zip.ts) refer to terms by their index here;
//   year.json, level.json, genre.json: {groups: {value: [[term index, count], …]}}: term counts of
//     each group of that kind ("_null" = speeches without a value).
// A comparison then reads the corpus totals and one small file, not every speech × term row
// (~90 MB at 10,000 speeches); comparisons by speech read per-speech counts (speech-terms.zip).
import { readOutColumns } from "../lib/columns.ts";
import { groupKey } from "../lib/logOdds.js";
import { readTermCounts } from "../lib/termCounts.ts";
import { zip } from "../lib/zip.ts";

const speeches = readOutColumns("speeches", ["speech_id", "year", "level", "genre"]);
const { vocab, corpus, speeches: perSpeech } = readTermCounts();

const KINDS = ["year", "level", "genre"] as const;
// One dense counter (term id → count) per group value of each kind.
const byKind = new Map(KINDS.map((k) => [k, new Map<string, Int32Array>()]));
speeches.speech_id!.forEach((id, i) => {
  const own = perSpeech.get(String(id));
  if (!own) return;
  const year = speeches.year![i];
  const groups = {
    // As src/charts/params.js groupValue: an unknown year is the group "unknown".
    year: year == null ? "unknown" : String(year),
    level: groupKey(speeches.level![i]),
    genre: groupKey(speeches.genre![i]),
  };
  for (const kind of KINDS) {
    const perGroup = byKind.get(kind)!;
    let counts = perGroup.get(groups[kind]);
    if (!counts) perGroup.set(groups[kind], (counts = new Int32Array(vocab.length)));
    for (let k = 0; k < own.terms.length; k++) counts[own.terms[k]!]! += own.counts[k]!;
  }
});
const members: [string, string][] = [
  ["corpus.json", JSON.stringify({ terms: vocab, counts: Array.from(corpus) })],
];
for (const kind of KINDS) {
  const groups: Record<string, [number, number][]> = {};
  const perGroup = byKind.get(kind)!;
  for (const value of [...perGroup.keys()].sort()) {
    const counts = perGroup.get(value)!;
    const pairs: [number, number][] = [];
    for (let t = 0; t < counts.length; t++) if (counts[t] !== 0) pairs.push([t, counts[t]!]);
    groups[value] = pairs;
  }
  members.push([`${kind}.json`, JSON.stringify({ groups })]);
}
process.stdout.write(zip(members));
