// Makes sure dist/ is a build of the current sources and pipeline output, rebuilding if not.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { BUILD_STAMP } from "../../scripts/site/build.ts";
import { outDir, PROJECT_ROOT } from "../../scripts/site/pipeline-out.ts";

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
function runPipeline(): void {
  const cli = join(PROJECT_ROOT, "data-loaders", "cli.ts");
  if (!existsSync(cli))
    throw new Error(`no pipeline output in ${outDir()} and no ${cli} to produce it`);
  console.log(`# publishing corpus/sample into ${outDir()}`);
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", cli, "--corpus", join(PROJECT_ROOT, "corpus", "sample"), "--out", outDir()],
    {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  if (result.status !== 0 || !existsSync(join(outDir(), "speeches.parquet"))) {
    throw new Error(`pipeline run failed (exit ${result.status}); run \`npm run data\` to see why`);
  }
}

/** Publishes the sample corpus into outDir() unless it already holds pipeline output. */
export function ensurePipelineOutput(): void {
  if (!existsSync(join(outDir(), "speeches.parquet"))) runPipeline();
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
