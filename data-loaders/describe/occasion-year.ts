// The year of a national meeting a text was delivered at, when the text names it as its occasion:
// a CPC National Congress (——在中国共产党第十九次全国代表大会上的报告; 中国共产党第十次全国代表大会，
// 是在…; 我代表第十八届中央委员会向大会作报告), a plenum of a Central Committee (在党的十九届一中全会
// 上的讲话) or a session of the National People's Congress (在第五届全国人民代表大会第二次会议上).
// The dates are public record; congresses and sessions are numbered the same way in every source,
// which makes this hold for reports of any decade, unlike phrases that come and go.
import { parseChineseNumeral } from "../segment/numerals.ts";
import { foldTraditional } from "./traditional.ts";

/** Year of the Nth CPC National Congress (1st … 20th). */
const CONGRESS_YEAR: readonly number[] = [
  1921, 1922, 1923, 1925, 1927, 1928, 1945, 1956, 1969, 1973, 1977, 1982, 1987, 1992, 1997, 2002,
  2007, 2012, 2017, 2022,
];

/** Years of the plenums of the Nth Central Committee, 1st plenum first (8th–20th). */
const PLENUM_YEARS: Readonly<Record<number, readonly number[]>> = {
  8: [1956, 1956, 1957, 1958, 1958, 1958, 1959, 1959, 1961, 1962, 1966, 1968],
  9: [1969, 1970],
  10: [1973, 1975, 1977],
  11: [1977, 1978, 1978, 1979, 1980, 1981, 1982],
  12: [1982, 1983, 1984, 1985, 1985, 1986, 1987],
  13: [1987, 1988, 1988, 1989, 1989, 1990, 1990, 1991, 1992],
  14: [1992, 1993, 1993, 1994, 1995, 1996, 1997],
  15: [1997, 1998, 1998, 1999, 2000, 2001, 2002],
  16: [2002, 2003, 2003, 2004, 2005, 2006, 2007],
  17: [2007, 2008, 2008, 2009, 2010, 2011, 2012],
  18: [2012, 2013, 2013, 2014, 2015, 2016, 2017],
  19: [2017, 2018, 2018, 2019, 2020, 2021, 2022],
  20: [2022, 2023, 2024, 2025],
};

/** Years of the sessions of the Nth National People's Congress, 1st session first (1st–5th). */
const NPC_EARLY: Readonly<Record<number, readonly number[]>> = {
  1: [1954, 1955, 1956, 1957, 1958],
  2: [1959, 1960, 1962, 1963],
  3: [1964],
  4: [1975],
  5: [1978, 1979, 1980, 1981, 1982],
};

/** The year of the Mth session of the Nth NPC; from the 6th (1983) one session a year, five a term. */
export function npcSessionYear(n: number, m: number): number | null {
  if (m < 1) return null;
  if (n >= 6) return m <= 5 ? 1983 + 5 * (n - 6) + (m - 1) : null;
  return NPC_EARLY[n]?.[m - 1] ?? null;
}

export function congressYear(n: number): number | null {
  return CONGRESS_YEAR[n - 1] ?? null;
}

/** The first CPC National Congress held in `year` or later. */
export function firstCongressFrom(year: number): number | null {
  return CONGRESS_YEAR.find((y) => y >= year) ?? null;
}

export function plenumYear(term: number, plenum: number): number | null {
  return PLENUM_YEARS[term]?.[plenum - 1] ?? null;
}

/** 一 … 九十九 as written in ordinals (十, 十九, 二十, 二十一): the segmenter's numeral reader,
 *  without the 零/两 it also accepts in list numbers. */
export function chineseNumber(s: string): number | null {
  return /^[一二三四五六七八九十]{1,3}$/.test(s) ? parseChineseNumeral(s) : null;
}

const N = "([一二三四五六七八九十]{1,3})";
const NPC = new RegExp(`第${N}届全国人民代表大会第${N}次会议`);
const PLENUM = new RegExp(`${N}届${N}中全会|第${N}届中央委员会第${N}次全体会议`);
const CONGRESS = new RegExp(`第${N}次全国代表大会|党的${N}大`);
/** 我代表第十八届中央委员会向大会作报告: the report of a Central Committee to the next congress. */
const OUTGOING_CC = new RegExp(
  `(?:代表|受)第?${N}届中央委员会[^，。；]{0,6}(?:委托)?[，,]?[^，。；]{0,4}向(?:大会|全会)`,
);

