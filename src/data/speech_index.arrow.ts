// Browser-sized slice of the speeches table: the columns the analysis pages list, filter and
// group by, without the long text columns (year evidence, salutation, closing) that make up most
// of its bytes. The full table stays a download on the Data page.
import * as parquet from "parquet-wasm";
import * as arrow from "apache-arrow";
import { readOutFile } from "../../scripts/site/pipeline-out.ts";

export const SPEECH_INDEX_COLUMNS = [
  "speech_id",
  "title",
  "source_file",
  "year",
  "level",
  "genre",
  "speaker_role",
  "han_chars",
  "sections",
  "sentences",
  "year_basis",
  "year_conflict",
  "content_year",
  "placeholders",
  "quality_flags",
  // Text reuse (issue 17): the Overview's reuse panel ranks and groups by these.
  "reused_chars",
  "reused_share",
  "reuse_sources",
];

// Only these columns decoded (the long text columns are most of the read).
const index = arrow.tableFromIPC(
  parquet
    .readParquet(readOutFile("speeches.parquet"), { columns: SPEECH_INDEX_COLUMNS })
    .intoIPCStream(),
);
process.stdout.write(arrow.tableToIPC(index.select(SPEECH_INDEX_COLUMNS), "stream"));
