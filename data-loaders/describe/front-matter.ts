// The front matter of a speech: title, the header lines under it (subtitle, dateline, speaker),
// and the salutation. Everything after it is the body.
import type { Line } from "./lines.ts";
import { detectTitle, looksLikeTitleText, type TitleParts } from "./title.ts";
import { isSalutationLine } from "./salutation.ts";
import { isDateline } from "./dateline.ts";

export interface FrontMatter {
  title: TitleParts | null;
  /** Lines between the title and the salutation (or the first paragraph). */
  header: Line[];
  salutation: Line | null;
  /** Index (into lines) of the first body line. */
  bodyStart: number;
}

/** Header lines are short and sentence-free; more than this many means we misread the text. */
const MAX_HEADER_LINES = 5;
const MAX_HEADER_CHARS = 80;
const DASHED_SUBTITLE = /^(?:——|--|－－|—)[^。！？]{2,60}$/;

export function readFrontMatter(lines: readonly Line[]): FrontMatter {
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
  return { title, header, salutation, bodyStart: i };
}
