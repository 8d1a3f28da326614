// What the pages need of manifest.json (2.6 MB at 10,000 speeches: every input file with its
// hash): pipeline and lexicon versions and the corpus counts for the source lines, the number of
// input files, and the files not ingested (listed on the Overview). The full manifest stays a
// download on the Data page.
import { readOutFile } from "../../scripts/site/pipeline-out.ts";

interface Input {
  path: string;
  status: string;
  reason: string | null;
}
const manifest = JSON.parse(readOutFile("manifest.json").toString("utf8")) as {
  pipeline?: unknown;
  lexicons?: unknown;
  corpus?: unknown;
  inputs?: Input[];
};
const inputs = manifest.inputs ?? [];
process.stdout.write(
  JSON.stringify({
    pipeline: manifest.pipeline,
    lexicons: manifest.lexicons,
    corpus: manifest.corpus,
    files: inputs.length,
    not_ingested: inputs
      .filter((i) => i.status !== "ingested")
      .map(({ path, status, reason }) => ({ path, status, reason })),
  }),
);
