// Precomputed counts for the Terms page's log-odds comparisons (src/lib/logOdds.js), as a ZIP whose
// members Framework serves as src/data/logodds/<member>:
//   corpus.json: {terms, counts}: every term of the corpus (sorted) with its corpus count (the prior);
//   year.json, level.json, genre.json: {groups: {value: [[term index, count], …]}}: term counts of
//     each group of that kind ("_null" = speeches without a value).
// A comparison then reads the corpus totals and one small file, not every speech × term row
// (~90 MB at 10,000 speeches); comparisons by speech read per-speech counts (speech-terms.zip).
import { readOutColumns } from "../lib/columns.ts";
import { groupKey } from "../lib/logOdds.js";
import { zip } from "../lib/zip.ts";

const speeches = readOutColumns("speeches", ["speech_id", "year", "level", "genre"]);
const terms = readOutColumns("terms", ["speech_id", "term", "count"]);

const corpus = new Map<string, number>();
const KINDS = ["year", "level", "genre"] as const;
const groupOf = new Map<string, Record<string, string>>();
speeches.speech_id!.forEach((id, i) => {
  const year = speeches.year![i];
  groupOf.set(String(id), {
    // As logOddsSql.js groupExpr: an unknown year is the group "unknown".
    year: year == null ? "unknown" : String(year),
    level: groupKey(speeches.level![i]),
    genre: groupKey(speeches.genre![i]),
  });
});
const byKind = new Map(KINDS.map((k) => [k, new Map<string, Map<string, number>>()]));
const add = (m: Map<string, number>, term: string, n: number) =>
  m.set(term, (m.get(term) ?? 0) + n);
for (let i = 0; i < terms.term!.length; i++) {
  const term = String(terms.term![i]);
  const n = Number(terms.count![i]);
  add(corpus, term, n);
  const groups = groupOf.get(String(terms.speech_id![i]));
  if (!groups) continue;
  for (const kind of KINDS) {
    const perGroup = byKind.get(kind)!;
    let counts = perGroup.get(groups[kind]!);
    if (!counts) perGroup.set(groups[kind]!, (counts = new Map()));
    add(counts, term, n);
  }
}
const sorted = [...corpus.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const indexOf = new Map(sorted.map((t, i) => [t, i]));
const members: [string, string][] = [
  ["corpus.json", JSON.stringify({ terms: sorted, counts: sorted.map((t) => corpus.get(t)) })],
];
for (const kind of KINDS) {
  const groups: Record<string, [number, number][]> = {};
  for (const value of [...byKind.get(kind)!.keys()].sort()) {
    groups[value] = [...byKind.get(kind)!.get(value)!]
      .map(([t, c]) => [indexOf.get(t)!, c] as [number, number])
      .sort((x, y) => x[0] - y[0]);
  }
  members.push([`${kind}.json`, JSON.stringify({ groups })]);
}
process.stdout.write(zip(members));
