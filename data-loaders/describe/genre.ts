// Genre from explainable cues, strongest first. What the title says the text is decides when it
// says it (…上的讲话, 党课, 政府工作报告, a news headline, a policy document); otherwise the
// opening paragraphs, the salutation, the closing formula and the text's references to itself do.
import type { Genre } from "../types.ts";
import { foldTraditional } from "./traditional.ts";

export interface GenreInputs {
  /** Title and header lines joined (subtitle, headline kickers). */
  front: string;
  salutation: string | null;
  /** The first body paragraphs. */
  opening: string;
  closing: string | null;
  /** The whole cleaned text, for references to itself and its length; optional. */
  text?: string;
}

export interface GenreDecision {
  genre: Genre;
  /** The rule that fired, e.g. "front:study", for the notes of a dataset user. */
  rule: string;
  /** The cue text that triggered it. */
  cue: string | null;
}

// A news headline reports an event (…推进会召开, 黄坤明讲话 孟凡利主持, 习近平在…会议上强调);
// the speech itself is titled by its occasion (在…会议上的讲话) and never uses these verbs.
const NEWS_FRONT =
  /(?:召开|举行|举办|开幕|闭幕)(?![^\s，。]*?(?:上的|讲话$|报告$))|强调|指出|主持(?!词|讲话|人)|出席|会见|会晤|考察(?!报告)|调研(?!报告)|视察|看望|慰问|发表(?:重要)?讲话/;
// Documents that are not addressed to an audience (中共中央 国务院关于…的意见).
const DOCUMENT_FRONT =
  /(?:意见|通知|决定|决议|办法|方案|规定|条例|纲要|公报|通报|批复|规划|细则)(?:[（(][^）)]*[）)])?$|社论|评论员文章|本报评论员/m;
const STUDY =
  /中心组|集体学习|研讨|交流发言|学习体会|心得体会|读书班|读书会|专题学习|学习会|学习发言|党课|讲课|辅导报告|专题辅导|民主生活会|组织生活会|对照检查|常委会(?:会议)?上的发言|发言材料|发言提纲|学习交流/;
const REPORT_FRONT =
  /政府工作报告|工作报告|述职|工作总结|年度总结|上的报告|的报告$|^关于.+的报告|^报告$/m;
const CONFERENCE_FRONT = /讲话|致辞|致词|发言|演讲|讲稿|开幕词|闭幕词|主持词|贺词|动员|上的报告会/;
const ANY_REPORT = /报告|汇报/;

// References of a text to itself as a report delivered to a meeting.
const REPORT_SELF =
  /(?:向|给)(?:大会|全会|会议|你们|各位代表)[^，。；]{0,8}(?:作|做)?[^，。；]{0,12}报告|作[^，。；]{0,16}工作报告|代表[^，。；]{1,16}作[^，。；]{0,20}报告|在报告之前|我的报告|本报告/;
// A congress or a people's congress session named as the present occasion.
const CONGRESS_OCCASION =
  /第[一二三四五六七八九十]{1,3}次全国代表大会|第[一二三四五六七八九十]{1,3}届全国人民代表大会第[一二三四五六七八九十]{1,2}次会议/;
/** Reports to congresses run long; opening addresses (开幕词) and greetings do not. */
const MIN_CONGRESS_REPORT_CHARS = 15_000;
// A year-end summary (工作总结/述职) looks back on the year and ahead to the next.
const LOOKS_BACK = /一年来|今年以来|过去的一年|本年度|年度工作/;
const LOOKS_AHEAD =
  /(?:明年|来年|新的一年|下一年度?)[^，。；]{0,6}(?:工作计划|工作思路|发展思路|工作打算|打算|计划|思路)/;
// A news lead: a date without year, then the event (7月3日至4日，全国组织工作会议在北京召开).
const NEWS_LEAD =
  /^[0-9０-９一二三四五六七八九十]{1,2}月[0-9０-９一二三四五六七八九十]{1,3}日(?:至[0-9０-９一二三四五六七八九十]{1,3}日)?(?:上午|下午|晚|晚间)?[，,][^。]{0,60}(?:召开|举行|开幕)/;

