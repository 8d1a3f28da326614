// Formal enumerated headings at the start of a paragraph: 第一部分/第一章, 一、, （一）, 1.,
// （1）, ①. Usually on a line of their own; when body text follows on the same line the
// heading is the first sentence.
import { isBareAddress } from "./address.ts";
import { INLINE_RANK, headingEnd, numberedSeries, type HeadingCandidate } from "./candidate.ts";
import type { Paragraph } from "./paragraphs.ts";
import { isTerminal } from "./sentences.ts";
import {
  CN_NUMERAL,
  CIRCLED_CLASS,
  parseChineseNumeral,
  parseCircled,
  parseDigits,
  parseStem,
  STEM_CLASS,
} from "./numerals.ts";

interface FormalStyle {
  style: string;
  rank: number;
  pattern: RegExp;
  parse: (numeral: string) => number | null;
  /** Only a short title line counts (no final punctuation): the marker alone is too weak. */
  titleOnly?: boolean;
}

/** Longest line (UTF-16 units) taken as a title line for titleOnly styles. */
const TITLE_ONLY_MAX = 40;

const DIGIT = "[0-9０-９]";

const STYLES: readonly FormalStyle[] = [
  {
    style: "di_part",
    rank: 0,
    pattern: new RegExp(`^第(${CN_NUMERAL}+)(?:部分|篇|章)`),
    parse: parseChineseNumeral,
  },
  {
    style: "di_jie",
    rank: 1,
    pattern: new RegExp(`^第(${CN_NUMERAL}+)节`),
    parse: parseChineseNumeral,
  },
  // "一、二月份" and "一、二、三季度" list numbers, they do not head anything.
  {
    style: "cn_numeral_dun",
    rank: 2,
    pattern: new RegExp(`^(${CN_NUMERAL}+)[、．](?!${CN_NUMERAL}{1,2}(?:、|个?月|季))`),
    parse: parseChineseNumeral,
  },
  // Collected works set section numbers apart with a space: "一　问题的提出".
  {
    style: "cn_numeral_space",
    rank: 2,
    pattern: new RegExp(`^(${CN_NUMERAL}+)[ \u3000]+(?=\\p{Script=Han})`, "u"),
    parse: parseChineseNumeral,
    titleOnly: true,
  },
  {
    style: "paren_cn",
    rank: 3,
    pattern: new RegExp(`^[（(](${CN_NUMERAL}+)[）)]`),
    parse: parseChineseNumeral,
  },
  // "1.5亿" and "1、2月" are numbers in running text, not headings.
  {
    style: "arabic",
    rank: 4,
    pattern: new RegExp(`^(${DIGIT}{1,2})[.．、](?!${DIGIT}|[一二三四五六七八九十]?[月日])`),
    parse: parseDigits,
  },
  {
    style: "paren_arabic",
    rank: 5,
    pattern: new RegExp(`^[（(](${DIGIT}{1,2})[）)]`),
    parse: parseDigits,
  },
  { style: "circled", rank: 6, pattern: new RegExp(`^(${CIRCLED_CLASS})`), parse: parseCircled },
  // 甲、乙、丙、丁 (older texts).
  { style: "stem", rank: 7, pattern: new RegExp(`^(${STEM_CLASS})[、．.]`), parse: parseStem },
];

/** Every paragraph that opens with a formal number marker, before any series is checked. */
export function numberedOpenings(paragraphs: readonly Paragraph[]): HeadingCandidate[] {
  const found: HeadingCandidate[] = [];
  for (const para of paragraphs) {
    for (const { style, rank, pattern, parse, titleOnly } of STYLES) {
      const m = pattern.exec(para.text);
      if (!m) continue;
      if (titleOnly && (para.text.length > TITLE_ONLY_MAX || isTerminal(para.text.at(-1))))
        continue;
      const number = parse(m[1]!);
      if (number === null) continue;
      // The marker alone is not a heading.
      if (m[0].length >= para.text.length) continue;
      found.push({
        style,
        rank,
        number,
        start: para.start,
        headingEnd: headingEnd(para, para.start),
        paragraph: para.index,
      });
      break;
    }
  }
  return found;
}

