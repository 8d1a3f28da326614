// Browser-sized aggregate of the terms table: speech × term counts, sections summed away (the
// terms table is speech × section × term and grows large on big corpora). The log-odds embed page
// computes its comparisons on this; the Terms page reads smaller precomputed counts instead
// (logodds.zip.ts, speech-terms.zip.ts). The full table stays downloadable on the Data page.
// Rows by speech id, then term; summed by src/lib/termCounts.ts (~9 million rows at 10,000
// speeches).
import * as arrow from "apache-arrow";
import { readTermCounts } from "../lib/termCounts.ts";

const { vocab, speeches } = readTermCounts();
let rows = 0;
for (const own of speeches.values()) rows += own.terms.length;
const speechId: string[] = new Array(rows);
const term: string[] = new Array(rows);
const count = new Int32Array(rows);
let r = 0;
for (const [id, own] of speeches) {
  for (let k = 0; k < own.terms.length; k++, r++) {
    speechId[r] = id;
    term[r] = vocab[own.terms[k]!]!;
    count[r] = own.counts[k]!;
  }
}
const table = arrow.tableFromArrays({ speech_id: speechId, term, count });
process.stdout.write(arrow.tableToIPC(table, "stream"));
