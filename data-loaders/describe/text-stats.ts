// Character counts. han_chars counts Han ideographs (CJK unified ideographs of every block, plus 〇),
// the base for rates per 10k characters; punctuation, digits and Latin letters are not counted.

const HAN = /[\p{Unified_Ideograph}〇]/gu;

export function countHan(text: string): number {
  return text.match(HAN)?.length ?? 0;
}
