import type { RemovalRow } from "../types.ts";
import { defineTable } from "./spec.ts";

export const removalsTable = defineTable<RemovalRow>({
  name: "removals",
  rowGroups: "speech",
  title: "Removals 清洗记录",
  grain: "one row per span removed by a cleaning rule",
  primaryKey: ["speech_id", "start"],
  columns: [
    { name: "speech_id", type: "string", description: "Speech the span was removed from." },
    {
      name: "source_file",
      type: "string",
      description: "Input path relative to the corpus folder.",
    },
    {
      name: "rule_id",
      type: "string",
      description: "Cleaning rule (lexicon/cleaning-rules.yaml) that removed it.",
    },
    {
      name: "start",
      type: "integer",
      description:
        "UTF-16 code-unit offset, half-open, into the NORMALIZED text (decoded, line endings unified, lines trimmed) before cleaning.",
    },
    { name: "end", type: "integer", description: "End offset into the normalized text." },
    { name: "text", type: "string", description: "The removed text." },
  ],
  invariants: [
    "spans of a speech do not overlap",
    "re-inserting every removed span reproduces the normalized text",
  ],
});
