// Makes sure dist/ is a build of the current sources and pipeline output, rebuilding if not.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { BUILD_STAMP } from "../../scripts/site/build.ts";
import { outDir, PROJECT_ROOT } from "../../scripts/site/pipeline-out.ts";
import { PIPELINE_VERSION } from "../../data-loaders/version.ts";

export const DIST = join(PROJECT_ROOT, "dist");

function newestMtime(path: string, skip: (name: string) => boolean = () => false): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path))
    if (!skip(name)) newest = Math.max(newest, newestMtime(join(path, name), skip));
  return newest;
}

/**
 * Why the pipeline output in `out` is stale, or null when it is current: written by another
 * pipeline version, or older than the pipeline's code (data-loaders/) or its lexicons (lexicon/).
 * Without this a browser test could pass on output the current code would no longer write.
 */
export function pipelineStaleReason(out: string = outDir()): string | null {
  const manifestPath = join(out, "manifest.json");
  if (!existsSync(manifestPath)) return `${out} has no manifest.json`;
  let version: unknown;
  try {
    version = (
      JSON.parse(readFileSync(manifestPath, "utf8")) as { pipeline?: { version?: unknown } }
    ).pipeline?.version;
  } catch {
    return `${manifestPath} is not JSON`;
  }
  if (version !== PIPELINE_VERSION)
    return `${out} was written by pipeline ${String(version)}, the code is ${PIPELINE_VERSION}`;
  const written = statSync(manifestPath).mtimeMs;
  for (const dir of ["data-loaders", "lexicon"])
    if (newestMtime(join(PROJECT_ROOT, dir)) > written)
      return `${dir}/ changed since ${out} was written`;
  return null;
}

/** Why dist/ must be rebuilt, or null when it is current. */
export function staleReason(): string | null {
  const stampPath = join(DIST, BUILD_STAMP);
  if (!existsSync(stampPath)) return "dist/ has no build stamp";
  const stamp = JSON.parse(readFileSync(stampPath, "utf8")) as { out: string };
  if (stamp.out !== outDir()) return `dist/ was built from ${stamp.out}, not ${outDir()}`;
  const built = statSync(stampPath).mtimeMs;
  const inputs = [
    newestMtime(join(PROJECT_ROOT, "src"), (name) => name === ".observablehq"),
    newestMtime(join(PROJECT_ROOT, "observablehq.config.ts")),
    newestMtime(join(PROJECT_ROOT, "scripts", "site")),
    newestMtime(outDir()),
  ];
  return Math.max(...inputs) > built
    ? "sources or pipeline output changed since the last build"
    : null;
}

/** Publishes the sample corpus into outDir() with the pipeline CLI, as `npm run build` does. */
function runPipeline(why: string): void {
  const cli = join(PROJECT_ROOT, "data-loaders", "cli.ts");
  if (!existsSync(cli))
    throw new Error(`no pipeline output in ${outDir()} and no ${cli} to produce it`);
  console.log(`# publishing corpus/sample into ${outDir()}: ${why}`);
  const result = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      cli,
      "--corpus",
      join(PROJECT_ROOT, "corpus", "sample"),
      "--out",
      outDir(),
      // The run's own up-to-date check knows the inputs, not a change in the pipeline's code.
      "--rebuild",
    ],
    {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  if (result.status !== 0 || !existsSync(join(outDir(), "speeches.parquet"))) {
    throw new Error(`pipeline run failed (exit ${result.status}); run \`npm run data\` to see why`);
  }
}

/**
 * Publishes the sample corpus into outDir() unless it holds current pipeline output. Stale output
 * of the sample (the test fixture) is rewritten; stale output of another corpus is an error, not
 * overwritten: rerun `npm run data` on that corpus.
 */
export function ensurePipelineOutput(): void {
  if (!existsSync(join(outDir(), "speeches.parquet"))) return runPipeline("no output yet");
  const reason = pipelineStaleReason();
  if (!reason) return;
  let corpus: unknown;
  try {
    corpus = (
      JSON.parse(readFileSync(join(outDir(), "manifest.json"), "utf8")) as {
        corpus?: { name?: unknown };
      }
    ).corpus?.name;
  } catch {
    corpus = undefined;
  }
  if (corpus !== undefined && corpus !== "sample")
    throw new Error(
      `stale pipeline output of corpus ${String(corpus)}: ${reason}; rerun \`npm run data\``,
    );
  runPipeline(reason);
}

/** Builds the site when stale (~20 s), publishing the sample corpus first when outDir() is empty. */
export function ensureSite(): void {
  ensurePipelineOutput();
  const reason = staleReason();
  if (!reason) return;
  console.log(`# building site: ${reason}`);
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", join(PROJECT_ROOT, "scripts", "site", "build.ts")],
    {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  if (result.status !== 0) throw new Error(`site build failed (exit ${result.status})`);
}
