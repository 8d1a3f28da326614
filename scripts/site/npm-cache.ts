// Fill Observable Framework's npm cache from node_modules, so `observable build` never fetches.
//
// Why this route (DESIGN.md, "Facts about this environment"): Framework 1.13 resolves every `npm:`
// import — explicit ones and the implicit Plot, Inputs, d3, html, DuckDBClient, FileAttachment
// readers — by downloading `https://cdn.jsdelivr.net/npm/<name>@<version>/+esm` into
// `src/.observablehq/cache/_npm/<name>@<version>/_esm.js`, unless that file already exists; and it
// resolves versions from the folder names found there before asking the registry. Writing those
// files ourselves, as esbuild bundles of the exact versions in node_modules, keeps every ordinary
// Framework idiom working (implicit globals, `DuckDBClient.of({...FileAttachment})`, Inputs CSS)
// with no change to pages, whereas the other route (import only from node_modules) forbids the
// implicit globals and needs hand-copied DuckDB workers. Each bundle inlines its dependencies
// except apache-arrow, which stays one shared module: DuckDB-wasm checks Arrow tables by class
// identity, and bundles that each carry their own copy make Arrow inserts fail silently.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

interface CachedPackage {
  name: string;
  /** Module to bundle: a bare specifier resolved from node_modules with browser conditions. */
  entry: string;
  /** Extra files copied verbatim: [path inside the package, path inside the cache folder]. */
  files?: [string, string][];
  /** Shared modules left as imports of their own cache entry instead of being inlined. */
  external?: string[];
}

/** Every package Framework may ask for on our pages, explicitly or implicitly. */
const PACKAGES: CachedPackage[] = [
  { name: "apache-arrow", entry: "apache-arrow" },
  {
    name: "@duckdb/duckdb-wasm",
    entry: "@duckdb/duckdb-wasm/dist/duckdb-browser.mjs",
    external: ["apache-arrow"],
    // Workers are classic scripts, self-contained: copy as shipped, never re-bundle.
    files: [
      "duckdb-mvp.wasm",
      "duckdb-eh.wasm",
      "duckdb-browser-mvp.worker.js",
      "duckdb-browser-eh.worker.js",
    ].map((f): [string, string] => [`dist/${f}`, `dist/${f}`]),
  },
  { name: "@observablehq/plot", entry: "@observablehq/plot" },
  { name: "@observablehq/inputs", entry: "@observablehq/inputs" },
  { name: "htl", entry: "htl" },
  { name: "isoformat", entry: "isoformat" },
  { name: "d3", entry: "d3" },
  { name: "d3-dsv", entry: "d3-dsv" },
  // Data shaping in the pages (group, roll up, derive); its browser build has no Node built-ins.
  { name: "arquero", entry: "arquero" },
  {
    name: "parquet-wasm",
    entry: "parquet-wasm/esm/parquet_wasm.js",
    files: [["esm/parquet_wasm_bg.wasm", "esm/parquet_wasm_bg.wasm"]],
  },
];

export const npmCacheDir = (root = join(ROOT, "src")): string =>
  join(root, ".observablehq", "cache", "_npm");

// Not require.resolve: packages with "exports" maps (apache-arrow) hide their package.json.
const packageRoot = (name: string): string => join(ROOT, "node_modules", name);
const installedVersion = (name: string): string =>
  (JSON.parse(readFileSync(join(packageRoot(name), "package.json"), "utf8")) as { version: string })
    .version;

/** esbuild plugin: bare imports of shared packages become relative imports of their cache entry. */
function sharedExternals(fromDir: string, cacheDir: string, names: string[]): Plugin {
  return {
    name: "shared-externals",
    setup(b) {
      for (const name of names) {
        const filter = new RegExp(`^${name.replace(/[/.]/g, "\\$&")}$`);
        b.onResolve({ filter }, () => {
          const target = join(cacheDir, `${name}@${installedVersion(name)}`, "_esm.js");
          return {
            path: relative(fromDir, target)
              .replace(/\\/g, "/")
              .replace(/^(?!\.)/, "./"),
            external: true,
          };
        });
      }
    },
  };
}

/** Writes one package's bundle (and files) unless the stamp says it is already current. */
async function fillPackage(pkg: CachedPackage, cacheDir: string): Promise<"fresh" | "built"> {
  const version = installedVersion(pkg.name);
  const dir = join(cacheDir, `${pkg.name}@${version}`);
  const stamp = createHash("sha256")
    .update(JSON.stringify(pkg))
    .update(version)
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .digest("hex");
  const stampFile = join(dir, ".speech-atlas-stamp");
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) return "fresh";

  // Other versions of the same package (e.g. fetched once from jsDelivr) would win Framework's
  // "highest cached version" resolution; only the node_modules version may remain.
  const scopeDir = dirname(dir);
  if (existsSync(scopeDir)) {
    const base = pkg.name.split("/").pop()!;
    for (const entry of readdirSync(scopeDir))
      if (entry.startsWith(`${base}@`)) rmSync(join(scopeDir, entry), { recursive: true });
  }
  mkdirSync(dir, { recursive: true });
  await build({
    // A bare specifier, so esbuild resolves it with browser/import conditions like any import.
    entryPoints: [pkg.entry],
    absWorkingDir: ROOT,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    logLevel: "error",
    outfile: join(dir, "_esm.js"),
    plugins: [sharedExternals(dir, cacheDir, pkg.external ?? [])],
  });
  const pkgRoot = packageRoot(pkg.name);
  for (const [from, to] of pkg.files ?? []) {
    mkdirSync(dirname(join(dir, to)), { recursive: true });
    cpSync(join(pkgRoot, from), join(dir, to));
  }
  // Framework reads package.json from the cache when resolving a bundle's dependencies.
  cpSync(join(pkgRoot, "package.json"), join(dir, "package.json"));
  writeFileSync(stampFile, stamp);
  return "built";
}

/** Fills the cache for all PACKAGES; returns which were rebuilt. */
export async function fillNpmCache(root = join(ROOT, "src")): Promise<string[]> {
  const cacheDir = npmCacheDir(root);
  const built: string[] = [];
  for (const pkg of PACKAGES)
    if ((await fillPackage(pkg, cacheDir)) === "built") built.push(pkg.name);
  return built;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const built = await fillNpmCache();
  console.log(built.length ? `npm cache: bundled ${built.join(", ")}` : "npm cache: up to date");
}
