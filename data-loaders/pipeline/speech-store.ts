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
// Layout: "SAS1" | u32 LE header length | header (v8.serialize) | bulky parts back to back.
// Offsets in the header count from the end of the header. Files are written under a temp name
// and renamed, so a reader never sees a torn file; a header that does not parse, or parts running
// past the end of the file, make the entry unreadable (the caller recomputes), never wrong.
import { randomBytes } from "node:crypto";
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  writeSync,
} from "node:fs";
import { dirname } from "node:path";
import { deserialize, serialize } from "node:v8";

const MAGIC = Buffer.from("SAS1", "latin1");
const PREFIX = MAGIC.length + 4;

/** [offset, byte length] of a bulky part in its file. */
export type Span = readonly [number, number];

/** Where a speech's bulky parts are: `text` and one span per named part. */
export interface StoredParts<Name extends string> {
  file: string;
  text: Span;
  parts: Record<Name, Span>;
}

/** Writes `header` + bulky parts to `path` (temp name + rename); returns where each part is. */
export function writeStored<Name extends string, H>(
  path: string,
  header: H,
  text: string,
  parts: Record<Name, string | Uint8Array>,
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
  const headerBytes = serialize({ header, ...relative, v: 1 });
  const prefix = Buffer.alloc(PREFIX);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt32LE(headerBytes.length, MAGIC.length);
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const fd = openSync(tmp, "w");
  try {
    for (const chunk of [prefix, headerBytes, ...bodies])
      for (let done = 0; done < chunk.byteLength;)
        done += writeSync(fd, chunk, done, chunk.byteLength - done);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  return absolute(path, PREFIX + headerBytes.length, relative);
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

/** The header and part locations of a stored file, or null if missing or unreadable. */
export function readStoredHeader<Name extends string, H>(
  path: string,
): { header: H; stored: StoredParts<Name> } | null {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    if (size < PREFIX) return null;
    const prefix = Buffer.alloc(PREFIX);
    readSync(fd, prefix, 0, PREFIX, 0);
    if (!prefix.subarray(0, MAGIC.length).equals(MAGIC)) return null;
    const length = prefix.readUInt32LE(MAGIC.length);
    if (PREFIX + length > size) return null;
    const bytes = Buffer.allocUnsafe(length);
    readSync(fd, bytes, 0, length, PREFIX);
    const data = deserialize(bytes) as {
      header: H;
      text: [number, number];
      parts: Record<Name, [number, number]>;
      v: number;
    };
    if (data?.v !== 1 || !Array.isArray(data.text) || typeof data.parts !== "object") return null;
    const stored = absolute<Name>(path, PREFIX + length, data);
    for (const [offset, len] of [stored.text, ...Object.values<Span>(stored.parts)])
      if (!(len >= 0 && offset + len <= size)) return null;
    return { header: data.header, stored };
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
