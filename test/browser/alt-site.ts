// A second site for the browser tests: publish a corpus with the pipeline CLI, then build the
// dashboard of that output into a temporary folder (scripts/site/build-into.ts).
import { buildSiteInto } from "../../scripts/site/build-into.ts";
export { publishCorpus } from "../../scripts/site/pipeline-out.ts";

/** Builds the site of pipeline output `out` into a new temporary folder (~45 s); returns it. */
export function buildSiteOf(out: string): Promise<string> {
  return buildSiteInto(out);
}
