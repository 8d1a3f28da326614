// Parallel paragraph openings: a series of paragraphs whose first sentence follows one template,
// e.g. "面对庞大的组织规模，需要着眼健全组织体系，…" / "面对伟大的复兴梦想，需要着眼健全干部工作体系，…".
// The template is read from the first two clauses: both must open with the same two characters
// in every member while the first clauses differ. Requiring the second clause to match as well
// keeps ordinary paragraphs that merely start alike ("我们要…", "同时，…") out of the outline.
import { INLINE_RANK, type HeadingCandidate } from "./candidate.ts";
import { hanLength, type Paragraph } from "./paragraphs.ts";

const MIN_MEMBERS = 3;
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

function readOpening(text: string, para: Paragraph): Opening | null {
  const sentence = para.sentences[0];
  if (!sentence) return null;
  const s = text.slice(sentence.start, sentence.end);
  const clauses = s.split(/[，,]/);
  const [first, second] = clauses;
  if (first === undefined || second === undefined || clauses.length < 2) return null;
  const firstHan = hanLength(first);
  if (firstHan < 3 || firstHan > 20 || hanLength(second) < 3) return null;
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

export function findParallelHeadings(
  text: string,
  paragraphs: readonly Paragraph[],
): HeadingCandidate[] {
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
