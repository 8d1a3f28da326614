// Parallel paragraph openings (排比), three kinds, all of style "parallel_opening":
// - a template read from the first two clauses, e.g. "面对庞大的组织规模，需要着眼健全组织体系，…" /
//   "面对伟大的复兴梦想，需要着眼健全干部工作体系，…": both clauses open with the same two
//   characters in every member while the first clauses differ. Requiring the second clause to
//   match as well keeps ordinary paragraphs that merely start alike ("我们要…") out;
// - consecutive paragraphs whose first sentences share a long opening and then diverge:
//   "这是广东实现现代化的必由之路。" / "…的光明之路。" / "…的奋进之路。";
// - consecutive paragraphs led by short phrases of one length: "观大局，…" / "抓机遇，…" / "行大道，…".
// The last two need consecutive paragraphs: a point made in three paragraphs in a row.
import { INLINE_RANK, headingEnd, type HeadingCandidate } from "./candidate.ts";
import { hanLength, type Paragraph } from "./paragraphs.ts";

export const MIN_MEMBERS = 3;
/** Members may be separated by body paragraphs of the previous member's section. */
const MAX_PARAGRAPH_GAP = 12;
const LONG_HEADING = 50;

interface Opening {
  para: Paragraph;
  signature: string;
  firstClause: string;
  /** End of the second clause: the heading when the first sentence is long. */
  templateEnd: number;
  sentenceEnd: number;
}

/**
 * "会议指出，" / "会议强调，" / "会议要求，": remarks reported one after another (news), not
 * points. (The same verb thrice with one subject, "黄坤明强调，要…", is a shared opening.)
 */
const REPORTING = /(?:指出|强调|要求|表示|认为|提出|说|称|介绍|希望|谈到|讲到)$/;

function readOpening(text: string, para: Paragraph): Opening | null {
  const sentence = para.sentences[0];
  if (!sentence) return null;
  const s = text.slice(sentence.start, sentence.end);
  const clauses = s.split(/[，,]/);
  const [first, second] = clauses;
  if (first === undefined || second === undefined || clauses.length < 2) return null;
  const firstHan = hanLength(first);
  if (firstHan < 3 || firstHan > 20 || hanLength(second) < 3) return null;
  if (REPORTING.test(first)) return null;
  const lead = (x: string): string => [...x].slice(0, 2).join("");
  if (!/^\p{Script=Han}{2}$/u.test(lead(first)) || !/^\p{Script=Han}{2}$/u.test(lead(second)))
    return null;
  return {
    para,
    signature: `${lead(first)}|${lead(second)}`,
    firstClause: first,
    templateEnd: sentence.start + first.length + 1 + second.length,
    sentenceEnd: sentence.end,
  };
}

/** Paragraph openings that follow one template read from their first two clauses. */
function templateSeries(text: string, paragraphs: readonly Paragraph[]): HeadingCandidate[] {
  const bySignature = new Map<string, Opening[]>();
  for (const para of paragraphs) {
    const opening = readOpening(text, para);
    if (!opening) continue;
    const list = bySignature.get(opening.signature) ?? [];
    list.push(opening);
    bySignature.set(opening.signature, list);
  }
  const found: HeadingCandidate[] = [];
  for (const list of bySignature.values()) {
    let chain: Opening[] = [];
    const flush = (): void => {
      const distinct = new Set(chain.map((o) => o.firstClause)).size;
      if (chain.length >= MIN_MEMBERS && distinct === chain.length) {
        for (const o of chain) {
          const short = o.sentenceEnd - o.para.start <= LONG_HEADING;
          found.push({
            style: "parallel_opening",
            rank: INLINE_RANK,
            number: null,
            start: o.para.start,
            headingEnd: short ? o.sentenceEnd : o.templateEnd,
            paragraph: o.para.index,
          });
        }
      }
      chain = [];
    };
    for (const o of list) {
      const prev = chain[chain.length - 1];
      if (prev && o.para.index - prev.para.index > MAX_PARAGRAPH_GAP) flush();
      chain.push(o);
    }
    flush();
  }
  return found.sort((a, b) => a.start - b.start);
}

const MIN_SHARED_HAN = 6;

export function firstSentence(text: string, para: Paragraph): string {
  const sentence = para.sentences[0];
  return sentence ? text.slice(sentence.start, sentence.end) : "";
}

export function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

export function candidateAt(para: Paragraph): HeadingCandidate {
  return {
    style: "parallel_opening",
    rank: INLINE_RANK,
    number: null,
    start: para.start,
    headingEnd: headingEnd(para, para.start),
    paragraph: para.index,
    lastParagraph: para.index,
  };
}

