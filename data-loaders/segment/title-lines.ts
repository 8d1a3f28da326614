// Unnumbered heading lines: a short line of its own, without punctuation, between finished
// paragraphs, e.g. "在工人中的宣传工作" or "关于形势和任务" in older reports. Scraped pages also
// put quoted titles and linked words on lines of their own ("《" / "共产党宣言" / "》中说…"): such
// a fragment continues a sentence, so it is taken only when the line before ends a sentence and
// the line after opens one. A single such line is not an outline: at least two are needed.
import { isBareAddress } from "./address.ts";
import { INLINE_RANK, type HeadingCandidate } from "./candidate.ts";
import { hanLength, type Paragraph } from "./paragraphs.ts";

const MIN_HAN = 4;
const MAX_HAN = 25;
/** The body under a heading line is a real paragraph, not another fragment. */
const MIN_BODY = 40;
/** Punctuation inside the line makes it a sentence or a quotation, not a heading. */
const PUNCTUATION = /[，,。！!？?；;：:、“”"‘’《》〈〉（）()【】\[\]…—·]/;
/** Enumerated lines belong to the numbered detector. */
const ENUMERATED =
  /^(?:[一二三四五六七八九十]+[、．.]|第[一二三四五六七八九十]+|[0-9０-９]+[.、．])/;
/** A sentence or a lead-in ("主要内容是：", "同志们：") has come to an end. */
const ENDS_SENTENCE = /[。！？!?：:][”’」』）)]?$/;

export const TITLE_LINE_RANK = INLINE_RANK - 1;

function isTitleLine(paragraphs: readonly Paragraph[], i: number): boolean {
  const para = paragraphs[i]!;
  const han = hanLength(para.text);
  if (han < MIN_HAN || han > MAX_HAN || han * 4 < para.text.length * 3) return false;
  if (PUNCTUATION.test(para.text) || ENUMERATED.test(para.text)) return false;
  const before = paragraphs[i - 1];
  if (!before || !ENDS_SENTENCE.test(before.text)) return false;
  // The body follows, possibly after a bare address ("形势和任务" / "同志们！" / …).
  let next = paragraphs[i + 1];
  if (next && isBareAddress(next.text)) next = paragraphs[i + 2];
  return (
    next !== undefined && next.text.length >= MIN_BODY && /^[\p{Script=Han}“]/u.test(next.text)
  );
}

export function findTitleLines(paragraphs: readonly Paragraph[]): HeadingCandidate[] {
  const found: HeadingCandidate[] = [];
  paragraphs.forEach((para, i) => {
    if (!isTitleLine(paragraphs, i)) return;
    found.push({
      style: "title_line",
      rank: TITLE_LINE_RANK,
      number: null,
      start: para.start,
      headingEnd: para.end,
      paragraph: para.index,
      ownLine: true,
    });
  });
  return found.length >= 2 ? found : [];
}
