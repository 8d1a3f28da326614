// Browser-sized slice of theme_scores: whole-speech rows only (section_id = '_all'). The full
// table is speech × leaf section × theme and grows large on big corpora; the Overview heatmap,
// the Themes bars/trend and the theme embeds need only speech × theme. The full table stays a
// download on the Data page; per-section scores of one speech are in its per-speech JSON.
import * as parquet from "parquet-wasm";
import * as arrow from "apache-arrow";
import { readOutFile } from "../../scripts/site/pipeline-out.ts";

// Large record batches: get(i) on a vector of thousands of small batches searches for the batch
// first (~10 s for theme_scores at 10,000 speeches); values are read in one pass per column.
const all = arrow.tableFromIPC(
  parquet.readParquet(readOutFile("theme_scores.parquet"), { batchSize: 1 << 20 }).intoIPCStream(),
);
const keep = new Uint8Array(all.numRows);
let i = 0;
for (const v of all.getChild("section_id")!) keep[i++] = v === "_all" ? 1 : 0;
// Same columns and types as theme_scores.arrow, fewer rows: queries written for it still work.
const columns: Record<string, arrow.Vector> = {};
for (const field of all.schema.fields) {
  const values: unknown[] = [];
  i = 0;
  for (const v of all.getChild(field.name)!) if (keep[i++]) values.push(v);
  columns[field.name] = arrow.vectorFromArray(values, field.type);
}
process.stdout.write(arrow.tableToIPC(new arrow.Table(columns), "stream"));
