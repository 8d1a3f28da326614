// The one cache: a content-addressed store of per-speech results. Key = sha256(cache format,
// context fingerprint (pipeline and lexicon versions), the input's raw-bytes digest, its path,
// the size limit), so any change to the input, a lexicon file or the pipeline is a different key:
// entries are never stale, only unused, and the folder can be deleted between runs.
//
// An entry is three files under `<dir>/<key[0:2]>/`:
//   <key>.txt         the cleaned text (duplicate detection reads it for candidate pairs)
//   <key>.part.csv    the speech's rows of every per-speech table and its sentences' terms, as
//                     CSV lines (publish/speech-parts.ts): what DuckDB reads
//   <key>.json        the compact outcome (speech row, MinHash signature, candidates, ...)
// Each is written to a temporary name and renamed; the outcome file comes last, so an entry
// whose outcome file exists is complete (a crash leaves at most unused files, which prune()
// removes). A run without a cache writes the same entries into a temporary folder.
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CompactOutcome, ReadableOutcome } from "./file-work.ts";
import { statusOf, type InputDigests } from "./input-digests.ts";
import { statSync } from "node:fs";

/** Bumped when the shape of an entry changes (old entries then simply stop matching). */
export const CACHE_FORMAT = 13;

/** Where an entry's files are. */
export interface EntryFiles {
  key: string;
  outcome: string;
  text: string;
  parts: string;
}

export class SpeechCache {
  constructor(
    readonly dir: string,
    private fingerprint: string,
  ) {}

  key(parts: { path: string; maxBytes: number; raw: string }): string {
    return createHash("sha256")
      .update(
        JSON.stringify([CACHE_FORMAT, this.fingerprint, parts.raw, parts.path, parts.maxBytes]),
      )
      .digest("hex");
  }

  files(key: string): EntryFiles {
    const base = join(this.dir, key.slice(0, 2), key);
    return { key, outcome: `${base}.json`, text: `${base}.txt`, parts: `${base}.part.csv` };
  }

  /** The SHA-256 of a corpus file's bytes (what its key covers), or null when it cannot be
   *  read, and whether the file was read for it. With `digests`, a file they vouch for is not
   *  read (input-digests.ts), and one that is read is recorded in them. */
  inputDigest(
    root: string,
    path: string,
    digests?: InputDigests,
  ): { digest: string | null; read: boolean } {
    const file = join(root, path);
    const known = digests?.digest(path, file) ?? null;
    if (known !== null) return { digest: known, read: false };
    const readAt = Date.now();
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return { digest: null, read: true }; // the miss path reports why
    }
    const digest = createHash("sha256").update(bytes).digest("hex");
    const stat = statSync(file, { bigint: true, throwIfNoEntry: false });
    if (digests && stat) digests.record(path, statusOf(stat), readAt, digest);
    return { digest, read: true };
  }

  /** The entry's outcome, or null when there is no complete entry. */
  get(key: string): ReadableOutcome | null {
    const entry = this.files(key);
    let outcome: CompactOutcome;
    try {
      outcome = JSON.parse(readFileSync(entry.outcome, "utf8")) as CompactOutcome;
    } catch {
      return null; // missing or damaged: recompute and overwrite
    }
    return outcome.kind === "readable" ? { ...outcome, entry } : null;
  }

  put(
    key: string,
    outcome: CompactOutcome,
    text: string,
    part: string | Uint8Array,
  ): ReadableOutcome {
    const entry = this.files(key);
    mkdirSync(join(this.dir, key.slice(0, 2)), { recursive: true });
    atomicWrite(entry.text, text);
    atomicWrite(entry.parts, part);
    atomicWrite(entry.outcome, JSON.stringify(outcome));
    return { ...outcome, entry };
  }

  /** Removes every entry (and stray temporary file) whose key is not in `keep`; the number of
   *  entries removed. Only a run over a whole corpus knows which entries it needs. */
  prune(keep: ReadonlySet<string>): number {
    let removed = 0;
    let subdirs: string[];
    try {
      subdirs = readdirSync(this.dir).filter((d) => /^[0-9a-f]{2}$/.test(d));
    } catch {
      return 0;
    }
    for (const sub of subdirs) {
      for (const name of readdirSync(join(this.dir, sub))) {
        const key = name.slice(0, 64);
        if (keep.has(key) && !name.endsWith(".tmp")) continue;
        rmSync(join(this.dir, sub, name), { force: true });
        if (name.endsWith(".json")) removed++;
      }
    }
    return removed;
  }
}

function atomicWrite(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}
