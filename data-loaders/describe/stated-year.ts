// Years the text states for its own occasion, by rule, strongest tier first:
//   1 dateline      a header or first body line that opens with a full date (--1954年9月23日在…)
//   1 event_year    a sentence that convenes the meeting: 召开/举行 with the year, in the first body
//                   sentence or next to 今天/这次/此次/本次/这里 in the opening paragraphs
//   1 closing_date  a date line ending the text (a signature date)
//   1 delivery_note an editor's bracketed note under the title or ending the text that dates the
//                   delivery (（根据2019年3月5日讲话录音整理）, （本文系作者2016年5月在…上的发言）)
//   2 title_year    a year in the title (2024年全市组织工作会议)
//   3 published     a publication stamp (发布时间：2018年07月04日, 2024-02-18 21:10): a news page's own
//                   date; for a speech it only bounds the year from above (a later reprint)
//   3 work_plan_heading  a work report's section headings: 一、2021年工作回顾 (→ 2022) and
//                   二、2022年工作总体要求 / 主要任务 (→ 2022): a report reviews last year, plans this one
//   3 year_just_past 刚刚过去的2023年 in the body: the speech looks back on that year (→ 2024)
//   4 year_statement "2023年是…" opening the body: it names the current year, but templates reuse it
// Passing mentions (到2035年, 2020年以来, 2013—2018年) never count.
import type { FrontMatter } from "./front-matter.ts";
import { splitSentences, type Line } from "./lines.ts";
import { datelineYear } from "./dateline.ts";
import { publicationDate, type DateHit } from "./header-lines.ts";
import { findYearMentions, isPassingMention, type YearMention } from "./year-mentions.ts";

export type StatedRule =
  | "dateline"
  | "event_year"
  | "closing_date"
  | "delivery_note"
  | "year_just_past"
  | "title_year"
  | "published"
  | "work_plan_heading"
  | "year_statement";

export interface StatedYear {
  rule: StatedRule;
  tier: 1 | 2 | 3 | 4;
  year: number;
  /** The year mention itself. */
  start: number;
  end: number;
  source: "title" | "body";
}

const EVENT = /(?:召开|举行|开幕|闭幕|举办)(?!以来|之后|以后|后|前|之前)/;
const DEIXIS = /今天|今日|这次|此次|本次|这里/;
const MEETING_AFTER = /^[^，。；！？,]{0,24}?(?:会议|大会|全会|会|报告|讲话|发言)/;
const OPENING_PARAGRAPHS = 2;
const MAX_CLOSING_DATE_LINE = 20;
const MAX_PLAN_HEADING = 40;
/** A target year (2010年远景目标, 2035年愿景) is no date. */
const TARGET_AFTER = /^(?:远景|愿景|规划|目标)/;
const HEADING_LEAD =
  /^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[）)])\s*/;
const REVIEW_AFTER = /^(?:的)?(?:政府)?工作回顾$/;
// Only a report to a congress (政府工作报告): a year-end summary reviews the year it is written in
// and plans the next one, the opposite way round.
const TO_A_CONGRESS = /各位代表|向大会报告|请予审议/;
const PLAN_AFTER =
  /^[^，。；！？]{0,16}(?:总体要求|主要目标|主要任务|重点任务|重点工作|工作任务|工作安排|工作部署)/;

/** A bracketed note: the whole line in brackets (an editor's note, not speech). */
const BRACKETED = /^[（(【\[〔].*[）)】\]〕]$/;
const MAX_NOTE = 80;
/** A full date then, close after it, what was delivered on it. */
const DELIVERED_AFTER =
  /^\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月[^）)】\]〕]{0,30}?(?:讲话|发言|报告|讲稿|党课|致辞|讲授|演讲)/;
const JUST_PAST = /(?:刚刚|刚)过去的$/;

/** The delivery year an editor's bracketed note states, if the line is one. */
function deliveryNote(line: Line): YearMention | null {
  if (line.text.length > MAX_NOTE || !BRACKETED.test(line.text)) return null;
  for (const m of findYearMentions(line.text)) {
    if (DELIVERED_AFTER.test(line.text.slice(m.end))) return shift([m], line.start)[0]!;
  }
  return null;
}

function nonPassing(text: string, ms: YearMention[]): YearMention[] {
  return ms.filter((m) => !isPassingMention(text, m));
}

function shift(ms: YearMention[], offset: number): YearMention[] {
  return ms.map((m) => ({ ...m, start: m.start + offset, end: m.end + offset }));
}

