// Compact per-formulation KWIC index: one row per formulation hit with the text of its sentence
// (and the sentence's start offset), so the Terms page shows keyword-in-context lines for a
// formulation without shipping the whole sentences table (~100 MB at 10,000 speeches). Only the
// sentences that carry a hit are copied; offsets stay speech-level UTF-16, as in formulation_hits.
import * as arrow from "apache-arrow";
import { readOutTable } from "../lib/outTables.ts";

const hits = readOutTable("formulation_hits");
const wanted = new Set(hits.map((h) => `${String(h.speech_id)}\u0000${Number(h.sentence_id)}`));
const sentence = new Map<string, { start: number; text: string }>();
for (const s of readOutTable("sentences")) {
  const key = `${String(s.speech_id)}\u0000${Number(s.sentence_id)}`;
  if (wanted.has(key)) sentence.set(key, { start: Number(s.start), text: String(s.text) });
}
const rows = hits
  .map((h) => ({ h, s: sentence.get(`${String(h.speech_id)}\u0000${Number(h.sentence_id)}`) }))
  .filter(
    (d): d is { h: (typeof hits)[number]; s: { start: number; text: string } } => d.s !== undefined,
  );
const table = arrow.tableFromArrays({
  formulation_id: rows.map((d) => String(d.h.formulation_id)),
  speech_id: rows.map((d) => String(d.h.speech_id)),
  sentence_id: Int32Array.from(rows.map((d) => Number(d.h.sentence_id))),
  start: Float64Array.from(rows.map((d) => Number(d.h.start))),
  end: Float64Array.from(rows.map((d) => Number(d.h.end))),
  matched: rows.map((d) => String(d.h.matched)),
  s_start: Float64Array.from(rows.map((d) => d.s.start)),
  text: rows.map((d) => d.s.text),
});
process.stdout.write(arrow.tableToIPC(table, "stream"));
