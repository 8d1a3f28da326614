// The front matter of a speech: title, the header lines under it (subtitle, dateline, speaker,
// publication stamps, metadata fields), and the salutation. Everything after it is the body.
//
// Texts come bare (title, dateline, 同志们：) or inside the page or collection they were taken from:
// a site's navigation, the page's <title>, a headline with kicker lines, 发布时间/来源 stamps and an
// editorial lead before the speech itself. So the header is found from the body upwards: first the
// anchor (the salutation, or the first paragraph of running text), then the lines above it are
// read one by one until one is no header line; the title is the line above the header's evidence
// (dateline, subtitle, speaker, stamps), or the line right above the anchor when it reads as one.
import type { Line } from "./lines.ts";
import {
  detectTitle,
  looksLikeTitleText,
  splitDeclaredLength,
  TITLE_MARKER,
  type TitleParts,
} from "./title.ts";
import { isDateline } from "./dateline.ts";
import { isHeadingLine } from "./heading-like.ts";
import { isSalutationLead, isSalutationLine, salutationHeadLength } from "./salutation.ts";
import {
  isBodyParagraph,
  isBracketNote,
  isDashedSubtitle,
  isDatelineLine,
  isOccasionTail,
  isSpeakerLine,
  isTitleLabel,
  metaField,
  pageTitleHeadline,
  publicationDate,
  type DateHit,
} from "./header-lines.ts";

export interface Published {
  line: Line;
  date: DateHit;
}

export interface FrontMatter {
  title: TitleParts | null;
  /** Lines between the title and the salutation (or the first paragraph), top to bottom. */
  header: Line[];
  salutation: Line | null;
  /** Index (into lines) of the first body line. */
  bodyStart: number;
  /** Headline lines next to the title that are not the title (kickers: 习近平在…会议上强调). */
  headline: Line[];
  /** Publication stamps of the header (发布时间：…): they bound the year from above. */
  published: Published[];
  /** The headline part of the page's own title line (…_共产党员网), when the text has one. */
  pageHeadline: string | null;
}

/** Top reading: header lines are short and sentence-free; more than this many means a misreading. */
const MAX_HEADER_LINES = 5;
const MAX_HEADER_CHARS = 80;
const DASHED_SUBTITLE = /^(?:——|--|－－|—)[^。！？]{2,60}$/;
/** How far down a page the speech may start (navigation blocks run to ~150 lines). */
const MAX_ANCHOR_LINE = 400;
/** How many lines above the anchor can belong to the header. */
const MAX_HEADER_WALK = 14;
/** Editorial leads (2月18日…以下为讲话实录——) that may sit between header and salutation. */
const MAX_LEADS = 2;
/** A short unmarked line is a title only above a salutation, and only up to this length. */
const MAX_UNMARKED_TITLE = 40;
/** A speaker line closer than this to the anchor may be page furniture; see readFrontMatter. */
const MIN_JOINED_TITLE_LINE = 8;

type Kind =
  | "lead"
  | "meta"
  | "published"
  | "dateline"
  | "subtitle"
  | "speaker"
  | "name"
  | "salutation"
  | "note"
  | "other";

const EVIDENCE: ReadonlySet<Kind> = new Set([
  "meta",
  "published",
  "dateline",
  "subtitle",
  "speaker",
]);

function isSalutationish(text: string): boolean {
  return isSalutationLine(text) || isSalutationLead(text) || salutationHeadLength(text) > 0;
}

/** The salutation line, or the first paragraph of running text, whichever the body starts at. */
function findAnchor(lines: readonly Line[]): number {
  const limit = Math.min(lines.length, MAX_ANCHOR_LINE);
  let first = -1;
  let inFields = false;
  for (let i = 0; i < limit; i++) {
    const t = lines[i]?.text ?? "";
    if (isSalutationish(t)) return i;
    // 标题：… of a collection's header, and the field lines under it, however long.
    const field = metaField(t);
    if (field && (field.known || inFields)) {
      inFields = true;
      continue;
    }
    inFields = false;
    if (isBodyParagraph(t)) {
      first = i;
      break;
    }
  }
  if (first < 0) return Math.min(lines.length, 1);
  // A news lead may come before the headline block of a reprinted speech, or right above its
  // salutation (…以下为讲话实录——): then the salutation a few lines down is the anchor.
  const lead = lines[first]?.text ?? "";
  for (let j = first + 1; j < Math.min(lines.length, first + 7); j++) {
    const t = lines[j]?.text ?? "";
    if (isSalutationish(t)) {
      const between = lines.slice(first + 1, j).some((l) => !isBodyParagraph(l.text));
      if (between || /(?:——|—|：|:)$|以下为|以下是/.test(lead)) return j;
      break;
    }
    if (isBodyParagraph(t)) break;
  }
  return first;
}

