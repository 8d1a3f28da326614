// What a line above a speech's body can be: the lines a page or a collection puts between its
// title and the first paragraph (metadata fields, publication stamps, datelines, subtitles,
// speaker lines) and the page's own <title> line. Each test looks at one line only; how they are
// combined into a header is front-matter.ts's business.
import { isDateline } from "./dateline.ts";
import { toAsciiDigits } from "./year-mentions.ts";

/** Field names of portal, database and collection headers (发布时间：, 来源：, 责任编辑：…). */
const KNOWN_LABEL =
  /^(?:标题|题目|名称|原标题|副标题|主标题|作者|撰稿|撰文|成员|执笔|来源|出处|稿源|信息来源|文章来源|媒体|发布|发布日期|发布时间|日期|时间|成文日期|印发日期|编辑|责任编辑|责编|校对|审核|审校|浏览|浏览次数|点击|点击数|阅读|字号|链接|网址|分类|主题|主题词|关键词|关键字|标签|索引号|文号|发文机关|发布机构|摘要|导读|提要|栏目|频道|备注|说明)$/;

const LABEL_LINE = /^([\p{Script=Han}A-Za-z0-9]{1,10})\s*[：:]\s*(.*)$/u;

export interface MetaField {
  label: string;
  value: string;
  /** True when the label is a known field name, not just "something：" at a line start. */
  known: boolean;
}

/** A "label：value" line, e.g. 发布时间：2026-02-24 15:48 or 标题：…; null for other lines. */
export function metaField(line: string): MetaField | null {
  const m = LABEL_LINE.exec(line.trim());
  if (!m) return null;
  const label = m[1] ?? "";
  const value = (m[2] ?? "").trim();
  return { label, value, known: KNOWN_LABEL.test(label) };
}

/** Labels that name the text itself: their value is the title. */
export function isTitleLabel(label: string): boolean {
  return /^(?:标题|题目|名称|主标题)$/.test(label);
}

/** Labels of a publication stamp: the date a page went up, not the day the speech was given. */
const PUBLICATION_LABEL = /^(?:发布|发布日期|发布时间|日期|时间|成文日期|印发日期)$/;

// 2023-01-28, 2023/1/28, 2023.01.28, 2023年1月28日, with an optional clock time after it.
const NUMERIC_DATE =
  /(?<![0-9０-９])([12][0-9]{3}|[１２][０-９]{3})\s*(?:[-/.／－]|年)\s*([0-9０-９]{1,2})\s*(?:[-/.／－]|月)\s*([0-9０-９]{1,2})\s*日?/u;

export interface DateHit {
  year: number;
  /** Offsets of the whole date within the line. */
  start: number;
  end: number;
}

/** The first full date (year, month, day) written in a line, in any of the usual notations. */
export function findFullDate(line: string): DateHit | null {
  const m = NUMERIC_DATE.exec(line);
  if (!m) return null;
  const year = Number(toAsciiDigits(m[1] ?? ""));
  const month = Number(toAsciiDigits(m[2] ?? ""));
  const day = Number(toAsciiDigits(m[3] ?? ""));
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { year, start: m.index, end: m.index + m[0].length };
}

/**
 * A publication stamp: a line that opens with a date and a clock time (2024-02-18 21:10, with an
 * optional 来源: …) or a publication field (发布时间：2026-02-24). Null for other lines.
 */
