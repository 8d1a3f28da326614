// Sentence rows: every leaf section split into sentences, numbered through the speech.
// Splitting leaf by leaf guarantees that no sentence crosses a section boundary.
import type { SentenceRow } from "../types.ts";
import { splitSentenceSpans } from "./sentences.ts";
import type { SectionNode } from "./tree.ts";

export type SentenceNode = Omit<SentenceRow, "speech_id">;

export function sentencesOfLeaves(text: string, sections: readonly SectionNode[]): SentenceNode[] {
  const leaves = sections.filter((s) => s.is_leaf).sort((a, b) => a.start - b.start);
  const rows: SentenceNode[] = [];
  for (const leaf of leaves) {
    for (const span of splitSentenceSpans(text, leaf.start, leaf.end)) {
      rows.push({
        sentence_id: rows.length,
        section_id: leaf.section_id,
        start: span.start,
        end: span.end,
        text: text.slice(span.start, span.end),
      });
    }
  }
  return rows;
}
