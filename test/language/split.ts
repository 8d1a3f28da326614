// A tiny sentence splitter for the language tests, standing in for the segment stage: cut after
// 。！？； or a newline (closing quotes and brackets stay with their sentence); everything goes to
// section "preamble". The sentences partition the text, as the real ones do.
import type { SentenceRow } from "../../data-loaders/types.ts";

const END = new Set(["。", "！", "？", "；", "\n"]);
const CLOSERS = new Set(["”", "’", "）", "」", "』", "》"]);

export function splitSentences(
  speechId: string,
  text: string,
  sectionId = "preamble",
): SentenceRow[] {
  const rows: SentenceRow[] = [];
  let start = 0;
  const push = (end: number) => {
    if (end > start) {
      rows.push({
        speech_id: speechId,
        sentence_id: rows.length,
        section_id: sectionId,
        start,
        end,
        text: text.slice(start, end),
      });
    }
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    if (!END.has(text[i]!)) continue;
    let end = i + 1;
    while (end < text.length && CLOSERS.has(text[end]!)) end++;
    push(end);
    i = end - 1;
  }
  push(text.length);
  return rows;
}
