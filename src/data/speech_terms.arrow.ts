// Browser-sized aggregate of the terms table: speech × term counts, sections summed away (the
// terms table is speech × section × term and grows large on big corpora). The Terms page runs
// its log-odds comparisons on this; the full table stays downloadable on the Data page.
import * as arrow from "apache-arrow";
import { readOutTable } from "../lib/outTables.ts";

const counts = new Map<string, { speech_id: string; term: string; count: number }>();
for (const row of readOutTable("terms")) {
  const speech_id = String(row.speech_id);
  const term = String(row.term);
  const key = `${speech_id}\u0000${term}`;
  const entry = counts.get(key);
  if (entry) entry.count += Number(row.count);
  else counts.set(key, { speech_id, term, count: Number(row.count) });
}
const rows = [...counts.values()];
const table = arrow.tableFromArrays({
  speech_id: rows.map((r) => r.speech_id),
  term: rows.map((r) => r.term),
  count: Int32Array.from(rows.map((r) => r.count)),
});
process.stdout.write(arrow.tableToIPC(table, "stream"));
