// Builds (or previews) the dashboard offline: `tsx scripts/site/build.ts [build|preview] [-- framework args]`.
//
// Route chosen (DESIGN.md lists two): fill Framework's npm cache from node_modules
// (scripts/site/npm-cache.ts) rather than importing only from node_modules. Pages then keep
// Framework's ordinary idioms — implicit Plot/Inputs/d3/html, DuckDBClient over FileAttachments,
// Inputs' stylesheet, DuckDB's workers shipped as Framework expects — and the offline guarantee
// lives in one build step instead of in rules every page author must remember. The versions
// served are exactly those in package-lock.json (Framework 1.13.4 expects DuckDB-wasm 1.29.0).
//
// Steps: fill the npm cache → drop cached loader outputs (Framework re-runs a loader only when
// the loader file changes, not when the pipeline's out/ folder does) → run Framework with
// telemetry off and node_modules/.bin on PATH (loaders are `.ts`, run with `tsx`) → write
// lang="zh-CN" into every built page.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fillNpmCache, ROOT } from "./npm-cache.ts";
import { outDir } from "./pipeline-out.ts";

const SRC = join(ROOT, "src");
const DIST = join(ROOT, "dist");
export const BUILD_STAMP = ".speech-atlas-build.json";

function run(command: string, args: string[]): Promise<void> {
  const env = {
    ...process.env,
    PATH: [join(ROOT, "node_modules", ".bin"), process.env.PATH].join(delimiter),
    OBSERVABLE_TELEMETRY_DISABLE: "true",
  };
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Framework 1.13 emits a bare <html>; the language decides CJK glyph and font choice. */
export function setHtmlLang(html: string, lang = "zh-CN"): string {
  return html.replace(/<html(?![^>]*\blang=)([^>]*)>/i, `<html lang="${lang}"$1>`);
}

async function main(): Promise<void> {
  const [mode = "build", ...rest] = process.argv.slice(2).filter((a) => a !== "--");
  if (mode !== "build" && mode !== "preview")
    throw new Error(`usage: build.ts [build|preview] [framework args]`);
  if (!existsSync(join(outDir(), "speeches.parquet"))) {
    throw new Error(
      `no pipeline output in ${outDir()}: run \`npm run data\` first, or set SPEECH_ATLAS_OUT`,
    );
  }
  const started = performance.now();
  const bundled = await fillNpmCache(SRC);
  console.log(
    bundled.length ? `npm cache: bundled ${bundled.join(", ")}` : "npm cache: up to date",
  );
  rmSync(join(SRC, ".observablehq", "cache", "data"), { recursive: true, force: true });

  const observable = join(
    ROOT,
    "node_modules",
    "@observablehq",
    "framework",
    "dist",
    "bin",
    "observable.js",
  );
  if (mode === "preview") return run(process.execPath, [observable, "preview", ...rest]);

  await run(process.execPath, [observable, "build", ...rest]);
  let bytes = 0;
  let files = 0;
  for (const path of walk(DIST)) {
    if (path.endsWith(".html")) writeFileSync(path, setHtmlLang(readFileSync(path, "utf8")));
    bytes += statSync(path).size;
    files++;
  }
  // Lets the browser tests tell which pipeline output this dist/ was built from.
  writeFileSync(
    join(DIST, BUILD_STAMP),
    JSON.stringify({ out: outDir(), builtAt: new Date().toISOString() }),
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `site: ${files} files, ${(bytes / 1e6).toFixed(1)} MB in dist/, built in ${seconds} s from ${outDir()}`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
