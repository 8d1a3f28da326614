// Question headlines: paragraphs near each other that open with short questions on one subject
// and go on to answer them ("国家战略腹地为何建？" / "…建在哪？" / "…如何建？"). Rhetorical
// questions on different subjects ("为什么这样说？" / "怎么办？") share no opening and stay prose.
import type { HeadingCandidate } from "./candidate.ts";
import { candidateAt, commonPrefix, firstSentence, MIN_MEMBERS } from "./parallel.ts";
import { hanLength, type Paragraph } from "./paragraphs.ts";

const QUESTION_MAX_HAN = 20;
/** Members may be separated by a few paragraphs of the previous question's answer. */
const MAX_QUESTION_GAP = 3;

/** The paragraph's first sentence when it is a short question followed by its answer. */
function openingQuestion(text: string, para: Paragraph): string | null {
  const s = firstSentence(text, para);
  if (!/[？?]$/.test(s) || para.sentences.length < 2) return null;
  const han = hanLength(s);
  return han >= 4 && han <= QUESTION_MAX_HAN ? s : null;
}

/** Each question governs the paragraphs up to the next one. */
export function findQuestionHeadings(
  text: string,
  paragraphs: readonly Paragraph[],
): HeadingCandidate[] {
  const found: HeadingCandidate[] = [];
  let chain: { para: Paragraph; question: string }[] = [];
  const flush = (): void => {
    const shared = chain.map((m) => m.question).reduce(commonPrefix, chain[0]?.question ?? "");
    if (chain.length >= MIN_MEMBERS && hanLength(shared) >= 2)
      for (const { para } of chain)
        found.push({ ...candidateAt(para), style: "question", lastParagraph: undefined });
    chain = [];
  };
  for (const para of paragraphs) {
    const question = openingQuestion(text, para);
    if (question === null) continue;
    const prev = chain[chain.length - 1];
    if (prev && para.index - prev.para.index > MAX_QUESTION_GAP) flush();
    chain.push({ para, question });
  }
  flush();
  return found;
}
