// The cleaned text as paragraphs (one per line) with their sentences: the shared view that
// every heading detector reads. Paragraph and sentence spans here exclude the line's "\n".
import { charClass } from "../describe/char-class.ts";
import { splitSentenceSpans, type Span } from "./sentences.ts";

export interface Paragraph extends Span {
  index: number;
  text: string;
  /** Sentences of the paragraph, without the trailing "\n". */
  sentences: Span[];
}

export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf("\n", start);
    const end = nl === -1 ? text.length : nl;
    for (const [from, to] of linePieces(text, start, end)) {
      paragraphs.push({
        index: paragraphs.length,
        start: from,
        end: to,
        text: text.slice(from, to),
        sentences: splitSentenceSpans(text, from, to),
      });
    }
    if (nl === -1) break;
    start = nl + 1;
  }
  return paragraphs;
}

/** A space after a sentence's end and before the next sentence: "…之路。 这是…". */
const SPACED_BREAK = /(?<=[。！？：；!?:;][”’」』）)]?) (?=\S)/g;
/**
 * Scraped pages sometimes flatten a whole speech into one line with its paragraphs joined by
 * single spaces. A line with at least this many spaced sentence breaks is read as such: each
 * break separates two paragraphs (and, like "\n", belongs to neither). One stray space after a
 * full stop in an ordinary paragraph does not split it.
 */
const MIN_SPACED_BREAKS = 3;

function linePieces(text: string, start: number, end: number): [number, number][] {
  if (end <= start) return [];
  const line = text.slice(start, end);
  if (!line.includes(" ")) return [[start, end]];
  const breaks = [...line.matchAll(SPACED_BREAK)].map((m) => start + m.index);
  if (breaks.length < MIN_SPACED_BREAKS) return [[start, end]];
  const pieces: [number, number][] = [];
  let from = start;
  for (const b of breaks) {
    if (b > from) pieces.push([from, b]);
    from = b + 1;
  }
  if (end > from) pieces.push([from, end]);
  return pieces;
}

/** Number of Han characters: the unit in which heading lengths are judged. */
export function hanLength(s: string): number {
  return HAN.count(s);
}

const HAN = charClass(/\p{Script=Han}/u);
