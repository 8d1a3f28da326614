// A second site for the browser tests: publish a corpus with the pipeline CLI, then build the
// dashboard of that output into a temporary folder (scripts/site/build-into.ts).
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSiteInto } from "../../scripts/site/build-into.ts";
import { PROJECT_ROOT } from "../../scripts/site/pipeline-out.ts";

/** Publishes `corpus` with the pipeline CLI into a new temporary folder; returns that folder. */
export function publishCorpus(corpus: string): string {
  const out = mkdtempSync(join(tmpdir(), "atlas-out-"));
  const result = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      join(PROJECT_ROOT, "data-loaders", "cli.ts"),
      "--corpus",
      corpus,
      "--out",
      out,
    ],
    {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  if (result.status !== 0) throw new Error(`pipeline failed on ${corpus} (exit ${result.status})`);
  return out;
}

/** Builds the site of pipeline output `out` into a new temporary folder (~45 s); returns it. */
export function buildSiteOf(out: string): Promise<string> {
  return buildSiteInto(out);
}