function classify(text: string): Kind {
  if (isSalutationLine(text) || isSalutationLead(text)) return "salutation";
  if (publicationDate(text)) return "published";
  // Field lines of a collection's header can be long (标题：… of a news report, 取法：…).
  if (metaField(text) && !nameColonHeadline(text)) return "meta";
  if (isBodyParagraph(text)) return "lead";
  if (isDatelineLine(text)) return "dateline";
  if (isDashedSubtitle(text) || isOccasionTail(text)) return "subtitle";
  if (isBracketNote(text)) return "note";
  const field = metaField(text);
  if (field && !nameColonHeadline(text)) return "meta";
  if (isSpeakerLine(text, TITLE_MARKER))
    return /^[\p{Script=Han}]{2,4}$/u.test(squeeze(text)) ? "name" : "speaker";
  return "other";
}

/** 四川省政协主席田向利：以改革举措… — a headline that opens with its speaker or author. */
function nameColonHeadline(text: string): boolean {
  const field = metaField(text);
  if (!field || field.known || field.value.length < 6) return false;
  if (/[A-Za-z0-9]/.test(field.value) || /[。；;]/.test(field.value)) return false;
  return isSpeakerLine(field.label, TITLE_MARKER);
}

function titleFrom(lines: readonly Line[], text: string): TitleParts {
  const first = lines[0] as Line;
  const last = lines[lines.length - 1] as Line;
  const { rest, declared } = splitDeclaredLength(text);
  return {
    title: rest.trim(),
    start: first.start,
    end: lines.length === 1 ? first.start + rest.trim().length : last.end,
    declared_chars: declared,
  };
}

function joinTitleLines(lines: readonly Line[]): string {
  let out = "";
  for (const l of lines) {
    if (out && !/[、，,：:]$/.test(out)) out += " ";
    out += l.text;
  }
  return out;
}

function squeeze(s: string): string {
  return s.replace(/[\s\u3000]+/g, "");
}

export function readFrontMatter(lines: readonly Line[]): FrontMatter {
  const fromBody = readFrontMatterFromBody(lines);
  if (fromBody.title) return fromBody;
  const fromTop = readTopFrontMatter(lines);
  return fromTop.title ? fromTop : fromBody;
}

