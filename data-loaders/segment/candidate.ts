// What every heading detector reports, and the rules they share: where a heading ends and
// how enumerated headings are kept only when they form a numbered series.
import type { Paragraph } from "./paragraphs.ts";

export interface HeadingCandidate {
  /** heading_style of the section, e.g. "cn_numeral_dun" (一、), "headline". */
  style: string;
  /** Heading start; the section starts here too. */
  start: number;
  headingEnd: number;
  /** Printed number of enumerated headings (LAST for 最后); null for unnumbered series. */
  number: number | null;
  /**
   * Formal outline styles carry the conventional order of Chinese official documents
   * (第一部分 > 一、 > （一） > 1. > （1） > ①), used to choose between candidates at one offset.
   * Inline styles (第一，, 一是, parallel openings, headlines) and lists reusing a formal style
   * have INLINE_RANK: a formal heading closes them and never nests under them.
   */
  rank: number;
  paragraph: number;
  /**
   * Key under which the tree builder nests the candidate; defaults to `style`. Secondary series
   * of a formal style (lists that reuse 一、 inside a section) get their own key.
   */
  nestKey?: string;
  /**
   * Last paragraph the heading's section can take in. Members of a series written as one
   * paragraph each (dash items, parallel openings in a row) govern only their own paragraph:
   * what follows the series is not inside its last member.
   */
  lastParagraph?: number;
  /** The heading fills its line (no body text after it in its paragraph). */
  ownLine?: boolean;
}

export const INLINE_RANK = 10;
/** Number given to 最后 ("finally"): it continues any open series and closes it. */
export const LAST = -1;

/**
 * A heading sentence longer than this (UTF-16 units) is cut at its last clause break within
 * this length: the convention annotators follow for inline headings (一是…, 第一，…, ——…).
 */
const LONG_HEADING = 40;
/** A one-sentence paragraph up to this length is taken whole as an own-line heading. */
const OWN_LINE_MAX = 80;
const CLAUSE_BREAK = /[，,；;：:]/;

/**
 * End of a heading that starts at `from` inside paragraph `para`: a short one-sentence
 * paragraph is taken whole; otherwise the sentence that starts there, or, when that
 * sentence is long, its clauses up to the last clause break within LONG_HEADING.
 */
export function headingEnd(para: Paragraph, from: number): number {
  if (para.sentences.length === 1 && para.end - from <= OWN_LINE_MAX) return para.end;
  const sentence = para.sentences.find((s) => s.start <= from && from < s.end);
  const end = sentence ? sentence.end : para.end;
  return cutLongHeading(para.text, para.start, from, end);
}

/** `end` when text[from, end) is short; otherwise the end of its last clause within the limit. */
export function cutLongHeading(text: string, offset: number, from: number, end: number): number {
  if (end - from <= LONG_HEADING) return end;
  for (let i = from - offset + LONG_HEADING - 1; i > from - offset + 4; i--) {
    if (CLAUSE_BREAK.test(text[i]!)) return offset + i + 1;
  }
  return end;
}

/**
 * Keeps the enumerated candidates that form series numbered 1, 2, 3, … (per style, in text
 * order). A number that continues no open series, and a series of one, are dropped: a lone
 * "第一，" or "1." in running text is not an outline.
 */
export function keepNumberedSeries(candidates: readonly HeadingCandidate[]): HeadingCandidate[] {
  return numberedSeries(candidates)
    .flat()
    .sort((a, b) => a.start - b.start);
}

interface OpenSeries {
  members: HeadingCandidate[];
  last: number;
  open: boolean;
}

/**
 * The series themselves, each in text order. Several series of one style can be open at once
 * (a 一、二、三 list inside section 三、 of an outline that goes on with 四、): a 1 opens a new
 * series, and any other number continues the latest open series that it follows, preferring
 * one whose members have the same `form` (e.g. own-line heading vs. sentence in a paragraph).
 * A series may skip one number (skippingOne).
 */
/**
 * A series that `c` continues after one missing number (一、二、四、: a heading lost in a scrape
 * or misnumbered), only when written in the same form as the series' last member and the series
 * has at least two members already; never across an exact continuation (checked first).
 */
function skippingOne(
  series: readonly OpenSeries[],
  c: HeadingCandidate,
  form: (c: HeadingCandidate) => string,
): OpenSeries | undefined {
  return series.findLast(
    (s) =>
      s.open &&
      s.members.length >= 2 &&
      s.last + 2 === c.number &&
      form(s.members.at(-1)!) === form(c),
  );
}

export function numberedSeries(
  candidates: readonly HeadingCandidate[],
  form: (c: HeadingCandidate) => string = () => "",
): HeadingCandidate[][] {
  const byStyle = new Map<string, HeadingCandidate[]>();
  for (const c of [...candidates].sort((a, b) => a.start - b.start)) {
    const list = byStyle.get(c.style) ?? [];
    list.push(c);
    byStyle.set(c.style, list);
  }
  const kept: HeadingCandidate[][] = [];
  for (const list of byStyle.values()) {
    const series: OpenSeries[] = [];
    for (const c of list) {
      if (c.number === 1) {
        series.push({ members: [c], last: 1, open: true });
        continue;
      }
      const fits = series.filter((s) => s.open && (c.number === LAST || s.last + 1 === c.number));
      const pick =
        fits.findLast((s) => form(s.members.at(-1)!) === form(c)) ??
        fits[fits.length - 1] ??
        skippingOne(series, c, form);
      if (!pick) continue;
      pick.members.push(c);
      if (c.number === LAST) pick.open = false;
      else pick.last = c.number!;
    }
    for (const s of series) if (s.members.length >= 2) kept.push(s.members);
  }
  return kept;
}
