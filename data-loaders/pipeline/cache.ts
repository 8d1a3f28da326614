// Content-hash store of per-file outcomes. Key = sha256(context fingerprint + the file's raw
// bytes hash + its path + the size limit), so any change to the input, the lexicon files or
// the pipeline version is a different key: entries are never stale, only unused, and the
// folder can be deleted at any time (between runs: a run reads its entries' bulky parts back
// while it publishes). Each entry is a speech-store file (speech-store.ts): the compact outcome
// as a header, the text and encoded rows stored raw after it. A run without a cache writes the
// same files into a temporary folder, so the main process never receives the bulky parts.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { BulkyPart, CompactOutcome, ReadableOutcome } from "./file-work.ts";
import { readStoredHeader, writeStored } from "./speech-store.ts";

/** Bumped when the shape of a stored outcome changes (old entries then simply stop matching). */
export const CACHE_FORMAT = 9;

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

  private file(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.sas`);
  }

  /** The cached outcome of a corpus file, or null (missing, unreadable, or no entry). */
  async lookup(root: string, path: string, maxBytes: number): Promise<ReadableOutcome | null> {
    const raw = await readFile(join(root, path)).catch(() => null);
    if (!raw) return null;
    return this.get(
      this.key({ path, maxBytes, raw: createHash("sha256").update(raw).digest("hex") }),
    );
  }

  /** Reads only the entry's header; the bulky parts stay on disk until a table needs them. */
  get(key: string): ReadableOutcome | null {
    const entry = readStoredHeader<BulkyPart, CompactOutcome>(this.file(key));
    if (entry?.header?.kind !== "readable") return null; // unreadable: recompute and overwrite
    return { ...entry.header, stored: entry.stored };
  }

  put(
    key: string,
    outcome: CompactOutcome,
    text: string,
    tables: Record<BulkyPart, string | Uint8Array>,
  ): ReadableOutcome {
    return { ...outcome, stored: writeStored(this.file(key), outcome, text, tables) };
  }
}
