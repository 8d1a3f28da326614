// A dateline: a line that opens with a full date (--1954年9月23日在…会议上, 2023年6月28日至29日，…,
// 二〇二三年六月, 【2018年7月3日】). It dates the occasion itself, unlike years mentioned in passing.
import { findYearMentions } from "./year-mentions.ts";

const MONTH_AFTER_YEAR = /^\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月/;
const LEAD = /^[\s\-—–－~～─（(［\[【〔〖]*/;

/** The year a line opens with as part of a full date, or null. */
export function datelineYear(line: string): number | null {
  const lead = LEAD.exec(line)?.[0].length ?? 0;
  const first = findYearMentions(line)[0];
  if (!first || first.start !== lead) return null;
  return MONTH_AFTER_YEAR.test(line.slice(first.end)) ? first.year : null;
}

export function isDateline(line: string): boolean {
  return datelineYear(line) !== null;
}
