// Encoding detection and decoding of text files. Pure: Buffer in, verdict out.
//
// Order of evidence, strongest first:
//   1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE);
//   2. the NUL-byte pattern of BOM-less UTF-16 (ASCII-heavy UTF-16 has a 0x00 in every other byte);
//   3. strict UTF-8 validity (random non-UTF-8 bytes almost never form valid UTF-8);
//   4. otherwise the legacy Chinese encodings: GB18030 (a superset of GBK and GB2312), with
//      BOM-less UTF-16 as a rival reading, accepted only if the text looks like Chinese prose.
// NUL bytes outside a UTF-16 pattern, or many control characters, mean binary content.
import iconv from "iconv-lite";
import type { Encoding } from "../types.ts";

export type DecodeResult =
  | { kind: "text"; text: string; encoding: Exclude<Encoding, "docx"> }
  | { kind: "binary" }
  | { kind: "undecodable" };

export function decodeBuffer(buf: Buffer): DecodeResult {
  if (hasPrefix(buf, [0xef, 0xbb, 0xbf])) return strictUtf8(buf.subarray(3), "utf-8-bom");
  if (hasPrefix(buf, [0xff, 0xfe])) return strictUtf16(buf.subarray(2), "utf-16le");
  if (hasPrefix(buf, [0xfe, 0xff])) return strictUtf16(buf.subarray(2), "utf-16be");

  const nulParity = utf16NulParity(buf);
  if (nulParity !== null) return strictUtf16(buf, nulParity);
  if (buf.includes(0)) return { kind: "binary" };
  if (controlByteShare(buf) > MAX_CONTROL_SHARE) return { kind: "binary" };

  const utf8 = strictUtf8(buf, "utf-8");
  if (utf8.kind === "text") return utf8;
  return bestLegacyReading(buf);
}

// --- BOM and strict decoders -------------------------------------------------------------

function hasPrefix(buf: Buffer, bytes: number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

function strictUtf8(bytes: Buffer, encoding: "utf-8" | "utf-8-bom"): DecodeResult {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    return { kind: "text", text, encoding };
  } catch {
    return { kind: "undecodable" };
  }
}

function decodeUtf16(bytes: Buffer, encoding: "utf-16le" | "utf-16be"): string | null {
  if (bytes.length % 2 !== 0) return null;
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null; // lone surrogates
  }
}

function strictUtf16(bytes: Buffer, encoding: "utf-16le" | "utf-16be"): DecodeResult {
  const text = decodeUtf16(bytes, encoding);
  if (text === null) return { kind: "undecodable" };
  // A BOM or NUL pattern can be accidental in binary data; control characters give it away.
  if (badCharShare(text) > MAX_BAD_SHARE) return { kind: "binary" };
  return { kind: "text", text, encoding };
}

// --- binary heuristics -------------------------------------------------------------------

const SAMPLE_BYTES = 64 * 1024;
/** Share of control bytes above which a file is binary; real text has almost none. */
const MAX_CONTROL_SHARE = 0.02;
/** Share of replacement/control/private-use characters a decoded text may have. */
const MAX_BAD_SHARE = 0.001;

/**
 * "utf-16le" / "utf-16be" when NUL bytes sit almost only at odd / even positions (the high
 * byte of ASCII characters), null otherwise. Chinese-only UTF-16 has few NULs, so this is
 * complemented by bestLegacyReading.
 */
function utf16NulParity(buf: Buffer): "utf-16le" | "utf-16be" | null {
  if (buf.length < 4 || buf.length % 2 !== 0) return null;
  const n = Math.min(buf.length, SAMPLE_BYTES);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (buf[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const units = n / 2;
  if (odd >= units * 0.1 && even <= odd * 0.05) return "utf-16le";
  if (even >= units * 0.1 && odd <= even * 0.05) return "utf-16be";
  return null;
}

function controlByteShare(buf: Buffer): number {
  const n = Math.min(buf.length, SAMPLE_BYTES);
  if (n === 0) return 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    // TAB, LF, VT, FF, CR and ESC appear in real text files; the rest do not.
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f) {
      control++;
    }
  }
  return control / n;
}

// --- plausibility of a reading -----------------------------------------------------------

const HAN = /\p{Script=Han}/u;

function isBadChar(cp: number): boolean {
  return (
    cp === 0xfffd || // replacement character: undecodable byte sequence
    (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0b && cp !== 0x0c && cp !== 0x0d) ||
    (cp >= 0x7f && cp <= 0x9f) || // DEL and C1 controls
    (cp >= 0xe000 && cp <= 0xf8ff) || // private use: GBK user-defined area, never prose
    (cp >= 0xd800 && cp <= 0xdfff) // lone surrogate
  );
}

function badCharShare(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  let total = 0;
  for (const ch of text) {
    total++;
    if (isBadChar(ch.codePointAt(0)!)) bad++;
  }
  return bad / total;
}

interface Plausibility {
  ok: boolean;
  /** Share of Han characters among non-whitespace characters: how Chinese the reading looks. */
  hanShare: number;
}

/**
 * A reading is plausible when it has (almost) no replacement or control characters and at
 * least a fifth of its visible characters are Han. Wrong readings of Chinese bytes (UTF-16
 * read as GB18030 or the reverse) scatter ASCII punctuation, controls and user-defined
 * characters, so the right reading has the highest Han share.
 */
function plausibility(text: string): Plausibility {
  let visible = 0;
  let han = 0;
  let bad = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (isBadChar(cp)) bad++;
    if (/\s/u.test(ch)) continue;
    visible++;
    if (HAN.test(ch)) han++;
  }
  const hanShare = visible === 0 ? 0 : han / visible;
  const badShare = bad / Math.max(1, text.length);
  return { ok: badShare <= MAX_BAD_SHARE && hanShare >= 0.2, hanShare };
}

function bestLegacyReading(buf: Buffer): DecodeResult {
  const candidates: { text: string; encoding: "gb18030" | "utf-16le" | "utf-16be" }[] = [
    { text: iconv.decode(buf, "gb18030"), encoding: "gb18030" },
  ];
  for (const encoding of ["utf-16le", "utf-16be"] as const) {
    const text = decodeUtf16(buf, encoding);
    if (text !== null) candidates.push({ text, encoding });
  }
  let best: { text: string; encoding: "gb18030" | "utf-16le" | "utf-16be"; hanShare: number } | null = null;
  for (const c of candidates) {
    const p = plausibility(c.text);
    // Strictly greater: on a tie GB18030 (listed first, far more common in the wild) wins.
    if (p.ok && (best === null || p.hanShare > best.hanShare)) best = { ...c, hanShare: p.hanShare };
  }
  return best === null ? { kind: "undecodable" } : { kind: "text", text: best.text, encoding: best.encoding };
}
