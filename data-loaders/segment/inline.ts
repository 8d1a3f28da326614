// Enumerations written into the running text: 第一，… at the start of a paragraph, 一是…/一要…
// and 其一，… at the start of any sentence, and the 首先，其次，再次，最后 series. The heading is
// the sentence the marker opens (its first clause when the sentence is long).
import {
  INLINE_RANK,
  LAST,
  headingEnd,
  keepNumberedSeries,
  type HeadingCandidate,
} from "./candidate.ts";
import type { Paragraph } from "./paragraphs.ts";
import { CN_NUMERAL, parseChineseNumeral } from "./numerals.ts";

interface InlineStyle {
  style: string;
  pattern: RegExp;
  /** Only at the start of a paragraph (true) or at the start of any sentence (false). */
  paragraphStart: boolean;
  parse: (m: RegExpExecArray) => number | null;
}

/** Longest line (UTF-16 units) read as a heading line of its own rather than a paragraph. */
const OWN_LINE_MAX = 40;

const SEQUENCE_WORDS: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 最后: LAST };

const STYLES: readonly InlineStyle[] = [
  {
    style: "di_n",
    // 第一，/ 第一点：/ 第一条， — one series whatever the counter word.
    pattern: new RegExp(`^第(${CN_NUMERAL}+)(?:点|条)?[，,、：:]`),
    paragraphStart: true,
    parse: (m) => parseChineseNumeral(m[1]!),
  },
  {
    style: "sequence_words",
    pattern: /^(首先|其次|再次|最后)[，,：:]/,
    paragraphStart: true,
    parse: (m) => SEQUENCE_WORDS[m[1]!] ?? null,
  },
  {
    style: "qi_n",
    pattern: new RegExp(`^其(${CN_NUMERAL})[，,、：:是]`),
    paragraphStart: false,
    parse: (m) => parseChineseNumeral(m[1]!),
  },
  {
    style: "cn_shi",
    pattern: new RegExp(`^(${CN_NUMERAL}{1,2})是`),
    paragraphStart: false,
    parse: (m) => parseChineseNumeral(m[1]!),
  },
  {
    style: "cn_yao",
    pattern: new RegExp(`^(${CN_NUMERAL}{1,2})要`),
    paragraphStart: false,
    parse: (m) => parseChineseNumeral(m[1]!),
  },
];

/**
 * `midAllowed(i)`: whether sentences inside paragraph i (not at its start) may open headings.
 * An enumeration in the middle of a paragraph subdivides a section only when that paragraph
 * is the body of a heading; elsewhere it is a list inside running prose, not outline.
 */
export function findInlineHeadings(
  text: string,
  paragraphs: readonly Paragraph[],
  midAllowed: (paragraph: number) => boolean = () => true,
): HeadingCandidate[] {
  const found: HeadingCandidate[] = [];
  for (const para of paragraphs) {
    for (const sentence of para.sentences) {
      const atParagraphStart = sentence.start === para.start;
      if (!atParagraphStart && !midAllowed(para.index)) continue;
      const s = text.slice(sentence.start, sentence.end);
      for (const { style, pattern, paragraphStart, parse } of STYLES) {
        if (paragraphStart && !atParagraphStart) continue;
        const m = pattern.exec(s);
        if (!m) continue;
        const number = parse(m);
        if (number === null || m[0].length >= s.length) continue;
        const candidate: HeadingCandidate = {
          style,
          rank: INLINE_RANK,
          number,
          start: sentence.start,
          headingEnd: headingEnd(para, sentence.start),
          paragraph: para.index,
        };
        // A short line holding only the heading ("### 一是…。" in markdown), not a paragraph.
        if (atParagraphStart && candidate.headingEnd >= para.end && s.length <= OWN_LINE_MAX)
          candidate.ownLine = true;
        found.push(candidate);
        // "首先，…" may open a 第二，第三，… series as well as a 其次，再次，… one.
        if (style === "sequence_words" && number === 1) found.push({ ...candidate, style: "di_n" });
        break;
      }
    }
  }
  return keepNumberedSeries(found);
}
