// Browser-sized aggregate of the terms table: speech × term counts, sections summed away (the
// terms table is speech × section × term and grows large on big corpora). The log-odds embed page
// computes its comparisons on this; the Terms page reads smaller precomputed counts instead
// (logodds.zip.ts, speech-terms.zip.ts). The full table stays downloadable on the Data page.
// Columns, not row objects: the terms table has ~9 million rows at 10,000 speeches.
import * as arrow from "apache-arrow";
import { readOutColumns } from "../lib/columns.ts";

const terms = readOutColumns("terms", ["speech_id", "term", "count"]);
const counts = new Map<string, { speech_id: string; term: string; count: number }>();
for (let i = 0; i < terms.term!.length; i++) {
  const speech_id = String(terms.speech_id![i]);
  const term = String(terms.term![i]);
  const key = `${speech_id}\u0000${term}`;
  const entry = counts.get(key);
  if (entry) entry.count += Number(terms.count![i]);
  else counts.set(key, { speech_id, term, count: Number(terms.count![i]) });
}
const rows = [...counts.values()];
const table = arrow.tableFromArrays({
  speech_id: rows.map((r) => r.speech_id),
  term: rows.map((r) => r.term),
  count: Int32Array.from(rows.map((r) => r.count)),
});
process.stdout.write(arrow.tableToIPC(table, "stream"));
