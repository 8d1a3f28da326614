// Sentence splitting. A sentence ends after a terminal mark (。！？；… and ASCII !?;) that is not
// inside a quotation, together with any further terminal marks and closing brackets or quotes
// that follow it; a line end always ends a sentence, and the "\n" belongs to the sentence before
// it. Spans partition the input range exactly, so slicing them reproduces the text.

export interface Span {
  start: number;
  end: number;
}

const TERMINALS = new Set(["。", "！", "？", "；", "…", "!", "?", ";"]);
/** Closers that stay with the sentence they end. */
// ASCII quotes are left out: they do not say whether they open or close.
const CLOSERS = new Set(["”", "’", "」", "』", "）", ")", "】", "》", "〉", "]"]);
const QUOTE_OPEN = new Set(["“", "「", "『"]);
const QUOTE_CLOSE = new Set(["”", "」", "』"]);

export function isTerminal(ch: string | undefined): boolean {
  return ch !== undefined && TERMINALS.has(ch);
}

// The sets above as one table over UTF-16 code units: the scan below reads char codes, since
// text[i] would allocate a one-character string per position (every mark here is one code unit).
const TERMINAL = 1;
const CLOSER = 2;
const OPEN = 4;
const CLOSE = 8;
const CLASS = new Uint8Array(0x10000);
for (const [set, bit] of [
  [TERMINALS, TERMINAL],
  [CLOSERS, CLOSER],
  [QUOTE_OPEN, OPEN],
  [QUOTE_CLOSE, CLOSE],
] as const)
  for (const ch of set) CLASS[ch.charCodeAt(0)]! |= bit;
const NEWLINE = 10;

/**
 * Splits text[start, end) into sentence spans. Quote depth is reset at each line end so that
 * one unbalanced quote (common in scraped speeches) cannot swallow the rest of the speech.
 */
export function splitSentenceSpans(text: string, start = 0, end = text.length): Span[] {
  const spans: Span[] = [];
  let sentenceStart = start;
  let depth = 0;
  let i = start;
  const close = (at: number): void => {
    if (at > sentenceStart) spans.push({ start: sentenceStart, end: at });
    sentenceStart = at;
  };
  const classAt = (k: number) => CLASS[text.charCodeAt(k)]!;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (code === NEWLINE) {
      depth = 0;
      i += 1;
      close(i);
      continue;
    }
    const cls = CLASS[code]!;
    if (cls & OPEN) {
      depth += 1;
      i += 1;
      continue;
    }
    if (cls & CLOSE) {
      depth = Math.max(0, depth - 1);
      i += 1;
      continue;
    }
    if (!(cls & TERMINAL)) {
      i += 1;
      continue;
    }
    // A run of terminal marks ("？！", "……") counts as one.
    let j = i + 1;
    while (j < end && classAt(j) & TERMINAL) j += 1;
    if (depth > 0) {
      // Inside a quotation the mark ends the sentence only when the quotation closes right after it.
      if (j < end && classAt(j) & CLOSE && depth === 1) {
        depth = 0;
        j += 1;
      } else {
        i = j;
        continue;
      }
    }
    while (j < end && classAt(j) & CLOSER) {
      if (classAt(j) & CLOSE) depth = Math.max(0, depth - 1);
      j += 1;
    }
    if (j < end && text.charCodeAt(j) === NEWLINE) {
      depth = 0;
      j += 1;
    }
    i = j;
    close(i);
  }
  close(end);
  return spans;
}
