// Character counts. han_chars counts Han ideographs (CJK unified ideographs of every block, plus 〇),
// the base for rates per 10k characters; punctuation, digits and Latin letters are not counted.

import { charClass } from "./char-class.ts";

const HAN = charClass(/[\p{Unified_Ideograph}〇]/u);

export function countHan(text: string): number {
  return HAN.count(text);
}
