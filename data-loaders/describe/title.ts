// Is the first line a title? Titles carry no sentence-final 。, are not addressed to anyone, and
// name an occasion (在…上的讲话, 会议, 报告…) or sit right above a salutation or a dateline.
import { isHeadingLine } from "./heading-like.ts";

export interface TitleParts {
  /** The title without a declared-length suffix. */
  title: string;
  start: number;
  end: number;
  /** The length the source declares for itself, e.g. （3639字）; null when absent. */
  declared_chars: number | null;
}

export const TITLE_MARKER =
  /讲话|发言|报告|致辞|致词|讲稿|讲课|党课|会议|大会|座谈会|研讨|体会|心得|汇报|总结|主持词|开幕词|闭幕词|动员|材料|提纲|演讲|实录|整理稿|意见|通知|决定|决议/;
const DECLARED_LENGTH = /\s*[（(]\s*(?:全文)?(?:约|共)?\s*([0-9０-９]{2,6})\s*字\s*[）)]\s*$/;
const MAX_TITLE_CHARS = 80;

/** Splits a declared length suffix like （3639字） off a title line. */
export function splitDeclaredLength(line: string): { rest: string; declared: number | null } {
  const m = DECLARED_LENGTH.exec(line);
  if (!m) return { rest: line, declared: null };
  const digits = (m[1] ?? "").replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  return { rest: line.slice(0, m.index), declared: Number(digits) };
}

/** True for a line that could be a title on its own merits (no context needed). */
export function looksLikeTitleText(line: string): boolean {
  const { rest } = splitDeclaredLength(line);
  if (rest.length === 0 || rest.length > MAX_TITLE_CHARS) return false;
  if (/[：:，,]$/.test(rest)) return false; // a salutation, or its first line (尊敬的…书记，)
  // A sentence; a headline may carry an exclamation inside (再造新广东，再创新奇迹！黄坤明…).
  if (/[。；;]/.test(rest) || /[！？!?]$/.test(rest)) return false;
  if (isHeadingLine(rest)) return false;
  return true;
}

/**
 * The title, when line `first` is one. `nextIsFrontMatter` tells whether the following line is a
 * salutation or dateline, which makes a short unmarked line a title too.
 */
export function detectTitle(
  first: { text: string; start: number } | undefined,
  nextIsFrontMatter: boolean,
): TitleParts | null {
  if (!first || !looksLikeTitleText(first.text)) return null;
  const { rest, declared } = splitDeclaredLength(first.text);
  const title = rest.trim();
  const marked = TITLE_MARKER.test(title) || declared !== null;
  if (!marked && !(nextIsFrontMatter && title.length <= 40)) return null;
  return { title, start: first.start, end: first.start + title.length, declared_chars: declared };
}
