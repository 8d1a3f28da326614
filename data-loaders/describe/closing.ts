// The closing formula: the courtesy sentence(s) a speech ends with (谢谢, 发言完毕, 我就讲这些).
// A rallying final paragraph (同志们，让我们…) is content, not a formula, and is left to segment/.
import { splitSentences, type Line, type Span } from "./lines.ts";

// Thanks and sign-offs, good wishes before them (最后，预祝…圆满成功！) and the slogans that close
// congress reports (…万岁！).
const FORMULA =
  /谢谢|发言完毕|汇报完毕|讲这些|讲到这里|就讲这么多|以上(?:是|就是)?我的|批评指正|不当之处|不妥之处|请.{0,12}指正|供参考|仅供参考|^(?:最后[，,])?(?:衷心)?(?:预祝|祝愿?)|万岁/;
const MAX_FORMULA_SENTENCE = 40;

export interface Closing extends Span {
  text: string;
}

/** The trailing run of formula sentences of the last line, or null. */
export function detectClosing(text: string, last: Line | undefined): Closing | null {
  if (!last) return null;
  const sentences = splitSentences(text, last.start, last.end);
  let from = sentences.length;
  while (from > 0) {
    const s = sentences[from - 1];
    if (!s) break;
    const body = text.slice(s.start, s.end);
    if (body.length > MAX_FORMULA_SENTENCE || !FORMULA.test(body)) break;
    from--;
  }
  const first = sentences[from];
  if (from === sentences.length || !first) return null;
  return { start: first.start, end: last.end, text: text.slice(first.start, last.end) };
}
