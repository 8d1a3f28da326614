// Browser-sized slice of theme_scores: whole-speech rows only (section_id = '_all'). The full
// table is speech × leaf section × theme and grows large on big corpora; the Overview heatmap,
// the Themes bars/trend and the theme embeds need only speech × theme. The full table stays a
// download on the Data page; per-section scores of one speech are in its per-speech JSON.
import * as parquet from "parquet-wasm";
import * as arrow from "apache-arrow";
import { readOutFile } from "../../scripts/site/pipeline-out.ts";

const all = arrow.tableFromIPC(
  parquet.readParquet(readOutFile("theme_scores.parquet")).intoIPCStream(),
);
const sectionId = all.getChild("section_id");
const keep: number[] = [];
for (let i = 0; i < all.numRows; i++) if (sectionId?.get(i) === "_all") keep.push(i);
// Same columns and types as theme_scores.arrow, fewer rows: queries written for it still work.
const columns: Record<string, arrow.Vector> = {};
for (const field of all.schema.fields) {
  const child = all.getChild(field.name)!;
  columns[field.name] = arrow.vectorFromArray(
    keep.map((i) => child.get(i)),
    field.type,
  );
}
process.stdout.write(arrow.tableToIPC(new arrow.Table(columns), "stream"));
