// Quality flags: cheap signals that a text was damaged, redacted or relabelled on its way to us.

/** Paired marks checked for balance; ASCII " cannot be paired and is not checked. */
const PAIRS: readonly [string, string][] = [
  ["“", "”"],
  ["‘", "’"],
  ["《", "》"],
  ["（", "）"],
];

/** Slot of each mark in the counts below (2p: opening of pair p, 2p+1: closing), -1 for other
 *  code units: one pass counts every mark (each is one code unit, and no surrogate equals one). */
const MARK_SLOT = new Int8Array(0x10000).fill(-1);
PAIRS.forEach(([open, close], p) => {
  MARK_SLOT[open.charCodeAt(0)] = 2 * p;
  MARK_SLOT[close.charCodeAt(0)] = 2 * p + 1;
});

/** The pairs whose opening and closing counts differ, e.g. ["“”"]. */
export function unbalancedPairs(text: string): string[] {
  const counts = new Array<number>(2 * PAIRS.length).fill(0);
  for (let i = 0; i < text.length; i++) {
    const k = MARK_SLOT[text.charCodeAt(i)]!;
    if (k !== -1) counts[k]!++;
  }
  const out: string[] = [];
  PAIRS.forEach(([open, close], p) => {
    if (counts[2 * p] !== counts[2 * p + 1]) out.push(open + close);
  });
  return out;
}

const TERMINAL = /[。！？!?；;]$/;
/** Closing quotes and brackets, and whitespace, that may follow the last terminal mark. */
const TRAILING_CLOSER = /[”’」』）)》\s]/;
const DATE_SIGNATURE =
  /\n[^\n]{0,20}(?:[0-9０-９]{4}|[〇零○一二三四五六七八九]{4})年[^\n。]{0,8}日?$/;
const TRAILING_NOTE = /[（(][^（）()\n]{0,40}[）)]\s*$/;
const DANGLING = /(?:…+|\.{3,}|等等)$/;

/**
 * Ends mid-sentence: no terminal mark after the last closing quotes, or an ellipsis / 等等 at the
 * very end (a scraper's "read more" cut).
 */
export function isTruncated(text: string): boolean {
  // Every pattern here is anchored at the end and spans a bounded number of units (noted at
  // each), so it is run on the end of the text only: the same match, where a search of the
  // whole speech tried every position.
  // A closing date line (2023年6月30日) is a signature, not the last sentence. (At most 35
  // units: "\n", 20, 4 digits, 年, 8, 日.)
  const t = replaceAtEnd(text.trimEnd(), DATE_SIGNATURE, 35).trimEnd();
  if (t.length === 0) return false;
  if (DANGLING.test(t.slice(-3))) return true; // "…", "..." or "等等"
  // A closing stage note or source line in brackets (（鼓掌）, (来源：…）) is not the last sentence.
  // (At most 42 units: t ends in no whitespace for \s* to take.)
  const core = withoutTrailingClosers(replaceAtEnd(t, TRAILING_NOTE, 42));
  // A text ending in a closing quote right after a terminal mark (…。”) is complete.
  return !TERMINAL.test(core.slice(-1));
}

/** s.replace(re, "") for a pattern that is anchored at the end of s, has no look-behind and
 *  matches at most maxLength units: only the last maxLength units are searched. */
function replaceAtEnd(s: string, re: RegExp, maxLength: number): string {
  if (s.length <= maxLength) return s.replace(re, "");
  const cut = s.length - maxLength;
  return s.slice(0, cut) + s.slice(cut).replace(re, "");
}

/** The run of TRAILING_CLOSER characters at the end of s removed (s.replace(/[…]+$/, "")). */
function withoutTrailingClosers(s: string): string {
  let end = s.length;
  while (end > 0 && TRAILING_CLOSER.test(s[end - 1]!)) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** Declared vs counted length differ by more than this share of the declared length. */
export const DECLARED_TOLERANCE = 0.25;

export function declaredLengthMismatch(declared: number | null, hanChars: number): boolean {
  if (declared === null || declared <= 0) return false;
  return Math.abs(declared - hanChars) / declared > DECLARED_TOLERANCE;
}

export interface QualityInputs {
  text: string;
  placeholders: number;
  declared_chars: number | null;
  han_chars: number;
  year_conflict: boolean;
}

/** Sorted, comma-separated flag list ("" when clean). */
export function qualityFlags(q: QualityInputs): string {
  const flags: string[] = [];
  if (unbalancedPairs(q.text).length > 0) flags.push("unbalanced_quotes");
  if (q.placeholders > 0) flags.push("placeholders");
  if (isTruncated(q.text)) flags.push("truncated");
  if (declaredLengthMismatch(q.declared_chars, q.han_chars)) flags.push("declared_length_mismatch");
  if (q.year_conflict) flags.push("year_conflict");
  return flags.sort().join(",");
}