function readFrontMatterFromBody(lines: readonly Line[]): FrontMatter {
  const anchor = findAnchor(lines);
  const anchorLine = lines[anchor];

  // The page's own title line, anywhere above the anchor (usually the first line).
  let pageHeadline: string | null = null;
  for (let i = 0; i < Math.min(anchor, 3); i++) {
    pageHeadline ??= pageTitleHeadline(lines[i]?.text ?? "");
  }

  // Read upwards from the anchor.
  const walked: { line: Line; kind: Kind }[] = [];
  let leads = 0;
  for (let i = anchor - 1; i >= 0 && anchor - i <= MAX_HEADER_WALK; i--) {
    const line = lines[i] as Line;
    const kind = classify(line.text);
    if (kind === "lead") {
      if (walked.some((w) => w.kind !== "lead") || ++leads > MAX_LEADS) break;
    } else if (kind === "other" && isHeadingLine(line.text)) {
      // The first outline heading (一、总体要求) may open the body right under the header.
      if (walked.length > 0 || anchorLine === undefined || isSalutationish(anchorLine.text)) break;
    } else if (
      kind === "other" &&
      !looksLikeTitleText(line.text.replace(/[，,]$/, "")) &&
      !isShortFurniture(line.text)
    ) {
      break;
    }
    walked.push({ line, kind });
  }

  // The title: a 标题： field; else the headline line the page's <title> repeats; else the line
  // above the header's evidence; else the line right above the anchor when it reads as a title.
  let titleLines: Line[] = [];
  let titleText: string | null = null;
  let titleAt = -1; // index into walked of the title's bottom line
  const field = walked.find(
    (w) => w.kind === "meta" && isTitleLabel(metaField(w.line.text)!.label),
  );
  if (field) {
    const value = metaField(field.line.text)!.value;
    if (value) {
      const offset = field.line.text.indexOf(value);
      titleLines = [{ ...field.line, start: field.line.start + offset, text: value }];
      titleText = value;
      titleAt = walked.indexOf(field);
    }
  }
  if (titleText === null && pageHeadline) {
    const page = squeeze(pageHeadline);
    const page2 = squeeze(pageHeadline.replace(/^[^：:]{2,20}[：:]/, ""));
    const k = walked.findIndex(
      (w) =>
        w.kind === "other" &&
        squeeze(w.line.text).length >= 6 &&
        looksLikeTitleText(w.line.text) &&
        (page.includes(squeeze(w.line.text)) || page2 === squeeze(w.line.text)),
    );
    if (k >= 0) titleAt = k;
  }
  // A bare name (江波) is evidence next to other evidence or right under the title; alone among
  // page furniture (分享, 纠错) it is furniture.
  const isEvidence = (k: number): boolean => {
    const w = walked[k];
    if (!w) return false;
    if (EVIDENCE.has(w.kind)) return true;
    if (w.kind !== "name") return false;
    const near = [walked[k - 1], walked[k + 1]];
    return near.some((n) => n !== undefined && EVIDENCE.has(n.kind)) || k === 0;
  };
  let formal = false;
  if (titleText === null && titleAt < 0) {
    const e = walked.findIndex((_, k) => isEvidence(k));
    if (e >= 0) {
      let k = e;
      while (k < walked.length && (isEvidence(k) || walked[k]!.kind === "name")) k++;
      const w = walked[k];
      if (w && w.kind === "other" && looksLikeTitleText(w.line.text)) {
        titleAt = k;
        formal = true;
      }
    }
  }
  if (titleText === null && titleAt < 0) {
    let k = 0;
    while (walked[k] && (walked[k]!.kind === "lead" || walked[k]!.kind === "note")) k++;
    const w = walked[k];
    const aboveSalutation = k === 0 && anchorLine !== undefined && isSalutationish(anchorLine.text);
    if (
      w &&
      w.kind === "other" &&
      looksLikeTitleText(w.line.text) &&
      (TITLE_MARKER.test(w.line.text) ||
        splitDeclaredLength(w.line.text).declared !== null ||
        nameColonHeadline(w.line.text) ||
        (aboveSalutation && w.line.text.length <= MAX_UNMARKED_TITLE))
    )
      titleAt = k;
  }
  if (titleText === null && titleAt >= 0) {
    // Titles broken over lines: a line ending in 、， continues below; in a formal header
    // (title above a dateline or subtitle) two full title lines stand together.
    titleLines = [walked[titleAt]!.line];
    let k = titleAt + 1;
    while (k < walked.length && titleLines.length < 3) {
      const up = walked[k]!;
      const upText = up.line.text.replace(/[，,]$/, ""); // 再造新广东，/ 再创新奇迹
      if (up.kind !== "other" || !looksLikeTitleText(upText)) break;
      const continues = /[、，,]$/.test(up.line.text);
      const parallel =
        formal &&
        squeeze(up.line.text).length >= MIN_JOINED_TITLE_LINE &&
        squeeze(titleLines[0]!.text).length >= MIN_JOINED_TITLE_LINE &&
        !/强调|指出|出席|主持|精神$/.test(up.line.text) &&
        // A title that names its occasion or genre (在…上的讲话, …报告) is complete.
        !/在.+上的|(?:讲话|报告|致辞|发言|讲稿)$/.test(titleLines[0]!.text) &&
        pageTitleHeadline(up.line.text) === null;
      if (!continues && !parallel) break;
      titleLines.unshift(up.line);
      k++;
    }
    titleText = joinTitleLines(titleLines);
    titleAt = k - 1;
  }

  const title = titleText !== null && titleLines.length ? titleFrom(titleLines, titleText) : null;
  // Header: walked lines below the title, top to bottom. Headline: title-like lines right above it.
  const below = titleAt >= 0 ? walked.slice(0, titleAt) : walked;
  const fieldLine = field && titleText !== null && field.line === walked[titleAt]?.line;
  const header = below
    .filter((w) => !titleLines.some((t) => t.index === w.line.index) || fieldLine)
    .map((w) => w.line)
    .filter((l) => !(fieldLine && l.index === field!.line.index))
    .reverse();
  const headline: Line[] = [];
  if (titleAt >= 0) {
    for (let k = titleAt + 1; k < walked.length; k++) {
      const w = walked[k]!;
      if (w.kind !== "other" || !looksLikeTitleText(w.line.text)) break;
      if (pageTitleHeadline(w.line.text) !== null) break; // the page's <title>, not the headline
      headline.unshift(w.line);
    }
  }
  const published = walked
    .filter((w) => w.kind === "published" || w.kind === "meta")
    .flatMap((w) => {
      const date = publicationDate(w.line.text);
      return date ? [{ line: w.line, date }] : [];
    })
    .reverse();

  // The salutation: the anchor and the lines that finish it (尊敬的黄坤明书记，/ 尊敬的…朋友们：).
  let salutation: Line | null = null;
  let bodyStart = anchor;
  if (anchorLine && (isSalutationLine(anchorLine.text) || isSalutationLead(anchorLine.text))) {
    let end = anchor;
    while (
      !isSalutationLine(lines[end]?.text ?? "") &&
      end + 1 < lines.length &&
      end - anchor < 3 &&
      (isSalutationLine(lines[end + 1]!.text) || isSalutationLead(lines[end + 1]!.text))
    )
      end++;
    const last = lines[end] as Line;
    if (isSalutationLine(last.text)) {
      salutation =
        end === anchor
          ? anchorLine
          : {
              index: anchorLine.index,
              start: anchorLine.start,
              end: last.end,
              text: lines
                .slice(anchor, end + 1)
                .map((l) => l.text)
                .join("\n"),
            };
      bodyStart = end + 1;
    }
  }
  // A speech run into one line opens with its salutation (同志们，朋友们： 今天…).
  const head = anchorLine && !salutation ? salutationHeadLength(anchorLine.text) : 0;
  if (anchorLine && head > 0 && head < anchorLine.text.length) {
    const text = anchorLine.text.slice(0, head);
    salutation = {
      index: anchorLine.index,
      start: anchorLine.start,
      end: anchorLine.start + head,
      text,
    };
  }
  return { title, header, salutation, bodyStart, headline, published, pageHeadline };
}

