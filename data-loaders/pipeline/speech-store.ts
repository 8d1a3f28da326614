// One file per processed speech, written by whoever processed it (a worker process, or the main
// thread with --workers 1): a header (the compact outcome, V8-serialized) followed by the bulky
// parts, stored as they are: the cleaned text and, per table, the speech's rows as binary columns
// and as CSV lines (column-blocks.ts). The main process reads only headers; a bulky part is read
// back by offset when its table is written (or, for a text, when duplicate detection needs it).
//
// Why: the bulky parts are ~130 kB per speech. Sending them through the worker → main message
// channel, spilling them again in the main process and gzipping them into a cache entry cost
// more CPU than the processing around them (10,000 speeches: ~1.3 GB each way). Now they are
// written once, and the cache entry is this very file (a hit costs one header read).
//
// Layout: "SAS2" | u32 LE header length | u32 LE raw block length | header (v8.serialize) |
// padding to a multiple of 8 | raw block | bulky parts back to back. The raw block is bytes the
// caller encodes itself (cache.ts: the token arrays and MinHash signature as typed-array bytes),
// read with the header in the same read: V8-deserializing ~1,000 strings and four typed arrays
// per speech was the largest cost of a cache hit. Offsets in the header count from the end of
// the raw block. Files are written under a temp name and renamed, so a reader never sees a torn
// file; a header that does not parse, or parts running past the end of the file, make the entry
// unreadable (the caller recomputes), never wrong.
import { randomBytes } from "node:crypto";
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  writeSync,
  writevSync,
} from "node:fs";
import { dirname } from "node:path";
import { deserialize, serialize } from "node:v8";

const MAGIC = Buffer.from("SAS2", "latin1");
const PREFIX = MAGIC.length + 8;
const align8 = (n: number) => (n + 7) & ~7;

/** [offset, byte length] of a bulky part in its file. */
export type Span = readonly [number, number];

/** Where a speech's bulky parts are: `text` and one span per named part. */
export interface StoredParts<Name extends string> {
  file: string;
  text: Span;
  parts: Record<Name, Span>;
}

/** Writes `header` + `raw` + bulky parts to `path` (temp name + rename); returns where each part
 *  is. */