export function findStatedYears(
  text: string,
  lines: readonly Line[],
  fm: FrontMatter,
): StatedYear[] {
  const out: StatedYear[] = [];
  const push = (rule: StatedRule, tier: 1 | 2 | 3 | 4, m: YearMention, source: "title" | "body") =>
    out.push({ rule, tier, year: m.year, start: m.start, end: m.end, source });

  // Datelines: header lines, then the first body line.
  const firstBody = lines[fm.bodyStart];
  for (const line of [...fm.header, ...(firstBody ? [firstBody] : [])]) {
    if (datelineYear(line.text) === null) continue;
    const m = shift(findYearMentions(line.text), line.start)[0];
    if (m) push("dateline", 1, m, "body");
  }

  // An editor's note dating the delivery: under the title, or the text's last line.
  const lastLine = lines[lines.length - 1];
  for (const line of [...fm.header, ...(lastLine ? [lastLine] : [])]) {
    const m = deliveryNote(line);
    if (m && !out.some((o) => o.start === m.start)) push("delivery_note", 1, m, "body");
  }

  // Convening sentences in the opening paragraphs.
  const opening = lines.slice(fm.bodyStart, fm.bodyStart + OPENING_PARAGRAPHS);
  let firstSentence = true;
  for (const para of opening) {
    for (const s of splitSentences(text, para.start, para.end)) {
      const sentence = text.slice(s.start, s.end);
      const eligible = firstSentence || DEIXIS.test(sentence);
      firstSentence = false;
      if (!eligible || !EVENT.test(sentence)) continue;
      for (const m of shift(nonPassing(sentence, findYearMentions(sentence)), s.start)) {
        if (!out.some((o) => o.start === m.start)) push("event_year", 1, m, "body");
      }
    }
    // "2023年是…" at the start of an opening sentence.
    for (const s of splitSentences(text, para.start, para.end)) {
      const sentence = text.slice(s.start, s.end);
      const m = findYearMentions(sentence)[0];
      if (m && m.start === 0 && /^[，,]?\s*是/.test(sentence.slice(m.end)))
        push("year_statement", 4, { ...m, start: m.start + s.start, end: m.end + s.start }, "body");
    }
  }

  // The publication stamp: the header's, else the first labelled one (12371.cn and similar put
  // 发布时间：… under the article). Bare dates elsewhere are sidebars of other articles.
  const stamp = fm.published[0] ?? firstLabelledStamp(lines);
  if (stamp) {
    const at = stamp.line.start + stamp.date.start;
    out.push({
      rule: "published",
      tier: 3,
      year: stamp.date.year,
      start: at,
      end: stamp.line.start + stamp.date.end,
      source: "body",
    });
  }

  // A work report's review / plan headings.
  const toCongress = TO_A_CONGRESS.test(text.slice(0, 3000));
  for (const line of toCongress ? lines.slice(fm.bodyStart) : []) {
    if (line.text.length > MAX_PLAN_HEADING) continue;
    const h = HEADING_LEAD.exec(line.text);
    const rest = line.text.slice(h ? h[0].length : 0);
    const m = findYearMentions(rest)[0];
    if (!m || m.start !== 0) continue;
    const after = rest.slice(m.end);
    const shift = h ? h[0].length : 0;
    const at = { ...m, start: line.start + shift + m.start, end: line.start + shift + m.end };
    if (REVIEW_AFTER.test(after))
      out.push({ ...at, rule: "work_plan_heading", tier: 3, year: m.year + 1, source: "body" });
    else if (PLAN_AFTER.test(after))
      out.push({ ...at, rule: "work_plan_heading", tier: 3, year: m.year, source: "body" });
    else continue;
    break;
  }

  // 刚刚过去的2023年: the first such look back in the body.
  const body = text.slice(lines[fm.bodyStart]?.start ?? text.length);
  const bodyStart = text.length - body.length;
  for (const m of findYearMentions(body)) {
    if (!JUST_PAST.test(body.slice(Math.max(0, m.start - 6), m.start))) continue;
    const at = { ...m, start: m.start + bodyStart, end: m.end + bodyStart };
    out.push({ ...at, rule: "year_just_past", tier: 3, year: m.year + 1, source: "body" });
    break;
  }

  // A closing signature date.
  const last = lines[lines.length - 1];
  const closingDate =
    last &&
    last.index > fm.bodyStart &&
    last.text.length <= MAX_CLOSING_DATE_LINE &&
    datelineYear(last.text) !== null;
  if (last && closingDate) {
    const m = shift(findYearMentions(last.text), last.start)[0];
    if (m) push("closing_date", 1, m, "body");
  }

  // The title: a year naming the occasion (followed by 会议/报告…), else the last one. A title
  // with two different years (关于1955年决算和1956年预算的报告) names periods, not its own year.
  if (fm.title) {
    const t = fm.title;
    const titleText = text.slice(t.start, t.end);
    const ms = shift(nonPassing(titleText, findYearMentions(titleText, false)), t.start).filter(
      (m) => !TARGET_AFTER.test(text.slice(m.end, t.end)),
    );
    const named = ms.find((m) => MEETING_AFTER.test(text.slice(m.end, t.end)));
    const pick = named ?? ms[ms.length - 1];
    if (pick && new Set(ms.map((m) => m.year)).size === 1) push("title_year", 2, pick, "title");
  }
  return out.sort((a, b) => a.tier - b.tier || a.start - b.start);
}

function firstLabelledStamp(lines: readonly Line[]): { line: Line; date: DateHit } | null {
  for (const line of lines) {
    if (!/^(?:发布时间|发布日期)\s*[：:]/.test(line.text)) continue;
    const date = publicationDate(line.text);
    if (date) return { line, date };
  }
  return null;
}

/** The stated year: the first of the strongest tier present. */
export function pickStatedYear(stated: readonly StatedYear[]): StatedYear | null {
  return stated[0] ?? null;
}
