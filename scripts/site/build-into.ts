// Builds the dashboard against another pipeline output into another folder, leaving dist/ (the
// site of out/) alone: a temporary Framework config that extends the project's and only moves
// `output` (and, optionally, limits the reader pages). Loaders see the other output through
// SPEECH_ATLAS_OUT, and so does the config's dynamicPaths. Used by the browser tests (a site of a
// hostile corpus) and by the dashboard benchmark (sites of generated corpora).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { readSpeechIds } from "../../src/lib/speechIds.ts";
import { shardPaths } from "../../src/lib/shards.js";
import { setHtmlLang } from "./build.ts";
import { fillNpmCache } from "./npm-cache.ts";
import { PROJECT_ROOT } from "./pipeline-out.ts";

export interface BuildIntoOptions {
  /** Build at most this many reader pages (default: one per speech). */
  readers?: number;
  /** Prefix of the temporary output folder. */
  prefix?: string;
}

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

/** Builds the site of pipeline output `out` into a new temporary folder; returns that folder. */
export async function buildSiteInto(out: string, options: BuildIntoOptions = {}): Promise<string> {
  await fillNpmCache();
  const dist = mkdtempSync(join(tmpdir(), options.prefix ?? "atlas-dist-"));
  const config = join(dist, "..", `${dist.split("/").pop()}.config.ts`);
  const overrides = [`output: ${JSON.stringify(dist)}`];
  if (options.readers !== undefined) {
    const all = readSpeechIds(out);
    const ids = all.slice(0, options.readers);
    // The shard files are data, not reader pages: always all of them.
    const paths = [...ids.map((id) => `/speeches/${id}`), ...shardPaths(all.length)];
    overrides.push(`dynamicPaths: ${JSON.stringify(paths)}`);
  }
  writeFileSync(
    config,
    `import base from ${JSON.stringify(join(PROJECT_ROOT, "observablehq.config.ts"))};\n` +
      `export default {...base, ${overrides.join(", ")}};\n`,
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