export function writeStored<Name extends string, H>(
  path: string,
  header: H,
  text: string,
  parts: Record<Name, string | Uint8Array>,
  raw: Uint8Array = new Uint8Array(0),
): StoredParts<Name> {
  const names = Object.keys(parts) as Name[];
  const bytes = (p: string | Uint8Array) => (typeof p === "string" ? Buffer.from(p, "utf8") : p);
  const bodies = [Buffer.from(text, "utf8"), ...names.map((n) => bytes(parts[n]))];
  // Offsets in the header are relative to the end of the header, so they do not depend on it.
  let at = 0;
  const spans = bodies.map((b): Span => {
    const span: Span = [at, b.length];
    at += b.length;
    return span;
  });
  const relative = {
    text: spans[0]!,
    parts: Object.fromEntries(names.map((n, i) => [n, spans[i + 1]!])) as Record<Name, Span>,
  };
  const headerBytes = serialize({ header, ...relative, v: 2 });
  const prefix = Buffer.alloc(PREFIX);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt32LE(headerBytes.length, MAGIC.length);
  prefix.writeUInt32LE(raw.byteLength, MAGIC.length + 4);
  // The raw block starts 8-aligned in the file, so a reader may view it as typed arrays.
  const padding = Buffer.alloc(align8(PREFIX + headerBytes.length) - PREFIX - headerBytes.length);
  const rawStart = PREFIX + headerBytes.length + padding.length;
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  // The folder is created when missing, not checked for on every file (a syscall per speech).
  let fd: number;
  try {
    fd = openSync(tmp, "w");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(tmp, "w");
  }
  try {
    // One writev for the ~16 chunks; a short write (rare on a file) finishes chunk by chunk.
    const chunks = [prefix, headerBytes, padding, raw, ...bodies];
    let skip = writevSync(fd, chunks);
    for (const chunk of chunks) {
      const from = Math.min(skip, chunk.byteLength);
      skip -= from;
      for (let done = from; done < chunk.byteLength;)
        done += writeSync(fd, chunk, done, chunk.byteLength - done);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  return absolute(path, rawStart + raw.byteLength, relative);
}

function absolute<Name extends string>(
  file: string,
  bodyStart: number,
  relative: { text: Span; parts: Record<Name, Span> },
): StoredParts<Name> {
  const shift = ([offset, length]: Span): Span => [bodyStart + offset, length];
  return {
    file,
    text: shift(relative.text),
    parts: Object.fromEntries(
      Object.entries<Span>(relative.parts).map(([n, span]) => [n, shift(span)]),
    ) as Record<Name, Span>,
  };
}

/** Reused for every header read: one buffer instead of one allocation per file. */
let scratch = Buffer.allocUnsafeSlow(1 << 16);

/** Fills `buf` from `fd` at `position` until full or end of file; returns the bytes read. */
function readFully(fd: number, buf: Buffer, position: number): number {
  let got = 0;
  while (got < buf.length) {
    const n = readSync(fd, buf, got, buf.length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

/** The first read of an entry: the prefix and the start of the header. The rest of the header
 *  and the raw block (~18 kB for a speech, up to ~32 kB) follow in one more read of exactly
 *  their length. A first read of 64 kB, which held both, also copied ~45 kB of text per entry
 *  that a cache hit never looks at: 0.43 s instead of 0.13 s for 10,000 entries in memory. */
const FIRST_READ = 4096;

/** Time spent opening and reading entries in readStoredHeader, summed (page-warmer.ts tells a
 *  cold page cache by it). */
export const headerReads = { ms: 0 };

/**
 * The header, raw block and part locations of a stored file, or null if missing or unreadable.
 * One open and two reads (see FIRST_READ).
 * `raw` is a copy with its own ArrayBuffer (offset 0), so it can be viewed as typed arrays.
 */
export function readStoredHeader<Name extends string, H>(
  path: string,
): { header: H; raw: Uint8Array; stored: StoredParts<Name> } | null {
  const t = performance.now();
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    if (size < PREFIX) return null;
    let got = readFully(fd, scratch.subarray(0, Math.min(size, FIRST_READ)), 0);
    if (got < PREFIX || !scratch.subarray(0, MAGIC.length).equals(MAGIC)) return null;
    const length = scratch.readUInt32LE(MAGIC.length);
    const rawLength = scratch.readUInt32LE(MAGIC.length + 4);
    const rawStart = align8(PREFIX + length);
    const bodyStart = rawStart + rawLength;
    if (bodyStart > size) return null;
    if (bodyStart > got) {
      if (scratch.length < bodyStart) {
        const bigger = Buffer.allocUnsafeSlow(align8(bodyStart) * 2);
        scratch.copy(bigger, 0, 0, got);
        scratch = bigger;
      }
      got += readFully(fd, scratch.subarray(got, bodyStart), got);
      if (got < bodyStart) return null;
    }
    headerReads.ms += performance.now() - t;
    // A copy to deserialize from: Node's deserializer returns typed arrays as views of its input.
    const data = deserialize(Buffer.from(scratch.subarray(PREFIX, PREFIX + length))) as {
      header: H;
      text: [number, number];
      parts: Record<Name, [number, number]>;
      v: number;
    };
    if (data?.v !== 2 || !Array.isArray(data.text) || typeof data.parts !== "object") return null;
    const stored = absolute<Name>(path, bodyStart, data);
    for (const [offset, len] of [stored.text, ...Object.values<Span>(stored.parts)])
      if (!(len >= 0 && offset + len <= size)) return null;
    const raw = new Uint8Array(scratch.buffer.slice(rawStart, bodyStart));
    return { header: data.header, raw, stored };
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** One bulky part of a stored file, as text. */
export function readStoredPart(file: string, span: Span): string {
  return readStoredBytes(file, span).toString("utf8");
}

/** One bulky part of a stored file, as bytes. */
export function readStoredBytes(file: string, span: Span): Buffer {
  return readStoredSpans(file, [span])[0]!;
}

/** Several bulky parts of one stored file, as bytes, with one open (a table's columns and CSV
 *  lines are read together, for every speech of every table). */
export function readStoredSpans(file: string, spans: readonly Span[]): Buffer[] {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (err) {
    throw new Error(
      `${file}: a processed speech's rows are gone (${(err as NodeJS.ErrnoException).code}); ` +
        "was the cache folder deleted while this run was writing? Run again.",
    );
  }
  try {
    return spans.map(([offset, length]) => {
      const buf = Buffer.allocUnsafe(length);
      let got = 0;
      while (got < length) {
        const n = readSync(fd, buf, got, length - got, offset + got);
        if (n === 0) throw new Error(`${file}: ends before byte ${offset + length}`);
        got += n;
      }
      return buf;
    });
  } finally {
    closeSync(fd);
  }
}
