// Genre from explainable cues, strongest first: the front matter (title and header) decides when it
// speaks; otherwise the opening paragraph, the salutation and the closing formula do.
import type { Genre } from "../types.ts";

export interface GenreInputs {
  /** Title and header lines joined. */
  front: string;
  salutation: string | null;
  /** The first body paragraphs. */
  opening: string;
  closing: string | null;
}

export interface GenreDecision {
  genre: Genre;
  /** The rule that fired, e.g. "front:study", for the notes of a dataset user. */
  rule: string;
  /** The cue text that triggered it. */
  cue: string | null;
}

const REPORT = /政府工作报告|工作报告|述职报告|的报告$|^关于.+的报告/m;
const STUDY = /中心组|研讨|交流发言|学习体会|心得体会|读书班|读书会|专题学习|学习会|学习发言/;
const CONFERENCE =
  /在[^，。]{0,40}(?:会议|大会|座谈会|推进会|部署会|动员会)上的(?:讲话|发言|致辞)|会议上的讲话|讲话$/;
const OPENING_CONFERENCE =
  /召开[^，。]{0,30}(?:会议|大会)|(?:安排|部署)[^，。]{0,6}(?:工作|任务)|作了[^，。]{0,6}部署|主要任务是/;
const DEFERENTIAL = /尊敬的|各位领导/;
const REMARKS_CLOSING = /发言完毕|批评指正|不当之处|汇报完毕/;

function cue(re: RegExp, text: string): string | null {
  return re.exec(text)?.[0] ?? null;
}

export function classifyGenre(inp: GenreInputs): GenreDecision {
  let c: string | null;
  if ((c = cue(REPORT, inp.front))) return { genre: "report", rule: "front:report", cue: c };
  if ((c = cue(STUDY, inp.front)))
    return { genre: "study_session_remarks", rule: "front:study", cue: c };
  if ((c = cue(CONFERENCE, inp.front)))
    return { genre: "conference_speech", rule: "front:conference", cue: c };
  if ((c = cue(STUDY, inp.opening)))
    return { genre: "study_session_remarks", rule: "opening:study", cue: c };
  // A speaker who closes with 发言完毕/批评指正 or addresses 尊敬的各位领导 reports upward: remarks.
  if (inp.closing && (c = cue(REMARKS_CLOSING, inp.closing)))
    return { genre: "study_session_remarks", rule: "closing:remarks", cue: c };
  if (inp.salutation && (c = cue(DEFERENTIAL, inp.salutation)))
    return { genre: "study_session_remarks", rule: "salutation:deferential", cue: c };
  if ((c = cue(OPENING_CONFERENCE, inp.opening)))
    return { genre: "conference_speech", rule: "opening:conference", cue: c };
  return { genre: "other", rule: "none", cue: null };
}
