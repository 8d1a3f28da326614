// Contract of the text-reuse table (issue 17) and of the reuse columns it adds to speeches.
import { DIRECTIONS, type Direction } from "../reuse/direction.ts";
import { defineTable, OFFSET_NOTE, type ColumnSpec } from "./spec.ts";

export interface ReusePassageRow {
  speech_id: string;
  start: number;
  end: number;
  other_speech_id: string;
  other_start: number;
  other_end: number;
  chars: number;
  identity: number;
  direction: Direction;
}

export const reusePassagesTable = defineTable<ReusePassageRow>({
  name: "reuse_passages",
  rowGroups: "speech",
  title: "Reused passages 文本复用",
  grain:
    "one row per passage that a speech shares with another speech (an aligned passage pair), seen from speech_id: each pair appears twice, once from each side",
  primaryKey: ["speech_id", "start", "other_speech_id", "other_start"],
  columns: [
    { name: "speech_id", type: "string", description: "Speech the passage is in." },
    {
      name: "start",
      type: "integer",
      description: `Start of the passage in this speech's cleaned text: ${OFFSET_NOTE}.`,
    },
    { name: "end", type: "integer", description: "End of the passage in this speech (exclusive)." },
    {
      name: "other_speech_id",
      type: "string",
      description: "The other speech of the pair (never speech_id itself).",
    },
    {
      name: "other_start",
      type: "integer",
      description: `Start of the aligned passage in the other speech's cleaned text: ${OFFSET_NOTE}.`,
    },
    { name: "other_end", type: "integer", description: "End of the passage in the other speech." },
    {
      name: "chars",
      type: "integer",
      description:
        "Han characters of the passage in this speech (at least the minChars option, 50).",
    },
    {
      name: "identity",
      type: "number",
      description:
        "Share of the alignment's columns (equal pairs, unequal pairs and gaps, counted on Han characters and digit/Latin runs; punctuation ignored) whose two sides are equal; in [0, 1], 4 decimals.",
    },
    {
      name: "direction",
      type: "string",
      enum: DIRECTIONS,
      description:
        "When the other speech is dated relative to this one (speeches.year): earlier (the other is older and may be the source), later, same_year, unknown (either year missing).",
    },
  ],
  invariants: [
    "0 <= start < end <= speeches.chars of speech_id, and the same for other_start, other_end in other_speech_id",
    "speech_id <> other_speech_id",
    "every row has a mirror row (speech_id, start, end) ↔ (other_speech_id, other_start, other_end) with the opposite direction (earlier ↔ later)",
    "0 <= identity <= 1",
    "passages are found by winnowed 8-character fingerprints and banded local alignment; formulations of the lexicon and stock phrases (fingerprints in >= 20 % of the speeches, at least 5, at most 200) are masked and count neither towards a passage's originality nor as seeds",
  ],
});

/** Columns of speeches computed from reuse_passages (reuse/summary.ts). */
export const reuseSpeechColumns: readonly ColumnSpec[] = [
  {
    name: "reused_chars",
    type: "integer",
    nullable: true,
    description:
      "Han characters of the speech inside any passage it shares with another speech (reuse_passages; overlapping passages counted once). Null in every reuse column when the run skipped reuse detection (--no-reuse).",
  },
  {
    name: "reused_share",
    type: "number",
    nullable: true,
    description: "reused_chars / han_chars (0 when the speech has no Han characters); 4 decimals.",
  },
  {
    name: "reuse_sources",
    type: "integer",
    nullable: true,
    description: "Number of other speeches the speech shares at least one passage with.",
  },
];

/** The quality flag for a speech mostly found in an earlier-dated speech. */
export const REUSED_EARLIER_FLAG = "reused_from_earlier";
