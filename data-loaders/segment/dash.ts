// Dash-led paragraphs: "——坚持党管农村工作。…" / "——我们创立了…，…" — a list of points, one
// paragraph each, in a row (raw HTML pages write the dash as "&mdash;&mdash;"). A single dash
// line is a subtitle or a dateline ("——在…上的讲话", "——2022年1月20日在…"), not a list: at
// least two consecutive dash paragraphs are needed.
import { INLINE_RANK, headingEnd, type HeadingCandidate } from "./candidate.ts";
import type { Paragraph } from "./paragraphs.ts";

const DASH_LEAD = /^(?:——|—|－－|--|&mdash;&mdash;|&mdash;)(?=[\p{Script=Han}“「])/u;
const MIN_MEMBERS = 2;

export function findDashHeadings(paragraphs: readonly Paragraph[]): HeadingCandidate[] {
  const found: HeadingCandidate[] = [];
  let run: Paragraph[] = [];
  const flush = (): void => {
    if (run.length >= MIN_MEMBERS) {
      for (const para of run) {
        found.push({
          style: "dash",
          rank: INLINE_RANK,
          number: null,
          start: para.start,
          headingEnd: headingEnd(para, para.start),
          paragraph: para.index,
          // Each item is its own paragraph: what follows the list is not inside its last item.
          lastParagraph: para.index,
        });
      }
    }
    run = [];
  };
  for (const para of paragraphs) {
    const prev = run[run.length - 1];
    if (prev && para.index !== prev.index + 1) flush();
    if (DASH_LEAD.test(para.text)) run.push(para);
    else flush();
  }
  flush();
  return found;
}