/**
 * An opening shared only up to a reporting verb ("习近平总书记指出，…", "黄坤明强调，要…") marks
 * quoted or reported remarks, paragraph after paragraph, not the points of an outline.
 */
const REPORTED =
  /(?:指出|强调|要求|表示|认为|提出|说|称|介绍|希望|谈到|讲到|批示|寄语)[，,：:]?要?$/;

/** Runs of consecutive paragraphs whose first sentences share at least MIN_SHARED_HAN Han characters. */
function sharedOpeningSeries(text: string, paragraphs: readonly Paragraph[]): HeadingCandidate[] {
  const found: HeadingCandidate[] = [];
  let i = 0;
  while (i < paragraphs.length) {
    const first = firstSentence(text, paragraphs[i]!);
    let shared = first;
    let j = i + 1;
    for (; j < paragraphs.length; j++) {
      const next = commonPrefix(shared, firstSentence(text, paragraphs[j]!));
      if (hanLength(next) < MIN_SHARED_HAN) break;
      shared = next;
    }
    const run = paragraphs.slice(i, j);
    // Each member goes on after the shared opening, and differently (not a repeated paragraph).
    const rests = run.map((p) => firstSentence(text, p).slice(shared.length));
    const distinct = new Set(rests).size === run.length && rests.every((r) => hanLength(r) >= 2);
    if (run.length >= MIN_MEMBERS && distinct) {
      found.push(...run.map(candidateAt));
      i = j;
    } else {
      i += 1;
    }
  }
  return found;
}

/**
 * Connectives, time and place phrases open consecutive paragraphs as a matter of course
 * ("同时，…", "此外，…", "近年来，…", "在实践中，…"), and enumerations (第一，) belong to the
 * inline detector: none of them is the point of a parallel series.
 */
const NOT_A_LEAD_PHRASE = new RegExp(
  [
    "^(?:同时|此外|另外|因此|所以|但是|然而|首先|其次|再次|最后|总之|为此|对此|例如|比如|当前|目前|现在|今天|今年|去年|明年|一方面|另一方面|与此同时|特别是|尤其是|实践证明|事实证明|总的来看|总体来看|具体来说|具体而言|一般来说|毫无疑问|众所周知|同志们|朋友们)$",
    "^(?:在|从|对|于|据|按|随着|通过|经过|当|自|关于|第|其[一二三四五六七八九十])",
    "^[一二三四五六七八九十]",
    "(?:以来|年来|以后|之后|以前|之前|时候|期间|中|会上|的|了|们)$",
    REPORTING.source,
  ].join("|"),
);

/** The short phrase before the first comma of a paragraph, when it is one (2–4 Han characters). */
function leadPhrase(text: string, para: Paragraph): string | null {
  const m = /^(\p{Script=Han}{2,4})[，,]/u.exec(firstSentence(text, para));
  if (!m || NOT_A_LEAD_PHRASE.test(m[1]!)) return null;
  return m[1]!;
}

const clauseCount = (sentence: string): number => sentence.split(/[，,；;：:]/).length;

/**
 * Runs of consecutive paragraphs led by distinct short phrases of one length, whose first
 * sentences are built alike (as many clauses): "仰观大局，我们肩负着…。" / "瞻望未来，我们的…。".
 */
function leadPhraseSeries(text: string, paragraphs: readonly Paragraph[]): HeadingCandidate[] {
  const found: HeadingCandidate[] = [];
  let i = 0;
  while (i < paragraphs.length) {
    const lead = leadPhrase(text, paragraphs[i]!);
    const clauses = clauseCount(firstSentence(text, paragraphs[i]!));
    let j = i + 1;
    const leads = new Set(lead === null ? [] : [lead]);
    for (; lead !== null && j < paragraphs.length; j++) {
      const next = leadPhrase(text, paragraphs[j]!);
      if (next === null || next.length !== lead.length || leads.has(next)) break;
      if (clauseCount(firstSentence(text, paragraphs[j]!)) !== clauses) break;
      leads.add(next);
    }
    if (lead !== null && j - i >= MIN_MEMBERS) {
      found.push(...paragraphs.slice(i, j).map(candidateAt));
      i = j;
    } else {
      i += 1;
    }
  }
  return found;
}

export function findParallelHeadings(
  text: string,
  paragraphs: readonly Paragraph[],
): HeadingCandidate[] {
  const byStart = new Map<number, HeadingCandidate>();
  for (const c of [
    ...templateSeries(text, paragraphs),
    ...sharedOpeningSeries(text, paragraphs),
    ...leadPhraseSeries(text, paragraphs),
  ])
    if (!byStart.has(c.start)) byStart.set(c.start, c);
  return [...byStart.values()].sort((a, b) => a.start - b.start);
}