/** The openings that form numbered series, outside tables of contents. */
export function findNumberedHeadings(
  paragraphs: readonly Paragraph[],
  found: HeadingCandidate[] = numberedOpenings(paragraphs),
): HeadingCandidate[] {
  const form = (c: HeadingCandidate): string => headingForm(paragraphs[c.paragraph]!, c);
  for (const c of found) if (form(c) !== "in-paragraph") c.ownLine = true;
  // Whether a sentence heading is cut from a long paragraph or fills a short one depends on its
  // length only: for telling series apart, titles are matched against sentences.
  const titleOrSentence = (c: HeadingCandidate): string =>
    form(c) === "title-line" ? "title" : "sentence";
  const salutations = paragraphs.filter((p) => isBareAddress(p.text)).map((p) => p.index);
  return outlineSeries(numberedSeries(found, titleOrSentence), form, salutations);
}

/**
 * Members of one series share a form: a title on its own line (no final punctuation), a
 * one-sentence line, or the opening of a longer paragraph. This tells the outline's 四、 from
 * the 四、 of a list nested in section 三、.
 */
function headingForm(para: Paragraph, c: HeadingCandidate): string {
  if (c.headingEnd < para.end) return "in-paragraph";
  return isTerminal(para.text[para.text.length - 1]) ? "sentence-line" : "title-line";
}

/**
 * Series of titles (no final punctuation) that follow each other with almost nothing between:
 * a table of contents. Items that are sentences ("1、配合分公司…。" line after line) are a list.
 */
function isTableOfContents(
  series: readonly HeadingCandidate[],
  form: (c: HeadingCandidate) => string,
): boolean {
  if (series.some((c) => form(c) !== "title-line")) return false;
  const gaps = series.slice(1).map((c, i) => c.start - series[i]!.headingEnd);
  const bare = gaps.filter((g) => g <= 1).length;
  return bare * 2 > gaps.length;
}

/** How much text a series governs: from its first heading to its last, plus one typical section. */
function coverage(series: readonly HeadingCandidate[]): number {
  const first = series[0]!.start;
  const last = series[series.length - 1]!.start;
  return last - first + (last - first) / Math.max(1, series.length - 1);
}

/**
 * Whether `other` is a list reusing the style of the main series rather than the same outline
 * level restarting under a new parent: it starts between two of the main series' headings, or
 * no heading of another style separates it from the main series (so it would sit beside the
 * main series' headings as a second "一、" of the same parent).
 */
function isNestedList(
  main: readonly HeadingCandidate[],
  other: readonly HeadingCandidate[],
  otherStyleStarts: readonly number[],
): boolean {
  const first = main[0]!.start;
  const last = main[main.length - 1]!.start;
  const start = other[0]!.start;
  if (start > first && start < last) return true;
  const [from, to] = start > last ? [last, start] : [other[other.length - 1]!.start, first];
  return !otherStyleStarts.some((x) => x > from && x < to);
}

/**
 * Tables of contents are dropped (their text stays in the preamble). When a style has several
 * series, the one governing the most text is the main one; series that are lists beside or
 * inside it get their own nesting key and inline rank, so they nest under whatever section is
 * open instead of closing the outline's sections. Series restarting under a new parent
 * (（一）… under each 一、) stay outline.
 */
/** Paragraphs between a salutation line and the first heading of the part it opens. */
const MAX_PART_LEAD = 3;

/**
 * A series that starts just after a salutation line ("同志们！" / a short lead-in / "一、…")
 * opens a new part of the speech: it restarts the outline rather than listing inside the part
 * before.
 */
function opensPart(series: readonly HeadingCandidate[], salutations: readonly number[]): boolean {
  const first = series[0]!.paragraph;
  return salutations.some((p) => first > p && first - p <= MAX_PART_LEAD);
}

function outlineSeries(
  series: HeadingCandidate[][],
  form: (c: HeadingCandidate) => string,
  salutations: readonly number[],
): HeadingCandidate[] {
  const body = series.filter((s) => !isTableOfContents(s, form));
  const main = new Map<string, HeadingCandidate[]>();
  for (const s of body) {
    const style = s[0]!.style;
    const best = main.get(style);
    if (!best || coverage(s) > coverage(best)) main.set(style, s);
  }
  const kept: HeadingCandidate[] = [];
  for (const s of body) {
    const style = s[0]!.style;
    const m = main.get(style)!;
    const otherStyleStarts = body
      .filter((o) => o[0]!.style !== style)
      .flatMap((o) => o.map((c) => c.start));
    if (m === s || opensPart(s, salutations) || !isNestedList(m, s, otherStyleStarts))
      kept.push(...s);
    else kept.push(...s.map((c) => ({ ...c, rank: INLINE_RANK, nestKey: `${style}_list` })));
  }
  return kept.sort((a, b) => a.start - b.start);
}
