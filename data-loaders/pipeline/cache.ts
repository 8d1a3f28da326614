// Content-hash store of per-file outcomes. Key = sha256(context fingerprint + the file's raw
// bytes hash + its path + the size limit), so any change to the input, the lexicon files or
// the pipeline version is a different key: entries are never stale, only unused, and the
// folder can be deleted at any time (between runs: a run reads its entries' bulky parts back
// while it publishes). Each entry is a speech-store file (speech-store.ts): the compact outcome
// as a header, the text and encoded rows stored raw after it. A run without a cache writes the
// same files into a temporary folder, so the main process never receives the bulky parts.
//
// A hit is served synchronously (the main thread does nothing else meanwhile): reading the input
// into a reused buffer and the entry's header with one open and one read costs less than the
// promise round trips and buffer allocations of async reads (10,000 hits).
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import type { BulkyPart, CompactOutcome, ReadableOutcome } from "./file-work.ts";
import { decodeOutcomeBlock, encodeOutcomeBlock } from "./outcome-block.ts";
import { readStoredHeader, writeStored } from "./speech-store.ts";

/** Bumped when the shape of a stored outcome changes (old entries then simply stop matching). */
export const CACHE_FORMAT = 11;

/** The header of an entry: the outcome without the numbers kept in the raw block. */
type StoredHeader = Omit<CompactOutcome, "minhash" | "tokens">;

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
  lookup(root: string, path: string, maxBytes: number): ReadableOutcome | null {
    const digest = sha256OfFile(join(root, path));
    if (digest === null) return null;
    return this.get(this.key({ path, maxBytes, raw: digest }));
  }

  /** Reads only the entry's header; the bulky parts stay on disk until a table needs them. */
  get(key: string): ReadableOutcome | null {
    const entry = readStoredHeader<BulkyPart, StoredHeader>(this.file(key));
    if (entry?.header?.kind !== "readable") return null; // unreadable: recompute and overwrite
    // An empty block: an outcome stored without numbers (only partial outcomes in tests).
    const numbers = entry.raw.byteLength === 0 ? {} : decodeOutcomeBlock(entry.raw);
    if (numbers === null) return null;
    return { ...entry.header, ...numbers, stored: entry.stored } as ReadableOutcome;
  }

  put(
    key: string,
    outcome: CompactOutcome,
    text: string,
    tables: Record<BulkyPart, string | Uint8Array>,
  ): ReadableOutcome {
    const { minhash, tokens, ...header } = outcome;
    const raw = tokens === undefined ? new Uint8Array(0) : encodeOutcomeBlock({ minhash, tokens });
    return { ...outcome, stored: writeStored(this.file(key), header, text, tables, raw) };
  }
}

/** Reused for every input read by lookup (grown when a file is larger). */
let input = Buffer.allocUnsafeSlow(1 << 16);

/** SHA-256 (hex) of a file's bytes, or null when it cannot be read (the miss path reports why). */
function sha256OfFile(file: string): string | null {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    if (size + 1 > input.length) input = Buffer.allocUnsafeSlow(2 * size + 1);
    // Read to the end, whatever fstat said: a file growing meanwhile is hashed as read.
    let got = 0;
    for (;;) {
      if (got === input.length) {
        const bigger = Buffer.allocUnsafeSlow(2 * input.length);
        input.copy(bigger, 0, 0, got);
        input = bigger;
      }
      const n = readSync(fd, input, got, input.length - got, got);
      if (n === 0) break;
      got += n;
    }
    return createHash("sha256").update(input.subarray(0, got)).digest("hex");
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