export function publicationDate(line: string): DateHit | null {
  const t = line.trim();
  const field = metaField(t);
  if (field && PUBLICATION_LABEL.test(field.label)) {
    const d = findFullDate(t);
    return d && d.start <= field.label.length + 3 ? d : null;
  }
  const d = findFullDate(t);
  if (!d || d.start !== 0) return null;
  const rest = t.slice(d.end);
  // A clock time, a source or nothing may follow; anything else is a dateline or a sentence.
  if (
    /^\s*(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s*(?:(?:来源|稿源|作者|编辑)\s*[:：|｜].*)?$/.test(
      rest,
    )
  )
    return /\d{1,2}[:：]\d{2}|来源|稿源|作者|编辑/.test(rest) || rest.trim() === "" ? d : null;
  return null;
}

/** A dashed subtitle naming the occasion: ——在中国共产党第十九次全国代表大会上的报告. */
export function isDashedSubtitle(line: string): boolean {
  return /^(?:——|--|－－|—|─)[^。！？!?]{2,60}$/.test(line.trim());
}

/** The rest of a subtitle broken over two lines (人民代表大会第五次会议上). */
export function isOccasionTail(line: string): boolean {
  return /^[^。！？，,：:]{2,30}(?:会议|大会|全会|会)上$/.test(line.trim());
}

/** A dateline of the speech itself: （2017年12月1日，北京）, 2025年11月28日, ——1954年5月23日在…. */
export function isDatelineLine(line: string): boolean {
  const t = line.trim();
  return t.length <= 60 && !/[。！？!?]/.test(t) && isDateline(t);
}

const ROLE_WORD =
  "(?:总书记|书记|主席|总理|省长|市长|州长|县长|区长|旗长|盟长|部长|主任|委员|秘书长|局长|厅长|校长|院长|董事长|总经理|理事长|会长|社长|代表|专员)";
const NAME_AFTER_ROLE = new RegExp(
  `${ROLE_WORD}\\s*(?![\\p{Script=Han}]*(?:会|议|处|部|局|厅|院|校|班|组)$)[\\p{Script=Han}]{2,4}$`,
  "u",
);
/** Groups that sign collective texts (写作组, 课题组, "…"小组). */
const GROUP_AUTHOR = /(?:小组|课题组|调研组|写作组|研究组|评论员|团队|工作室)$/;

/**
 * A speaker (or author) line under a title: a bare name (江波, 习　近　平), an office followed by a
 * name (国务院总理周恩来, 广东省代省长 王伟中) or a signing group. `markers` are title words that
 * make a short line a title instead (发言稿).
 */
export function isSpeakerLine(line: string, markers: RegExp): boolean {
  const squeezed = line.replace(/[\s\u3000]+/g, "");
  if (squeezed.length === 0 || squeezed.length > 40) return false;
  if (/[。！？!?；;：:，,]/.test(squeezed)) return false;
  if (/^[\p{Script=Han}]{2,4}$/u.test(squeezed)) return !markers.test(squeezed);
  if (GROUP_AUTHOR.test(squeezed.replace(/[“”"'‘’]/g, ""))) return true;
  return NAME_AFTER_ROLE.test(line.trim()) && !markers.test(squeezed);
}

/** A line wholly in brackets: an editor's note (（根据录音整理）, (译自…)). */
export function isBracketNote(line: string): boolean {
  return /^[（(［\[【][^（()）]*[）)］\]】]$/.test(line.trim());
}

/**
 * A page's own <title> as scrapers keep it: the headline, then a separator and the site's name
 * (…讲话实录_广州日报大洋网, … - 河源市政协门户网站, …|总书记_网易订阅). Returns the headline part.
 */
export function pageTitleHeadline(line: string): string | null {
  const t = line.trim();
  const m = /^(.{6,}?)\s*(?:_|\s[-–—|｜]\s|[|｜])\s*[^_|｜]{2,24}$/u.exec(t);
  if (!m) return null;
  const site = t.slice((m[1] ?? "").length);
  // The site part names a site or channel, not a continuation of the headline.
  if (!/网|站|频道|订阅|门户|客户端|日报|新闻|报|号|平台|在线|中国|资讯/.test(site)) return null;
  return (m[1] ?? "").replace(/[|｜_].*$/u, "").trim();
}

/** A paragraph of running text: long, or a sentence of fair length. */
export function isBodyParagraph(line: string): boolean {
  const t = line.trim();
  const han = t.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han >= 20 && (t.length >= 100 || (t.length >= 40 && /[。！？!?；;]/.test(t)));
}
