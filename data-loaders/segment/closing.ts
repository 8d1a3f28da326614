// The closing passage: what follows the body of the last section. Two kinds, often together:
// formula lines (谢谢, 发言完毕, 我就讲这些, 不当之处请批评指正) and a final mobilisation paragraph
// (同志们，让我们…; 各位代表！…; or one that opens with a couplet such as
// "征程万里风正劲，重任千钧再奋蹄。"). A paragraph that is itself a heading, or the only body of an
// own-line heading, is never taken as closing.
import { isBareAddress } from "./address.ts";
import type { HeadingCandidate } from "./candidate.ts";
import { hanLength, type Paragraph } from "./paragraphs.ts";

const FORMULA =
  /谢谢|发言完毕|讲这些|讲到这里|就讲这么|以上发言|以上是我|不当之处|不妥之处|批评指正/;
const FORMULA_PARAGRAPH_MAX = 80;
const ADDRESS = /^(?:同志们|各位代表|各位同志|各位领导|同志们、朋友们)[，,！!]/;
const SUMMING_UP = /^(?:总之|总而言之|综上所述)[，,]/;

/** "征程万里风正劲，重任千钧再奋蹄。": two clauses of equal length and no more. */
function opensWithCouplet(sentence: string): boolean {
  const m = /^([^，,。！!]+)[，,]([^，,。！!]+)[。！!]$/.exec(sentence);
  if (!m) return false;
  const a = hanLength(m[1]!);
  const b = hanLength(m[2]!);
  return a === b && a >= 4 && a <= 9 && a === m[1]!.length && b === m[2]!.length;
}

function isMobilisation(text: string, para: Paragraph): boolean {
  const first = para.sentences[0];
  const firstSentence = first ? text.slice(first.start, first.end) : "";
  return (
    ADDRESS.test(para.text) ||
    SUMMING_UP.test(para.text) ||
    para.text.includes("让我们") ||
    opensWithCouplet(firstSentence)
  );
}

function isFormula(text: string, para: Paragraph): boolean {
  return (
    para.end - para.start <= FORMULA_PARAGRAPH_MAX &&
    para.sentences.every((s) => FORMULA.test(text.slice(s.start, s.end)))
  );
}

/**
 * Start offset of the closing passage, or null. `candidates` are the heading candidates: the
 * closing never takes a paragraph that opens with one, nor the paragraph right after a
 * heading that fills its own line.
 */
export function findClosingStart(
  text: string,
  paragraphs: readonly Paragraph[],
  candidates: readonly HeadingCandidate[],
): number | null {
  const headingAt = new Map(candidates.map((c) => [c.start, c]));
  const opensWithHeading = (p: Paragraph): boolean => headingAt.has(p.start);
  const isOwnLineHeading = (p: Paragraph | undefined): boolean =>
    p !== undefined && (headingAt.get(p.start)?.headingEnd ?? -1) >= p.end;

  let i = paragraphs.length - 1;
  let start: number | null = null;
  while (i >= 0 && isFormula(text, paragraphs[i]!) && !opensWithHeading(paragraphs[i]!)) {
    start = paragraphs[i]!.start;
    i -= 1;
  }
  const last = paragraphs[i];
  if (!last || opensWithHeading(last) || isOwnLineHeading(paragraphs[i - 1])) return start;
  if (i > 0 && isMobilisation(text, last)) {
    const before = paragraphs[i - 1];
    if (before && isBareAddress(before.text) && !isOwnLineHeading(paragraphs[i - 2]))
      return before.start;
    return last.start;
  }
  // Formula sentences at the end of the last body paragraph ("……。谢谢大家！").
  let k = last.sentences.length;
  while (
    k > 1 &&
    FORMULA.test(text.slice(last.sentences[k - 1]!.start, last.sentences[k - 1]!.end))
  )
    k -= 1;
  if (k < last.sentences.length) return last.sentences[k]!.start;
  return start;
}
