// The segment stage: a cleaned speech → its outline (section tree) and its sentences.
//
// Contract (checked in test/segment/):
// - sections: one row per outline node, in pre-order (seq). The leaves, sorted by start,
//   partition [0, text.length) with no gap or overlap; each child lies inside its parent and
//   a parent's span is the union of its children's. heading === text.slice(heading_start, heading_end).
// - sentences: partition every leaf; text.slice(start, end) === text; concatenated they
//   reproduce the speech. sentence_id is the 0-based order in the speech.
// Offsets are UTF-16 code units into `text`, half-open.
//
// Detectors (one module each) propose heading candidates: numbered (一、 （一） 1. …), title
// lines, dash items, parallel openings and questions, inline enumerations (第一， 一是 首先),
// headlines. Restraint is shared: series must run from 1 or repeat a pattern, an enumeration
// inside a paragraph counts only in a heading's body, attachments and the closing are left out.
// tree.ts nests the accepted candidates by order of appearance.
import { findAppendixStart } from "./appendix.ts";
import { findClosingStart } from "./closing.ts";
import { findDashHeadings } from "./dash.ts";
import { findHeadlineHeadings } from "./headline.ts";
import { findInlineHeadings } from "./inline.ts";
import { sentencesOfLeaves, type SentenceNode } from "./leaf-sentences.ts";
import { findNumberedHeadings, numberedOpenings } from "./numbered.ts";
import { findParallelHeadings } from "./parallel.ts";
import { hanLength, splitParagraphs, type Paragraph } from "./paragraphs.ts";
import { findQuestionHeadings } from "./questions.ts";
import { findTitleLines } from "./title-lines.ts";
import type { HeadingCandidate } from "./candidate.ts";
import { buildSectionTree, selectCandidates, type SectionNode } from "./tree.ts";

export type { SectionNode } from "./tree.ts";
export type { SentenceNode } from "./leaf-sentences.ts";

export interface Segmentation {
  sections: SectionNode[];
  sentences: SentenceNode[];
  /** Quality flags of the outline (see outlineFlags), for the speech's quality_flags. */
  flags: string[];
}

/** `text`: the cleaned speech, paragraphs separated by "\n". */
export function segmentSpeech(text: string): Segmentation {
  // Attachments are left out of the outline: they stay in the last section (or the closing).
  const all = splitParagraphs(text);
  const appendixStart = findAppendixStart(text, all);
  const paragraphs = appendixStart === null ? all : all.filter((p) => p.start < appendixStart);
  // Headings that open paragraphs come first: they decide where a heading may also stand in
  // the middle of a paragraph (only in the body of one of them, see headedParagraphs).
  const openings = numberedOpenings(paragraphs);
  const opening = [
    ...findNumberedHeadings(paragraphs, openings),
    ...findTitleLines(paragraphs),
    ...findDashHeadings(paragraphs),
    ...findParallelHeadings(text, paragraphs),
    ...findQuestionHeadings(text, paragraphs),
  ];
  const leadingInline = findInlineHeadings(text, paragraphs, () => false);
  const headed = headedParagraphs(paragraphs, [...opening, ...leadingInline]);
  const midAllowed = (i: number): boolean => headed.has(i);
  const enumerated = [...opening, ...findInlineHeadings(text, paragraphs, midAllowed)];
  const closingStart = findClosingStart(text, paragraphs, enumerated);
  // Headline series are the weakest signal: they are looked for only before the closing, so
  // that a closing couplet ("征程万里风正劲，重任千钧再奋蹄。") cannot pass for a headline.
  const body = paragraphs.filter((p) => closingStart === null || p.end <= closingStart);
  const candidates = [...enumerated, ...findHeadlineHeadings(text, body, midAllowed)];
  const sections = buildSectionTree(text, selectCandidates(candidates, closingStart), closingStart);
  return {
    sections,
    sentences: sentencesOfLeaves(text, sections),
    flags: outlineFlags(text, sections, openings),
  };
}

/** A text this long (Han characters) without any heading is flagged: it may have an outline we miss. */
const LONG_WITHOUT_OUTLINE = 3000;
/** Numbered paragraph openings left out of the outline from this many on are flagged. */
const MIN_UNPLACED = 2;

/**
 * Where the segmenter held back, it says so instead of guessing: "outline_unplaced_numbers"
 * when numbered paragraph openings ("二、", "（3）") fit no series counted from 1 and stay body
 * text; "no_outline" when a long text gets no heading at all.
 */
function outlineFlags(
  text: string,
  sections: readonly SectionNode[],
  openings: readonly HeadingCandidate[],
): string[] {
  const flags: string[] = [];
  const headingStarts = new Set(
    sections.filter((s) => s.kind === "heading").map((s) => s.heading_start),
  );
  const unplaced = openings.filter((c) => !headingStarts.has(c.start)).length;
  if (unplaced >= MIN_UNPLACED) flags.push("outline_unplaced_numbers");
  if (headingStarts.size === 0 && hanLength(text) >= LONG_WITHOUT_OUTLINE) flags.push("no_outline");
  return flags;
}

/**
 * Paragraphs that are the body of a heading: those a heading opens, and the paragraph right
 * after a heading that fills its own line.
 */
function headedParagraphs(
  paragraphs: readonly Paragraph[],
  headings: readonly HeadingCandidate[],
): Set<number> {
  const headed = new Set<number>();
  for (const c of headings) {
    const para = paragraphs[c.paragraph]!;
    if (c.start !== para.start) continue;
    headed.add(para.index);
    if (c.headingEnd >= para.end) headed.add(para.index + 1);
  }
  return headed;
}
