// Read one corpus file into a DecodedFile, or explain why it was quarantined. I/O edge.
import { createHash } from "node:crypto";
import { createReadStream, lstatSync, readFileSync, realpathSync } from "node:fs";
import { extname, join } from "node:path";
import type { DecodedFile, Encoding, ManifestRow } from "../types.ts";
import { decodeBuffer } from "./decode.ts";
import { extractDocxText } from "./docx.ts";
import { normalizeText } from "./normalize.ts";
import { isInside } from "./paths.ts";

export type ReadResult =
  { kind: "ok"; file: DecodedFile } | { kind: "quarantined"; row: ManifestRow };

export interface ReadOptions {
  /** Files larger than this are quarantined unread (they are still hashed, by streaming). */
  maxBytes: number;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** Extensions read as plain text. Markdown and HTML markup is stripped later, by clean/. */
const TEXT_EXTENSIONS = new Set([".txt", ".text", ".md", ".markdown", ".html", ".htm"]);
const DOCX_EXTENSION = ".docx";

const HAN = /\p{Script=Han}/u;

/**
 * Never throws for bad content: every way a file can fail becomes a quarantined manifest row
 * with a short reason. sha256 and bytes are always filled so the manifest identifies the exact
 * bytes that were judged. (It does throw when the file cannot be read at all, e.g. it vanished
 * or permissions deny it: that is an environment problem, not a content problem.)
 */
export async function readInput(
  root: string,
  relPath: string,
  opts: ReadOptions = { maxBytes: DEFAULT_MAX_BYTES },
): Promise<ReadResult> {
  const abs = join(root, relPath);
  const quarantine = (
    sha256: string,
    bytes: number,
    reason: string,
    encoding: Encoding | null = null,
  ): ReadResult => ({
    kind: "quarantined",
    row: {
      path: relPath,
      sha256,
      bytes,
      encoding,
      status: "quarantined",
      reason,
      speech_id: null,
      similarity: null,
    },
  });

  // Synchronous calls: the caller (a pool worker, or the main thread with --workers 1) reads one
  // file at a time with nothing to overlap, and each await of fs/promises is a thread-pool round
  // trip; the four per file took longer than decoding it, more so on a busy machine.
  // Links are resolved before reading so a link cannot smuggle in a file from outside the corpus.
  const link = lstatSync(abs);
  if (link.isSymbolicLink() && !isInside(realpathSync.native(root), realpathSync.native(abs))) {
    return quarantine("", 0, "symlink outside corpus root");
  }

  // Not a link: its own lstat is the file's (a linked parent folder is followed either way).
  const size = link.isSymbolicLink() ? lstatSync(realpathSync.native(abs)).size : link.size;
  if (size > opts.maxBytes) {
    return quarantine(
      await hashStream(abs),
      size,
      `over size limit (${mb(size)} > ${mb(opts.maxBytes)})`,
    );
  }

  const buf = readFileSync(abs);
  const sha256 = createHash("sha256").update(buf).digest("hex");
  const bytes = buf.length;

  if (relPath.split("/").some((part) => part.startsWith(".")))
    return quarantine(sha256, bytes, "hidden file");
  if (bytes === 0) return quarantine(sha256, bytes, "empty file");

  const ext = extname(relPath).toLowerCase();
  let raw: string;
  let encoding: Encoding;
  if (ext === DOCX_EXTENSION) {
    const docx = await extractDocxText(buf);
    if (docx.kind === "unreadable")
      return quarantine(sha256, bytes, `unreadable docx: ${docx.detail}`);
    raw = docx.text;
    encoding = "docx";
  } else if (TEXT_EXTENSIONS.has(ext)) {
    const decoded = decodeBuffer(buf);
    if (decoded.kind === "binary") return quarantine(sha256, bytes, "binary content");
    if (decoded.kind === "undecodable") return quarantine(sha256, bytes, "undecodable text");
    raw = decoded.text;
    encoding = decoded.encoding;
  } else {
    return quarantine(
      sha256,
      bytes,
      ext === "" ? "unsupported file type (no extension)" : `unsupported file type ${ext}`,
    );
  }

  const text = normalizeText(raw);
  if (text.length === 0) return quarantine(sha256, bytes, "empty file", encoding);
  if (!HAN.test(text)) return quarantine(sha256, bytes, "no Chinese text", encoding);
  return { kind: "ok", file: { path: relPath, sha256, bytes, encoding, text } };
}

/** Megabytes with one decimal, in the binary sense the size limit is set in (10 MB = 10 × 2^20 bytes). */
function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

async function hashStream(abs: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(abs)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
