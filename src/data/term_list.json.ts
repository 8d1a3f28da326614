// The Terms page's term list (Voyant's Terms panel) and collocates: the corpus's most frequent
// terms with their count, rate per 10k Han characters, number of speeches and counts by year
// (a small trend line), and each listed term's strongest collocates from the collocations table.
// Browser-sized: the TERM_LIMIT most frequent terms, COLLOCATE_LIMIT collocates each; the full
// tables stay downloads on the Data page.
import { readOutColumns } from "../lib/columns.ts";

const TERM_LIMIT = 2000;
const COLLOCATE_LIMIT = 12;
/** Collocations seen in fewer sentences are noise at the top of an npmi ranking. */
const COLLOCATE_MIN_COUNT = 3;

const stats = readOutColumns("term_stats", [
  "term",
  "group_kind",
  "group",
  "count",
  "han_chars",
  "rate_per_10k",
  "df",
]);
const corpus: { term: string; count: number; rate: number; df: number }[] = [];
const byYear = new Map<string, Map<string, number>>();
const yearChars = new Map<string, number>();
for (let i = 0; i < stats.term!.length; i++) {
  const kind = stats.group_kind![i];
  const term = String(stats.term![i]);
  if (kind === "corpus") {
    corpus.push({
      term,
      count: Number(stats.count![i]),
      rate: Number(stats.rate_per_10k![i]),
      df: Number(stats.df![i]),
    });
  } else if (kind === "year") {
    const year = String(stats.group![i]);
    yearChars.set(year, Number(stats.han_chars![i]));
    let m = byYear.get(term);
    if (!m) byYear.set(term, (m = new Map()));
    m.set(year, Number(stats.count![i]));
  }
}
const years = [...yearChars.keys()].filter((y) => /^\d+$/.test(y)).sort();
corpus.sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : 1));
const kept = corpus.slice(0, TERM_LIMIT);
const keptSet = new Set(kept.map((t) => t.term));

const c = readOutColumns("collocations", ["term_a", "term_b", "count", "npmi"]);
const collocates = new Map<string, [string, number, number][]>();
const add = (term: string, other: string, count: number, npmi: number) => {
  if (!keptSet.has(term)) return;
  let list = collocates.get(term);
  if (!list) collocates.set(term, (list = []));
  list.push([other, count, Math.round(npmi * 1000) / 1000]);
};
for (let i = 0; i < c.term_a!.length; i++) {
  const count = Number(c.count![i]);
  if (count < COLLOCATE_MIN_COUNT) continue;
  const [a, b, npmi] = [String(c.term_a![i]), String(c.term_b![i]), Number(c.npmi![i])];
  add(a, b, count, npmi);
  add(b, a, count, npmi);
}
const top: Record<string, [string, number, number][]> = {};
for (const [term, list] of collocates)
  top[term] = list.sort((x, y) => y[2] - x[2] || y[1] - x[1]).slice(0, COLLOCATE_LIMIT);

process.stdout.write(
  JSON.stringify({
    limit: TERM_LIMIT,
    total_terms: corpus.length,
    years: years.map(Number),
    year_chars: years.map((y) => yearChars.get(y) ?? 0),
    terms: kept.map((t) => [
      t.term,
      t.count,
      Math.round(t.rate * 1000) / 1000,
      t.df,
      years.map((y) => byYear.get(t.term)?.get(y) ?? 0),
    ]),
    collocates: top,
  }),
);
