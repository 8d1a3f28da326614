// Browser-sized aggregate of the whole-speech theme scores by year × level × genre (the Overview
// filters), one row per group and theme: speeches, Σhits, Σhan_chars, Σ of per-speech rates and
// shares (for means). The Overview heatmap and the Themes charts draw large corpora by group
// (year × level, or year) from this file; pooled and mean values come out exact.
import { readOutColumns } from "../lib/columns.ts";
import { packRows } from "../lib/shards.js";
import { emptySums, SUM_FIELDS, type ThemeGroup } from "../lib/groups.js";

const speeches = readOutColumns("speeches", ["speech_id", "year", "level", "genre"]);
const scores = readOutColumns("theme_scores", [
  "speech_id",
  "section_id",
  "theme_id",
  "hits",
  "han_chars",
  "rate_per_10k",
  "share",
]);
const groupOf = new Map<string, [unknown, unknown, unknown]>();
speeches.speech_id!.forEach((id, i) =>
  groupOf.set(String(id), [speeches.year![i], speeches.level![i], speeches.genre![i]]),
);
/** A theme_groups row: the group's values (as the speeches table has them) and its sums. */
type Group = Omit<ThemeGroup, "year" | "level" | "genre"> & {
  year: unknown;
  level: unknown;
  genre: unknown;
};
const groups = new Map<string, Group>();
for (let i = 0; i < scores.speech_id!.length; i++) {
  if (scores.section_id![i] !== "_all") continue;
  const g = groupOf.get(String(scores.speech_id![i]));
  if (!g) continue;
  const theme_id = String(scores.theme_id![i]);
  const key = JSON.stringify([...g, theme_id]);
  let row = groups.get(key);
  if (!row) {
    row = { year: g[0], level: g[1], genre: g[2], theme_id, ...emptySums() };
    groups.set(key, row);
  }
  row.speeches++;
  row.hits += Number(scores.hits![i]);
  row.han_chars += Number(scores.han_chars![i]);
  row.sum_rate += Number(scores.rate_per_10k![i] ?? 0);
  const share = scores.share![i];
  if (share != null) {
    row.sum_share += Number(share);
    row.n_share++;
  }
}
const rows = [...groups.keys()].sort().map((k) => groups.get(k)!);
const COLUMNS = ["year", "level", "genre", "theme_id", ...SUM_FIELDS];
process.stdout.write(
  JSON.stringify(packRows(rows as unknown as Record<string, unknown>[], COLUMNS)),
);
