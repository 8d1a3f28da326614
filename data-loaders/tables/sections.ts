import type { SectionRow } from "../types.ts";
import { defineTable, OFFSET_NOTE } from "./spec.ts";

export const sectionsTable = defineTable<SectionRow>({
  name: "sections",
  rowGroups: "speech",
  title: "Sections 提纲结构",
  grain: "one row per outline node of a speech (preamble, level 1-3 headings, closing)",
  primaryKey: ["speech_id", "section_id"],
  columns: [
    { name: "speech_id", type: "string", description: "Speech (speeches.speech_id)." },
    {
      name: "section_id",
      type: "string",
      description: "'preamble', 'closing', or a dotted outline path '1', '1.2', '1.2.3'.",
    },
    {
      name: "parent_id",
      type: "string",
      nullable: true,
      description: "Parent node's section_id; null for top-level nodes.",
    },
    {
      name: "level",
      type: "integer",
      description: "Depth: 0 for preamble/closing, 1-3 for headings.",
    },
    { name: "ordinal", type: "integer", description: "1-based position among siblings." },
    {
      name: "heading",
      type: "string",
      nullable: true,
      description: "Heading text, exactly as in the cleaned text.",
    },
    {
      name: "heading_style",
      type: "string",
      nullable: true,
      description:
        "How the heading was recognised (一、, （一）, 1., 第一，, 一是, parallel openings, dash-led items ——…, questions, unnumbered heading lines, headline sentences …).",
    },
    {
      name: "kind",
      type: "string",
      enum: ["preamble", "heading", "intro", "closing"],
      description: "Node kind.",
    },
    {
      name: "start",
      type: "integer",
      description: `Start of the node's span (heading and descendants); ${OFFSET_NOTE} into the cleaned text.`,
    },
    { name: "end", type: "integer", description: `End of the node's span; ${OFFSET_NOTE}.` },
    {
      name: "heading_start",
      type: "integer",
      nullable: true,
      description: `Start of the heading text; ${OFFSET_NOTE}.`,
    },
    {
      name: "heading_end",
      type: "integer",
      nullable: true,
      description: `End of the heading text; ${OFFSET_NOTE}.`,
    },
    {
      name: "is_leaf",
      type: "boolean",
      description: "True for nodes without children; leaves partition the cleaned text.",
    },
    {
      name: "seq",
      type: "integer",
      description: "0-based pre-order position of the node (reading order).",
    },
  ],
  invariants: [
    "(speech_id, section_id) is unique",
    "leaf sections of a speech, ordered by start, partition [0, speeches.chars) with no gap or overlap",
    "every child span lies inside its parent's span",
    "heading = cleaned_text[heading_start:heading_end] when heading is set",
  ],
});