export interface OccasionYear {
  year: number;
  /** The words that name the occasion, as matched (on the folded text). */
  cue: string;
  /** Offset of the cue in the text given. */
  index: number;
}

/** The year of the national meeting named in `s` (an occasion phrase or an opening), if any. */
export function occasionYear(s: string): OccasionYear | null {
  const t = foldTraditional(s);
  let m = NPC.exec(t);
  if (m) {
    const y = npcSessionYear(chineseNumber(m[1]!) ?? 0, chineseNumber(m[2]!) ?? 0);
    if (y) return { year: y, cue: m[0], index: m.index };
  }
  m = PLENUM.exec(t);
  if (m) {
    const term = chineseNumber(m[1] ?? m[3]!) ?? 0;
    const y = plenumYear(term, chineseNumber(m[2] ?? m[4]!) ?? 0);
    if (y) return { year: y, cue: m[0], index: m.index };
  }
  m = OUTGOING_CC.exec(t);
  if (m) {
    const y = congressYear((chineseNumber(m[1]!) ?? 0) + 1);
    if (y) return { year: y, cue: m[0], index: m.index };
  }
  m = CONGRESS.exec(t);
  if (m) {
    const y = congressYear(chineseNumber(m[1] ?? m[2]!) ?? 0);
    if (y) return { year: y, cue: m[0], index: m.index };
  }
  return null;
}

// Where a text names its own occasion: the occasion phrase of a title or subtitle (在…上), or an
// opening sentence that starts with the meeting (中国共产党第十一次全国代表大会，现在开幕了) or reports
// to it (我代表中央委员会向第十次全国代表大会作报告).
const TITLE_OCCASION = /在([^在，。；]{2,60}?)上/;
const OPENING_SUBJECT =
  /^(?:中国共产党|党的)?第[一二三四五六七八九十]{1,3}(?:次全国代表大会|届全国人民代表大会第[一二三四五六七八九十]{1,2}次会议|届中央委员会第[一二三四五六七八九十]{1,2}次全体会议)/;
const REPORTS_TO =
  /(?:向|给)[^，。；]{0,30}(?:大会|会议|全会)[^，。；]{0,6}(?:作|做)?[^，。；]{0,10}报告/;

/** The occasion year stated by a title or subtitle line. */
export function titleOccasionYear(line: string): OccasionYear | null {
  const flat = foldTraditional(line).replace(/\s+/g, "");
  const m = TITLE_OCCASION.exec(flat);
  if (!m) return null;
  const y = occasionYear(m[1]!);
  return y && { ...y, index: m.index + 3 + y.index };
}

/** The occasion year stated by one opening sentence. */
export function openingOccasionYear(sentence: string): OccasionYear | null {
  const t = foldTraditional(sentence);
  if (OPENING_SUBJECT.test(t) || REPORTS_TO.test(t) || OUTGOING_CC.test(t)) return occasionYear(t);
  return null;
}

/**
 * 我代表中央委员会作关于上届代表会议以来的工作报告: the Central Committee's report to a congress
 * that does not number it (early Party documents, translations). Its year is that of the first
 * congress after the latest dated event the report mentions (describe-speech.ts): what it reports
 * on happened since the last congress.
 */
const UNNUMBERED_CC_REPORT =
  /代表(?:党的)?中央(?:执行)?委员会[^。；！]{0,24}(?:代表大会|代表会议|大会)[^。；！]{0,12}报告|代表(?:党的)?中央(?:执行)?委员会[^。；！]{0,6}(?:向|在)(?:这次|此次|本次)?(?:党的)?(?:代表大会|代表会议|大会)[^。；！]{0,10}报告/;

export function unnumberedCongressReport(sentence: string): { cue: string; index: number } | null {
  const t = foldTraditional(sentence);
  if (OUTGOING_CC.test(t) || CONGRESS.test(t)) return null;
  const m = UNNUMBERED_CC_REPORT.exec(t);
  return m ? { cue: m[0], index: m.index } : null;
}
