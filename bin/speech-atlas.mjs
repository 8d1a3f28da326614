#!/usr/bin/env node
// Runs the TypeScript CLI through tsx (a runtime dependency), wherever the package is installed.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const r = spawnSync(
  process.execPath,
  [
    "--import",
    pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm")).href,
    join(root, "data-loaders", "cli.ts"),
    ...process.argv.slice(2),
  ],
  {
    stdio: "inherit",
    cwd: process.cwd(),
  },
);
process.exit(r.status ?? 1);