/** Page furniture between a headline and the text: 举报, 0, 用微信扫码二维码, 00:00/00:00. */
function isShortFurniture(text: string): boolean {
  return squeeze(text).length <= 10;
}

/**
 * The front matter read from the top: a title on the first line, the header lines under it and the
 * salutation. For texts whose header is followed by a table of contents or other lines that keep
 * the reading from the body upwards from reaching the title.
 */
function readTopFrontMatter(lines: readonly Line[]): FrontMatter {
  const first = lines[0];
  const second = lines[1];
  // A salutation, a dateline or a dashed subtitle (——在…会议上) under a short line makes it a title.
  const nextIsFrontMatter =
    second !== undefined &&
    (isSalutationLine(second.text) || isDateline(second.text) || DASHED_SUBTITLE.test(second.text));
  const title = detectTitle(first, nextIsFrontMatter);
  let i = title ? 1 : 0;
  const header: Line[] = [];
  let salutation: Line | null = null;
  if (title) {
    while (i < lines.length && header.length < MAX_HEADER_LINES) {
      const line = lines[i];
      if (!line || isSalutationLine(line.text)) break;
      const headerish =
        line.text.length <= MAX_HEADER_CHARS &&
        !/[。！？!?；;]/.test(line.text) &&
        (isDateline(line.text) || looksLikeTitleText(line.text));
      if (!headerish) break;
      header.push(line);
      i++;
    }
  }
  // The salutation is the first line after the header, or within the next two lines when a
  // stray note (（根据直播整理）) precedes it.
  for (let j = i; j < Math.min(lines.length, i + 3); j++) {
    const line = lines[j];
    if (line && isSalutationLine(line.text)) {
      for (let k = i; k < j; k++) {
        const extra = lines[k];
        if (extra) header.push(extra);
      }
      salutation = line;
      i = j + 1;
      break;
    }
  }
  const published = header.flatMap((line) => {
    const date = publicationDate(line.text);
    return date ? [{ line, date }] : [];
  });
  return { title, header, salutation, bodyStart: i, headline: [], published, pageHeadline: null };
}
