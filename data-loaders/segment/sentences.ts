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
  while (i < end) {
    const ch = text[i]!;
    if (ch === "\n") {
      depth = 0;
      i += 1;
      close(i);
      continue;
    }
    if (QUOTE_OPEN.has(ch)) {
      depth += 1;
      i += 1;
      continue;
    }
    if (QUOTE_CLOSE.has(ch)) {
      depth = Math.max(0, depth - 1);
      i += 1;
      continue;
    }
    if (!TERMINALS.has(ch)) {
      i += 1;
      continue;
    }
    // A run of terminal marks ("？！", "……") counts as one.
    let j = i + 1;
    while (j < end && TERMINALS.has(text[j]!)) j += 1;
    if (depth > 0) {
      // Inside a quotation the mark ends the sentence only when the quotation closes right after it.
      if (j < end && QUOTE_CLOSE.has(text[j]!) && depth === 1) {
        depth = 0;
        j += 1;
      } else {
        i = j;
        continue;
      }
    }
    while (j < end && CLOSERS.has(text[j]!)) {
      if (QUOTE_CLOSE.has(text[j]!)) depth = Math.max(0, depth - 1);
      j += 1;
    }
    if (j < end && text[j] === "\n") {
      depth = 0;
      j += 1;
    }
    i = j;
    close(i);
  }
  close(end);
  return spans;
}
