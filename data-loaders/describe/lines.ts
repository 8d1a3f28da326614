// Paragraph lines and sentence spans of a cleaned speech, with offsets into the text, so every
// later rule can report exactly where its cue sits.

export interface Span {
  start: number;
  end: number;
}

export interface Line extends Span {
  /** Position among the non-empty lines (0-based). */
  index: number;
  /** text.slice(start, end): the line without surrounding whitespace. */
  text: string;
}

/** Non-empty lines, trimmed; offsets point at the trimmed text. */
export function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  for (const raw of text.split("\n")) {
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body.length > 0) {
      const start = pos + lead;
      out.push({ index: out.length, start, end: start + body.length, text: body });
    }
    pos += raw.length + 1;
  }
  return out;
}

const SENTENCE_END = /[。！？!?；;…]+[”’」』）)]*/g;

/** Sentences of text[start, end): each ends after its terminal mark (and any closing quotes). */
export function splitSentences(text: string, start = 0, end = text.length): Span[] {
  const out: Span[] = [];
  const slice = text.slice(start, end);
  let from = 0;
  for (const m of slice.matchAll(SENTENCE_END)) {
    const to = m.index + m[0].length;
    pushTrimmed(slice, from, to, start, out);
    from = to;
  }
  pushTrimmed(slice, from, slice.length, start, out);
  return out;
}

function pushTrimmed(slice: string, from: number, to: number, base: number, out: Span[]): void {
  const part = slice.slice(from, to);
  const lead = part.length - part.trimStart().length;
  const body = part.trim();
  if (body.length > 0)
    out.push({ start: base + from + lead, end: base + from + lead + body.length });
}

const SENTENCE_BREAK = /[。！？!?；;\n]/;
const CLAUSE_BREAK = /[，,：:、]/;

/**
 * The sentence around [start, end), or when that is longer than maxLen, the clauses around it
 * (cut at commas), so evidence snippets stay readable yet still show the cue in its context.
 */
export function contextSpan(text: string, start: number, end: number, maxLen = 80): Span {
  let s = start;
  while (s > 0 && !SENTENCE_BREAK.test(text[s - 1] ?? "")) s--;
  let e = end;
  while (e < text.length && !SENTENCE_BREAK.test(text[e] ?? "")) e++;
  if (e < text.length && text[e] !== "\n") e++; // keep the terminal mark
  if (e - s > maxLen) {
    const half = Math.max(0, Math.floor((maxLen - (end - start)) / 2));
    let cs = start;
    while (cs > s && start - cs < half && !CLAUSE_BREAK.test(text[cs - 1] ?? "")) cs--;
    let ce = end;
    while (ce < e && ce - end < half && !CLAUSE_BREAK.test(text[ce] ?? "")) ce++;
    s = cs;
    e = ce;
  }
  while (s < e && /\s/.test(text[s] ?? "")) s++;
  while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
  return { start: s, end: e };
}