// Collected works put an editor's note under the title: 这是毛泽东在…大会上的政治报告 /
// 这是习近平在…集体学习时的讲话. It says what the text is as plainly as a title.
const EDITOR_NOTE =
  /^(?:这是|本文是|这篇是)[^。]{0,80}?(讲话|发言|演说|讲演|致辞|报告|结论|总结|谈话|书信|信|文章|按语|批示|批语|提纲)/m;
const NOTE_GENRE: Readonly<Record<string, Genre>> = {
  讲话: "conference_speech",
  发言: "conference_speech",
  演说: "conference_speech",
  讲演: "conference_speech",
  致辞: "conference_speech",
  结论: "conference_speech",
  总结: "conference_speech",
  谈话: "conference_speech",
  报告: "report",
  书信: "other",
  信: "other",
  文章: "other",
  按语: "other",
  批示: "other",
  批语: "other",
  提纲: "conference_speech",
};

const STUDY_OPENING = STUDY;
const OPENING_CONFERENCE =
  /召开[^，。]{0,30}(?:会议|大会)|(?:安排|部署)[^，。]{0,6}(?:工作|任务)|作了[^，。]{0,6}部署|主要任务是/;
/** Addressing 各位领导 (speaking upward) marks remarks at a study or review session. */
const DEFERENTIAL = /各位领导/;
const REMARKS_CLOSING = /发言完毕|批评指正|不当之处|汇报完毕/;

function cue(re: RegExp, text: string): string | null {
  return re.exec(text)?.[0] ?? null;
}

export function classifyGenre(inp: GenreInputs): GenreDecision {
  const front = foldTraditional(inp.front);
  const opening = foldTraditional(inp.opening);
  let c: string | null;
  if ((c = cue(NEWS_FRONT, front))) return { genre: "other", rule: "front:news", cue: c };
  if ((c = cue(DOCUMENT_FRONT, front))) return { genre: "other", rule: "front:document", cue: c };
  if ((c = cue(STUDY, front)))
    return { genre: "study_session_remarks", rule: "front:study", cue: c };
  if ((c = cue(REPORT_FRONT, front))) return { genre: "report", rule: "front:report", cue: c };
  if ((c = cue(CONFERENCE_FRONT, front)))
    return { genre: "conference_speech", rule: "front:conference", cue: c };
  if ((c = cue(ANY_REPORT, front))) return { genre: "report", rule: "front:report", cue: c };

  const note = EDITOR_NOTE.exec(opening);
  if (note) {
    if ((c = cue(STUDY, note[0])))
      return { genre: "study_session_remarks", rule: "note:study", cue: c };
    return { genre: NOTE_GENRE[note[1]!] ?? "other", rule: "note", cue: note[0] };
  }
  if ((c = cue(STUDY_OPENING, opening)))
    return { genre: "study_session_remarks", rule: "opening:study", cue: c };
  if ((c = cue(REPORT_SELF, opening))) return { genre: "report", rule: "opening:report", cue: c };
  const text = inp.text ?? null;
  if (
    text !== null &&
    text.length >= MIN_CONGRESS_REPORT_CHARS &&
    (c = cue(CONGRESS_OCCASION, opening))
  )
    return { genre: "report", rule: "opening:congress", cue: c };
  // (The look ahead is only ever written in simplified characters in the texts seen; folding the
  // whole text for it would cost more than it finds.)
  if (text !== null && (c = cue(LOOKS_BACK, opening)) && LOOKS_AHEAD.test(text))
    return { genre: "report", rule: "opening:year_summary", cue: c };
  // A speaker who closes with 发言完毕/批评指正 or addresses 各位领导 reports upward: remarks.
  if (inp.closing && (c = cue(REMARKS_CLOSING, inp.closing)))
    return { genre: "study_session_remarks", rule: "closing:remarks", cue: c };
  if (inp.salutation && (c = cue(DEFERENTIAL, inp.salutation)))
    return { genre: "study_session_remarks", rule: "salutation:deferential", cue: c };
  if (!inp.salutation && (c = cue(NEWS_LEAD, opening)))
    return { genre: "other", rule: "opening:news", cue: c };
  if ((c = cue(OPENING_CONFERENCE, opening)))
    return { genre: "conference_speech", rule: "opening:conference", cue: c };
  return { genre: "other", rule: "none", cue: null };
}
