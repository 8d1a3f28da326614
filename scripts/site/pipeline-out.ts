// Where the dashboard's Framework loaders (src/data/*) find the pipeline's published tables.
// The pipeline writes <table>.parquet + <table>.csv + datapackage.json + manifest.json into one
// folder: $SPEECH_ATLAS_OUT when set (relative paths resolve against the project root), else out/.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";
import { TABLE_NAMES } from "../../data-loaders/tables/index.ts";

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Every table the pipeline publishes, from the tables' contracts (data-loaders/tables/). */
export const TABLES = TABLE_NAMES;
export type TableName = string;

export function outDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.SPEECH_ATLAS_OUT;
  if (!dir) return join(PROJECT_ROOT, "out");
  return isAbsolute(dir) ? dir : join(PROJECT_ROOT, dir);
}

/** Framework passes a parameterized loader's route params as `--name=value` arguments. */
export function tableParam(argv: string[] = process.argv.slice(2)): TableName {
  const value = argv.find((a) => a.startsWith("--table="))?.slice("--table=".length);
  // A whitelist, not a path: the route parameter comes from URLs and page links.
  if (!value || !TABLES.includes(value)) {
    throw new Error(`unknown table ${JSON.stringify(value)}; expected one of ${TABLES.join(", ")}`);
  }
  return value as TableName;
}

/** Reads one published file, failing with a message that says how to produce it. */
export function readOutFile(name: string): Buffer {
  const path = join(outDir(), name);
  if (!existsSync(path)) {
    throw new Error(
      `${path} is missing: run \`npm run data\` (or set SPEECH_ATLAS_OUT to a published folder)`,
    );
  }
  return readFileSync(path);
}

/** Publishes `corpus` with the pipeline CLI into a new temporary folder; returns that folder. */
export function publishCorpus(corpus: string, prefix = "atlas-out-"): string {
  const out = mkdtempSync(join(tmpdir(), prefix));
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
      "--quiet",
    ],
    { cwd: PROJECT_ROOT, stdio: ["ignore", "ignore", "inherit"] },
  );
  if (result.status !== 0) throw new Error(`pipeline failed on ${corpus} (exit ${result.status})`);
  return out;
}
