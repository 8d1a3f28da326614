// Reading the numbers of enumerated headings: Chinese numerals up to 99, ASCII and full-width
// digits, circled numbers, heavenly stems.

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

export const CN_NUMERAL = "[一二三四五六七八九十]";

/** "十二" → 12, "二十" → 20, "七" → 7; null when not a numeral below 100. */
export function parseChineseNumeral(s: string): number | null {
  if (s.length === 0) return null;
  const ten = s.indexOf("十");
  if (ten === -1) return s.length === 1 ? (CN_DIGITS[s] ?? null) : null;
  if (s.indexOf("十", ten + 1) !== -1) return null;
  const tensPart = s.slice(0, ten);
  const onesPart = s.slice(ten + 1);
  const tens = tensPart === "" ? 1 : CN_DIGITS[tensPart];
  const ones = onesPart === "" ? 0 : CN_DIGITS[onesPart];
  if (tens === undefined || ones === undefined || tensPart.length > 1 || onesPart.length > 1)
    return null;
  if (tens === 0 || (onesPart !== "" && ones === 0)) return null;
  return tens * 10 + ones;
}

/** ASCII or full-width digits → number. */
export function parseDigits(s: string): number | null {
  if (!/^[0-9０-９]+$/.test(s)) return null;
  const ascii = s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return Number.parseInt(ascii, 10);
}

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

export function parseCircled(ch: string): number | null {
  const i = CIRCLED.indexOf(ch);
  return i === -1 ? null : i + 1;
}
export const CIRCLED_CLASS = `[${CIRCLED}]`;

const STEMS = "甲乙丙丁戊己庚辛壬癸";

/** Heavenly stems used as list numbers: 甲 → 1, 乙 → 2, … */
export function parseStem(ch: string): number | null {
  const i = STEMS.indexOf(ch);
  return i === -1 ? null : i + 1;
}
export const STEM_CLASS = `[${STEMS}]`;
