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
import { endianness } from "node:os";
import { join } from "node:path";
import type { BulkyPart, CompactOutcome, ReadableOutcome } from "./file-work.ts";
import { statusOf, type InputDigests } from "./input-digests.ts";
import { decodeOutcomeBlock, encodeOutcomeBlock } from "./outcome-block.ts";
import { ReusedReader } from "./reused-read.ts";
import { headerReads, readStoredHeader, writeStored } from "./speech-store.ts";

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
    // The byte order is in the key because an entry's raw block is in native byte order
    // (outcome-block.ts): a cache folder moved to a machine of the other order only misses.
    const format = [CACHE_FORMAT, endianness()];
    return createHash("sha256")
      .update(JSON.stringify([format, this.fingerprint, parts.raw, parts.path, parts.maxBytes]))
      .digest("hex");
  }

  /** Where the entry of `key` is (or would be). */
  file(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.sas`);
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
    const digest = sha256OfFile(file);
    if (digest !== null && digests && inputs.lastStatus)
      digests.record(path, statusOf(inputs.lastStatus), readAt, digest);
    return { digest, read: true };
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

/** Every input read by inputDigest goes through one buffer. */
const inputs = new ReusedReader();

/** Time spent reading inputs and entry headers so far (ms, summed; page-warmer.ts). */
export const lookupReadMs = () => inputs.ms + headerReads.ms;

/** SHA-256 (hex) of a file's bytes, or null when it cannot be read (the miss path reports why). */
function sha256OfFile(file: string): string | null {
  const bytes = inputs.read(file);
  return bytes && createHash("sha256").update(bytes).digest("hex");
}
