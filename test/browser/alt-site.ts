// Builds the dashboard against another pipeline output into another folder, leaving dist/ (the
// site of out/) alone: a temporary Framework config that extends the project's and only moves
// `output`. Loaders see the other output through SPEECH_ATLAS_OUT, and so does the config's
// dynamicPaths (one reader page per speech of that output).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { setHtmlLang } from "../../scripts/site/build.ts";
import { fillNpmCache } from "../../scripts/site/npm-cache.ts";
import { PROJECT_ROOT } from "../../scripts/site/pipeline-out.ts";

/** Framework reuses a loader's cached output while the loader file is unchanged: drop it. */
const dropLoaderCache = () =>
  rmSync(join(PROJECT_ROOT, "src", ".observablehq", "cache", "data"), {
    recursive: true,
    force: true,
  });

function setLang(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) setLang(path);
    else if (name.endsWith(".html")) writeFileSync(path, setHtmlLang(readFileSync(path, "utf8")));
  }
}

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
export async function buildSiteOf(out: string): Promise<string> {
  await fillNpmCache();
  const dist = mkdtempSync(join(tmpdir(), "atlas-dist-"));
  const config = join(dist, "..", `${dist.split("/").pop()}.config.ts`);
  writeFileSync(
    config,
    `import base from ${JSON.stringify(join(PROJECT_ROOT, "observablehq.config.ts"))};\nexport default {...base, output: ${JSON.stringify(dist)}};\n`,
  );
  dropLoaderCache();
  try {
    const observable = join(
      PROJECT_ROOT,
      "node_modules",
      "@observablehq",
      "framework",
      "dist",
      "bin",
      "observable.js",
    );
    // --import tsx: Framework registers tsx only for a config named observablehq.config.ts.
    const result = spawnSync(
      process.execPath,
      ["--import", "tsx", observable, "build", "--config", config],
      {
        cwd: PROJECT_ROOT,
        env: {
          ...process.env,
          SPEECH_ATLAS_OUT: out,
          PATH: [join(PROJECT_ROOT, "node_modules", ".bin"), process.env.PATH].join(delimiter),
          OBSERVABLE_TELEMETRY_DISABLE: "true",
        },
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
    if (result.status !== 0)
      throw new Error(`site build for ${out} failed (exit ${result.status})`);
  } finally {
    dropLoaderCache();
    rmSync(config, { force: true });
  }
  setLang(dist);
  return dist;
}
