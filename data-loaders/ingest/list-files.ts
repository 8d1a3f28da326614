// Enumerate the input files of a corpus directory. I/O edge of the ingest stage.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";
import type { ManifestRow } from "../types.ts";
import { excludingGlob, globToRegExp, notASpeech } from "./hygiene.ts";
import { isInside } from "./paths.ts";

export interface ListOptions {
  /** Globs over corpus-relative paths (hygiene.ts globToRegExp); matching files are skipped. */
  exclude?: readonly string[];
  /** Corpus-relative path of the metadata CSV when it lies inside the corpus: not a speech. */
  metadataFile?: string | null;
}

export interface CorpusListing {
  /** Every entry the manifest accounts for (files, and links that could not be followed),
   *  relative to the root with forward slashes, in code-point order. */
  paths: string[];
  /** The entries that are not read, each with its manifest row (the reason says why). */
  skipped: Map<string, ManifestRow>;
}

/**
 * Every entry of the corpus folder the manifest has to account for, and which of them are not
 * to be read.
 *
 * - Hidden directories (`.git`, `.obsidian`, …) are not descended: they hold tool state, not
 *   speeches. Hidden *files* are listed, and readInput quarantines them as "hidden file".
 * - Files that are evidently not speeches (README, LICENSE, .json, .csv, …: hygiene.ts), files
 *   matching an `exclude` glob and the metadata file are listed as skipped, with the reason.
 * - Symbolic links inside the root are followed once: a link to a file is read like the file; a
 *   link to a folder is descended after every real folder has been walked, unless that folder
 *   was read already (a loop, or the same folder reached twice). Broken links, loops and links
 *   leading outside the root are listed as skipped with the reason, never dropped silently.
 */
export async function listCorpus(root: string, opts: ListOptions = {}): Promise<CorpusListing> {
  const rootReal = await realpath(root);
  const found: Found = { files: [], links: [], problems: new Map(), walked: new Map() };
  const walked = found.walked;
  await walk(rootReal, rootReal, "", found);
  // Linked folders in a fixed order, each followed at most once; what they contain may hold
  // more links, which join the queue.
  while (found.links.length > 0) {
    found.links.sort((a, b) => compareCodePoints(a.rel, b.rel));
    const link = found.links.shift()!;
    const target = await realpath(link.abs).catch((err: NodeJS.ErrnoException) => err);
    if (target instanceof Error) {
      found.problems.set(link.rel, linkProblem(target));
      continue;
    }
    if (!isInside(rootReal, target) && target !== rootReal) {
      found.problems.set(link.rel, "symlink outside corpus root");
      continue;
    }
    const seenAt = walked.get(target);
    if (seenAt !== undefined) {
      const loop = link.rel === seenAt || link.rel.startsWith(seenAt === "" ? "" : `${seenAt}/`);
      found.problems.set(
        link.rel,
        loop
          ? "symbolic link loop (points to a folder that contains it)"
          : `symbolic link to a folder already read (${seenAt || "the corpus root"})`,
      );
      continue;
    }
    await walk(rootReal, target, link.rel, found);
  }

  const globs = (opts.exclude ?? []).map((glob) => ({ glob, re: globToRegExp(glob) }));
  const skipped = new Map<string, ManifestRow>();
  for (const [rel, reason] of found.problems) skipped.set(rel, skippedRow(rel, "", 0, reason));
  for (const { rel, abs } of found.files) {
    const glob = excludingGlob(rel, globs);
    const reason =
      glob !== null
        ? `excluded by --exclude ${glob}`
        : rel === opts.metadataFile
          ? "metadata file (applied to the speeches it names; see manifest.json metadata)"
          : notASpeech(rel);
    if (reason === null) continue;
    const { sha256, bytes } = await hashFile(abs);
    skipped.set(rel, skippedRow(rel, sha256, bytes, reason));
  }
  const paths = [...found.files.map((f) => f.rel), ...found.problems.keys()];
  return { paths: paths.sort(compareCodePoints), skipped };
}

/**
 * The files to read: every listed file that is not skipped (see listCorpus), relative to
 * `root` with forward slashes, sorted by code point so the manifest order is the same on every
 * machine and locale.
 */
export async function listCorpusFiles(root: string, opts: ListOptions = {}): Promise<string[]> {
  const { paths, skipped } = await listCorpus(root, opts);
  return paths.filter((p) => !skipped.has(p));
}

interface Found {
  files: { rel: string; abs: string }[];
  /** Links to folders, followed after the real folders. */
  links: { rel: string; abs: string }[];
  problems: Map<string, string>;
  /** Real path of every folder walked → the relative path it was read under. */
  walked: Map<string, string>;
}

async function walk(root: string, dir: string, relDir: string, found: Found): Promise<void> {
  found.walked.set(dir, relDir);
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const abs = join(dir, entry.name);
    const rel = relDir === "" ? entry.name : `${relDir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!entry.name.startsWith(".")) await walk(root, abs, rel, found);
    } else if (entry.isFile()) {
      found.files.push({ rel, abs });
    } else if (entry.isSymbolicLink()) {
      const target = await stat(abs).catch((err: NodeJS.ErrnoException) => err);
      if (target instanceof Error) found.problems.set(rel, linkProblem(target));
      else if (target.isDirectory()) {
        if (!entry.name.startsWith(".")) found.links.push({ rel, abs });
      } else if (target.isFile()) {
        if (isInside(root, await realpath(abs))) found.files.push({ rel, abs });
        else found.problems.set(rel, "symlink outside corpus root");
      }
    }
    // Sockets, FIFOs and devices are not corpus files.
  }
}

function linkProblem(err: NodeJS.ErrnoException): string {
  if (err.code === "ELOOP") return "symbolic link loop";
  if (err.code === "ENOENT" || err.code === "ENOTDIR") return "broken symbolic link";
  return `unreadable symbolic link (${err.code ?? err.message})`;
}

function skippedRow(path: string, sha256: string, bytes: number, reason: string): ManifestRow {
  return {
    path,
    sha256,
    bytes,
    encoding: null,
    status: "quarantined",
    reason,
    speech_id: null,
    similarity: null,
  };
}

async function hashFile(abs: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(abs) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest("hex"), bytes };
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
