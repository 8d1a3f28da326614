// Compact per-formulation KWIC index: one row per formulation hit with the text of its sentence
// (and the sentence's start offset), so the Terms page shows keyword-in-context lines for a
// formulation without shipping the whole sentences table (~100 MB at 10,000 speeches). Only the
// sentences that carry a hit are copied; offsets stay speech-level UTF-16, as in formulation_hits.
// Columns, not row objects: the sentences table has ~1 million rows at 10,000 speeches.
import * as arrow from "apache-arrow";
import { readOutColumns } from "../lib/columns.ts";

const HIT_COLUMNS = [
  "formulation_id",
  "speech_id",
  "section_id",
  "sentence_id",
  "start",
  "end",
  "matched",
];
const h = readOutColumns("formulation_hits", HIT_COLUMNS);
const keyOf = (speech: unknown, sentence: unknown) => `${String(speech)}\u0000${Number(sentence)}`;
const wanted = new Set(h.speech_id!.map((id, i) => keyOf(id, h.sentence_id![i])));
const s = readOutColumns("sentences", ["speech_id", "sentence_id", "start", "text"]);
const sentence = new Map<string, { start: number; text: string }>();
for (let i = 0; i < s.speech_id!.length; i++) {
  const key = keyOf(s.speech_id![i], s.sentence_id![i]);
  if (wanted.has(key)) sentence.set(key, { start: Number(s.start![i]), text: String(s.text![i]) });
}
const rows = h.speech_id!.flatMap((id, i) => {
  const found = sentence.get(keyOf(id, h.sentence_id![i]));
  return found ? [{ i, s: found }] : [];
});
const column = (name: string) => rows.map(({ i }) => h[name]![i]);
const table = arrow.tableFromArrays({
  formulation_id: column("formulation_id").map(String),
  speech_id: column("speech_id").map(String),
  // Leaf section of the hit: formulations that appear in the same section (Terms page).
  section_id: column("section_id").map(String),
  sentence_id: Int32Array.from(column("sentence_id").map(Number)),
  start: Float64Array.from(column("start").map(Number)),
  end: Float64Array.from(column("end").map(Number)),
  matched: column("matched").map(String),
  s_start: Float64Array.from(rows.map((d) => d.s.start)),
  text: rows.map((d) => d.s.text),
});
process.stdout.write(arrow.tableToIPC(table, "stream"));
