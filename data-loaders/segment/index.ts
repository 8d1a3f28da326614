// The segment stage: a cleaned speech → its outline (section tree) and its sentences.
//
// Contract (checked in test/segment/):
// - sections: one row per outline node, in pre-order (seq). The leaves, sorted by start,
//   partition [0, text.length) with no gap or overlap; each child lies inside its parent and
//   a parent's span is the union of its children's. heading === text.slice(heading_start, heading_end).
// - sentences: partition every leaf; text.slice(start, end) === text; concatenated they
//   reproduce the speech. sentence_id is the 0-based order in the speech.
// Offsets are UTF-16 code units into `text`, half-open.
import { findClosingStart } from "./closing.ts";
import { findHeadlineHeadings } from "./headline.ts";
import { findInlineHeadings } from "./inline.ts";
import { sentencesOfLeaves, type SentenceNode } from "./leaf-sentences.ts";
import { findNumberedHeadings } from "./numbered.ts";
import { findParallelHeadings } from "./parallel.ts";
import { splitParagraphs } from "./paragraphs.ts";
import { buildSectionTree, selectCandidates, type SectionNode } from "./tree.ts";

export type { SectionNode } from "./tree.ts";
export type { SentenceNode } from "./leaf-sentences.ts";

export interface Segmentation {
  sections: SectionNode[];
  sentences: SentenceNode[];
}

/** `text`: the cleaned speech, paragraphs separated by "\n". */
export function segmentSpeech(text: string): Segmentation {
  const paragraphs = splitParagraphs(text);
  const enumerated = [
    ...findNumberedHeadings(paragraphs),
    ...findInlineHeadings(text, paragraphs),
    ...findParallelHeadings(text, paragraphs),
  ];
  const closingStart = findClosingStart(text, paragraphs, enumerated);
  // Headline series are the weakest signal: they are looked for only before the closing, so
  // that a closing couplet ("征程万里风正劲，重任千钧再奋蹄。") cannot pass for a headline.
  const body = paragraphs.filter((p) => closingStart === null || p.end <= closingStart);
  const candidates = [...enumerated, ...findHeadlineHeadings(text, body)];
  const sections = buildSectionTree(text, selectCandidates(candidates, closingStart), closingStart);
  return { sections, sentences: sentencesOfLeaves(text, sections) };
}
