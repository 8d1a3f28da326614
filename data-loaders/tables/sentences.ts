import type { SentenceRow } from "../types.ts";
import { defineTable, OFFSET_NOTE } from "./spec.ts";

export const sentencesTable = defineTable<SentenceRow>({
  name: "sentences",
  rowGroups: "speech",
  title: "Sentences 句子",
  grain: "one row per sentence of a speech; sentences partition the cleaned text",
  primaryKey: ["speech_id", "sentence_id"],
  columns: [
    { name: "speech_id", type: "string", description: "Speech (speeches.speech_id)." },
    {
      name: "sentence_id",
      type: "integer",
      description: "0-based position of the sentence in the speech.",
    },
    {
      name: "section_id",
      type: "string",
      description: "Leaf section that contains the sentence (sections.section_id).",
    },
    { name: "start", type: "integer", description: `${OFFSET_NOTE} into the cleaned text.` },
    { name: "end", type: "integer", description: `${OFFSET_NOTE}.` },
    {
      name: "text",
      type: "string",
      description:
        "Exactly the cleaned text between start and end (a trailing line break included); concatenating a speech's sentences gives its cleaned text.",
    },
  ],
  invariants: [
    "sentences of a speech are contiguous: start of sentence k+1 = end of sentence k, first start 0, last end = chars",
    "each sentence lies inside its leaf section",
  ],
});
