// Enumerate the input files of a corpus directory. I/O edge of the ingest stage.
import { readdir, realpath, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { isInside } from "./paths.ts";

/**
 * Every regular file under `root`, as paths relative to `root` with forward slashes, sorted by
 * code point so the manifest order is the same on every machine and locale.
 *
 * - Files of every extension are returned: unsupported ones are quarantined by readInput with
 *   a reason, so the manifest accounts for every file an analyst put in the corpus.
 * - Hidden directories (`.git`, `.obsidian`, …) are skipped: they hold tool state, not speeches.
 *   Hidden *files* are returned, and readInput quarantines them as "hidden file".
 * - Symlinks: a link to a file inside the root is returned; links that lead outside the root
 *   are skipped (readInput also refuses them, as a second guard), and links to directories are
 *   not descended, which rules out cycles and escapes.
 */
export async function listCorpusFiles(root: string): Promise<string[]> {
  const rootReal = await realpath(root);
  const out: string[] = [];
  await walk(rootReal, rootReal, out);
  return out.sort(compareCodePoints);
}

async function walk(dir: string, root: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith(".")) await walk(abs, root, out);
    } else if (entry.isFile()) {
      out.push(toRelative(root, abs));
    } else if (entry.isSymbolicLink()) {
      const target = await stat(abs).catch(() => null); // dangling link: nothing to read
      if (target?.isFile() && isInside(root, await realpath(abs))) out.push(toRelative(root, abs));
    }
    // Sockets, FIFOs and devices are not corpus files.
  }
}

function toRelative(root: string, abs: string): string {
  return relative(root, abs).split(sep).join("/");
}

/** Order by Unicode code point (JS `<` on strings compares UTF-16 units, which misorders astral characters). */
export function compareCodePoints(a: string, b: string): number {
  const ai = a[Symbol.iterator]();
  const bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next();
    const y = bi.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) return d;
  }
}
