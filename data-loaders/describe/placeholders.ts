// Redaction placeholders: runs like XX同志, xx主要负责同志, **县, ××, ○○, 某某 stand for a name the
// source hid. A run counts once ("XXX同志" is one placeholder).
//
// Decisions:
// - At least two marks: a single X or × is too often real (X射线, 2×3).
// - Latin X/x next to other Latin letters or digits is a word or code (XXL, Xbox, 3xx, xxx.com), not
//   a redaction.
// - ○/〇 next to Chinese numerals or 年 is a zero inside a number (二〇〇八年), not a redaction.
// - ** counts even when a pair wraps text on one line (**县**乡 is two redactions far more often
//   than markdown bold here: markdown is converted before the clean stage hands text over).
import type { Span } from "./lines.ts";

const RUN = /[XxＸｘ]{2,}|[×✕]{2,}|[*＊]{2,}|[○〇]{2,}|某{2,}/g;
const LATIN_OR_DIGIT = /[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]/;
const URLISH = /^[./@][A-Za-z0-9]/;
const HAN_NUMBER = /[零〇○一二三四五六七八九十百千万亿年月日]/;

export function findPlaceholders(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(RUN)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = text[start - 1] ?? "";
    const after = text[end] ?? "";
    const mark = m[0][0] ?? "";
    if (
      /[XxＸｘ]/.test(mark) &&
      (LATIN_OR_DIGIT.test(before) ||
        LATIN_OR_DIGIT.test(after) ||
        URLISH.test(text.slice(end, end + 2)) ||
        /[./@]/.test(before))
    )
      continue;
    if (/[○〇]/.test(mark) && (HAN_NUMBER.test(before) || HAN_NUMBER.test(after))) continue;
    out.push({ start, end });
  }
  return out;
}

export function countPlaceholders(text: string): number {
  return findPlaceholders(text).length;
}
