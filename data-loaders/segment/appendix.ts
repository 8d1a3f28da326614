// Attachments (附件) after the body: "附件1" / "附件：名词解释" on a line of their own. Their
// own numbered lists (a 附件 of 十件民生实事 with 一、…十、 lines, a glossary with 1.…18.) are
// not the outline of the text, so headings are looked for only before the first attachment.
import type { Paragraph } from "./paragraphs.ts";

/** "附件", "附件1", "附件二：", "附件：名词解释", "附录" — a short label line, not a sentence. */
const ATTACHMENT_LINE =
  /^(?:附件|附录)\s*[0-9０-９一二三四五六七八九十]{0,2}\s*(?:[:：][^。！？]{0,30})?$/;

/** A body must come first: an attachment label in the opening lines lists enclosures instead. */
const MIN_BODY_SHARE = 0.3;

/** Start offset of the first attachment, or null. */
export function findAppendixStart(text: string, paragraphs: readonly Paragraph[]): number | null {
  for (const para of paragraphs) {
    if (para.start < text.length * MIN_BODY_SHARE) continue;
    if (ATTACHMENT_LINE.test(para.text)) return para.start;
  }
  return null;
}
