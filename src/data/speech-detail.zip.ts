// Per-speech outline data for the Themes page's outline profile, in shards (src/lib/shards.js):
// each speech's sections and its section × theme scores (whole-speech '_all' rows left out: they
// are in theme_scores_speech). The page fetches the one shard of the selected speech (~100 kB at
// 10,000 speeches) instead of the sections and theme_scores tables (~100 MB).
import { readOutColumns } from "../lib/columns.ts";
import { indexBy, writeShards } from "../lib/shardWriter.ts";

const SECTION_COLUMNS = ["section_id", "parent_id", "heading", "kind", "is_leaf", "seq"];
const SCORE_COLUMNS = [
  "section_id",
  "theme_id",
  "hits",
  "han_chars",
  "rate_per_10k",
  "share",
  "dominant",
];

const sections = readOutColumns("sections", ["speech_id", ...SECTION_COLUMNS]);
const scores = readOutColumns("theme_scores", ["speech_id", ...SCORE_COLUMNS]);
// Packed rows straight from the columns (packRows's layout, src/lib/shards.js): no object a row
// (theme_scores has ~1 million rows at 10,000 speeches).
const packed = (table: Record<string, unknown[]>, columns: string[], at: number[]) => ({
  columns,
  rows: at.map((i) => columns.map((c) => table[c]![i] ?? null)),
});

const scoreIndex = indexBy(scores.speech_id!);
const perSpeech = new Map<string, unknown>();
for (const [id, at] of indexBy(sections.speech_id!)) {
  const own = (scoreIndex.get(id) ?? []).filter((i) => scores.section_id![i] !== "_all");
  perSpeech.set(id, {
    sections: packed(sections, SECTION_COLUMNS, at),
    scores: packed(scores, SCORE_COLUMNS, own),
  });
}
writeShards("speech-detail", perSpeech);
