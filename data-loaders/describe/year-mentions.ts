// Every written year in a text: Arabic (２０２３年 and 2023年), Chinese numerals (二〇二三年,
// 一九五八年度). Whether a mention is *the* year of the speech is decided elsewhere (stated-year.ts).

export interface YearMention {
  /** Offsets of the year including its 年 (when present). */
  start: number;
  end: number;
  year: number;
  form: "arabic" | "hanzi";
}

/** Plausible years for speeches and reports; keeps amounts like 1000多篇 out. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2099;

const HAN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  "○": 0,
  Ｏ: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

// Digits ASCII or full-width; a year must not be part of a longer number.
const ARABIC_YEAR = /(?<![0-9０-９.．])([0-9０-９]{4})(?![0-9０-９.．%％])(年?)/g;
const HANZI_YEAR = /(?<![〇零○Ｏ一二三四五六七八九十百千万])([〇零○Ｏ一二三四五六七八九]{4})年/g;

export function toAsciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48));
}

function hanziYear(digits: string): number {
  let y = 0;
  for (const ch of digits) y = y * 10 + (HAN_DIGITS[ch] ?? 0);
  return y;
}

/**
 * Year mentions in text. With `requireNian` (the default) a bare four-digit number only counts
 * when 年 follows; titles like "2006政府工作报告" call it with false.
 */
export function findYearMentions(text: string, requireNian = true): YearMention[] {
  const out: YearMention[] = [];
  for (const m of text.matchAll(ARABIC_YEAR)) {
    const digits = m[1] ?? "";
    const nian = m[2] ?? "";
    const year = Number(toAsciiDigits(digits));
    if (year < MIN_YEAR || year > MAX_YEAR) continue;
    if (!nian) {
      if (requireNian) continue;
      // Without 年 only a year directly followed by Han text (2006政府工作报告) or a space.
      const next = text[m.index + digits.length] ?? "";
      if (!/[\p{Script=Han}\s]/u.test(next)) continue;
      const prev = text[m.index - 1] ?? "";
      if (/[A-Za-z]/.test(prev)) continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length, year, form: "arabic" });
  }
  for (const m of text.matchAll(HANZI_YEAR)) {
    const year = hanziYear(m[1] ?? "");
    if (year < MIN_YEAR || year > MAX_YEAR) continue;
    out.push({ start: m.index, end: m.index + m[0].length, year, form: "hanzi" });
  }
  return out.sort((a, b) => a.start - b.start);
}

const RANGE_BEFORE = /(?:到|至|截至|截止到?|直至|迄|自|从|—|–|－|-|~|～|、)\s*$/;
const RANGE_AFTER = /^\s*(?:以来|以前|之前|之后|以后|前|后|代|至|到|—|–|－|-|~|～|、|和|与|及)/;

/**
 * A passing mention: part of a range, a list or a time reference rather than a date (到2035年,
 * 2020年以来, 2013—2018年, both years of 1980、1981年). Such years never name the speech's year.
 */
export function isPassingMention(text: string, m: YearMention): boolean {
  const before = text.slice(Math.max(0, m.start - 4), m.start);
  const after = text.slice(m.end, m.end + 4);
  return RANGE_BEFORE.test(before) || RANGE_AFTER.test(after);
}
