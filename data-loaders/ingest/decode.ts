// Encoding detection and decoding of text files. Pure: Buffer in, verdict out.
//
// Order of evidence, strongest first:
//   1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE);
//   2. the NUL-byte pattern of BOM-less UTF-16 (ASCII-heavy UTF-16 has a 0x00 in every other byte);
//   3. strict UTF-8 validity (random non-UTF-8 bytes almost never form valid UTF-8);
//   4. otherwise the legacy Chinese encodings: GB18030 (a superset of GBK and GB2312), with
//      BOM-less UTF-16 as a rival reading, accepted only if the text looks like Chinese prose.
// NUL bytes or many control bytes, with no plausible UTF-16 reading, mean binary content.
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
  const looksBinary = buf.includes(0) || controlByteShare(buf) > MAX_CONTROL_SHARE;

  if (!looksBinary) {
    const utf8 = strictUtf8(buf, "utf-8");
    if (utf8.kind === "text") return utf8;
  }
  // Chinese-only UTF-16 has no NUL pattern but plenty of "control" bytes (，is FF0C, 。 is 3002,
  // 一 is 4E00), so the binary verdict waits until no Chinese reading of the bytes is plausible.
  const legacy = bestLegacyReading(buf);
  if (legacy.kind === "text") return legacy;
  return looksBinary ? { kind: "binary" } : legacy;
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
    if (
      (b < 0x20 &&
        b !== 0x09 &&
        b !== 0x0a &&
        b !== 0x0b &&
        b !== 0x0c &&
        b !== 0x0d &&
        b !== 0x1b) ||
      b === 0x7f
    ) {
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

// About 500 of the most frequent characters of modern written Chinese; together they make up
// roughly three quarters of running text. Wrong readings of Chinese bytes also produce Han
// characters (GBK bytes read as UTF-16 land all over the CJK blocks), but almost never these.
const COMMON_HAN = new Set(
  "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞",
);

interface Plausibility {
  ok: boolean;
  /** Share of common characters among Han characters: how much the reading looks like prose. */
  score: number;
}

/**
 * A reading is plausible when it has (almost) no replacement, control or private-use
 * characters, at least a fifth of its visible characters are Han, and at least 30% of those are
 * among the most common characters. Mojibake (UTF-16 read as GB18030, bytes of another
 * encoding read as UTF-16) fails the last test, so the right reading has the highest score.
 */
function plausibility(text: string): Plausibility {
  let visible = 0;
  let han = 0;
  let common = 0;
  let bad = 0;
  let total = 0;
  for (const ch of text) {
    total++;
    if (isBadChar(ch.codePointAt(0)!)) bad++;
    if (/\s/u.test(ch)) continue;
    visible++;
    if (HAN.test(ch)) {
      han++;
      if (COMMON_HAN.has(ch)) common++;
    }
  }
  const score = han === 0 ? 0 : common / han;
  const ok = bad / Math.max(1, total) <= MAX_BAD_SHARE && han >= 0.2 * visible && score >= 0.3;
  return { ok, score };
}

function bestLegacyReading(buf: Buffer): DecodeResult {
  const candidates: { text: string; encoding: "gb18030" | "utf-16le" | "utf-16be" }[] = [
    { text: iconv.decode(buf, "gb18030"), encoding: "gb18030" },
  ];
  for (const encoding of ["utf-16le", "utf-16be"] as const) {
    const text = decodeUtf16(buf, encoding);
    if (text !== null) candidates.push({ text, encoding });
  }
  let best: { text: string; encoding: "gb18030" | "utf-16le" | "utf-16be"; score: number } | null =
    null;
  for (const c of candidates) {
    const p = plausibility(c.text);
    // Strictly greater: on a tie GB18030 (listed first, far more common in the wild) wins.
    if (p.ok && (best === null || p.score > best.score)) best = { ...c, score: p.score };
  }
  return best === null
    ? { kind: "undecodable" }
    : { kind: "text", text: best.text, encoding: best.encoding };
}
