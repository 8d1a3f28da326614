// Browser-sized aggregate of formulation_hits: speech × formulation hit counts. Charts that only
// count (Overview totals, formulation trends) read this instead of every hit row.
import * as arrow from "apache-arrow";
import { readOutTable } from "../lib/outTables.ts";

const counts = new Map<string, { speech_id: string; formulation_id: string; hits: number }>();
for (const h of readOutTable("formulation_hits")) {
  const speech_id = String(h.speech_id);
  const formulation_id = String(h.formulation_id);
  const key = `${speech_id}\u0000${formulation_id}`;
  const entry = counts.get(key);
  if (entry) entry.hits++;
  else counts.set(key, { speech_id, formulation_id, hits: 1 });
}
const rows = [...counts.values()];
const table = arrow.tableFromArrays({
  speech_id: rows.map((r) => r.speech_id),
  formulation_id: rows.map((r) => r.formulation_id),
  hits: Int32Array.from(rows.map((r) => r.hits)),
});
process.stdout.write(arrow.tableToIPC(table, "stream"));
