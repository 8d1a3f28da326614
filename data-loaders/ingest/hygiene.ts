// Corpus hygiene: which files of a corpus folder are evidently not speeches, and which the user
// excluded. Pure functions of a path; the listing (list-files.ts) turns their verdicts into
// manifest rows, so a skipped file is accounted for with its reason instead of being ingested
// (a README.md would otherwise become a "speech" in every chart) or silently dropped.

/** Base names (without extension, case-insensitive) of the files repositories and archives
 *  carry beside their content. */
const HOUSEKEEPING_NAMES = new Set([
  "readme",
  "license",
  "licence",
  "copying",
  "notice",
  "authors",
  "contributors",
  "changelog",
  "citation",
  "metadata",
]);

/** Extensions of data, code and configuration files: never a speech's text. */
const DATA_EXTENSIONS = new Set([
  "json",
  "jsonl",
  "ndjson",
  "csv",
  "tsv",
  "xlsx",
  "xls",
  "ods",
  "parquet",
  "arrow",
  "yaml",
  "yml",
  "toml",
  "ini",
  "cfg",
  "xml",
  "py",
  "ipynb",
  "js",
  "mjs",
  "ts",
  "r",
  "sh",
  "bat",
  "sql",
  "db",
  "sqlite",
  "log",
  "lock",
]);

/**
 * Why a file is evidently not a speech, or null. Judged by name only: README/LICENSE-like
 * names whatever their extension (README.md, LICENSE.txt, COPYING), and data or code files.
 * Exact names only, so a speech file whose name merely starts with such a word is kept.
 */
export function notASpeech(relPath: string): string | null {
  const base = relPath.slice(relPath.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  const ext = dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
  // README.zh.md, LICENSE.txt, COPYING: the name before the first dot decides.
  const name = base.split(".")[0]!.toLowerCase();
  if (HOUSEKEEPING_NAMES.has(name))
    return `not a speech: ${base} is a housekeeping file (README, LICENSE, …)`;
  if (DATA_EXTENSIONS.has(ext)) return `not a speech: .${ext} is a data or code file`;
  return null;
}

/**
 * A glob as a RegExp over corpus-relative paths with forward slashes: `*` and `?` stay inside
 * one path segment, `**` spans segments, `[abc]` is a class. A pattern without a slash matches
 * the base name at any depth (as in .gitignore); a pattern ending in `/` matches everything
 * under that folder.
 */
export function globToRegExp(glob: string): RegExp {
  let g = glob.trim().replace(/^\.\//, "");
  if (g.endsWith("/")) g += "**";
  const anchored = g.includes("/");
  let re = "";
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === "*" && g[i + 1] === "*") {
      // `**/` matches zero or more whole segments; a trailing `**` anything.
      if (g[i + 2] === "/") {
        re += "(?:.*/)?";
        i += 2;
      } else {
        re += ".*";
        i += 1;
      }
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const close = g.indexOf("]", i + 1);
      if (close < 0) re += "\\[";
      else {
        const body = g
          .slice(i + 1, close)
          .replace(/^!/, "^")
          .replace(/\\/g, "\\\\");
        re += `[${body}]`;
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\\]]/g, "\\$&");
  }
  return new RegExp(anchored ? `^${re}$` : `(?:^|/)${re}$`, "u");
}

/** The first of `globs` that matches `relPath`, or null. */
export function excludingGlob(
  relPath: string,
  globs: readonly { glob: string; re: RegExp }[],
): string | null {
  for (const g of globs) if (g.re.test(relPath)) return g.glob;
  return null;
}
