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
    if (end > start) {
      const sentences = splitSentenceSpans(text, start, end);
      paragraphs.push({
        index: paragraphs.length,
        start,
        end,
        text: text.slice(start, end),
        sentences,
      });
    }
    if (nl === -1) break;
    start = nl + 1;
  }
  return paragraphs;
}

/** Number of Han characters: the unit in which heading lengths are judged. */
export function hanLength(s: string): number {
  return HAN.count(s);
}

const HAN = charClass(/\p{Script=Han}/u);
