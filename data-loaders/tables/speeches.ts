import type { SpeechRow } from "../types.ts";
import { reuseSpeechColumns } from "./reuse.ts";
import { defineTable } from "./spec.ts";

export const speechesTable = defineTable<SpeechRow>({
  name: "speeches",
  title: "Speeches 讲话",
  grain: "one row per ingested speech (duplicates and quarantined files are in manifest only)",
  primaryKey: ["speech_id"],
  columns: [
    {
      name: "speech_id",
      type: "string",
      description:
        "Stable id: 's' + first 12 hex digits of SHA-256 of the normalized text. Independent of path and run.",
    },
    {
      name: "source_file",
      type: "string",
      description: "Input path relative to the corpus folder.",
    },
    { name: "source_sha256", type: "string", description: "SHA-256 of the input file's bytes." },
    {
      name: "title",
      type: "string",
      nullable: true,
      description: "Title line, when the text has one (declared length suffix removed).",
    },
    {
      name: "salutation",
      type: "string",
      nullable: true,
      description: "Opening salutation line (同志们：).",
    },
    {
      name: "closing",
      type: "string",
      nullable: true,
      description: "Closing formula (谢谢, 发言完毕…).",
    },
    {
      name: "genre",
      type: "string",
      enum: ["conference_speech", "study_session_remarks", "report", "other"],
      description: "Genre inferred from title and opening cues.",
    },
    {
      name: "level",
      type: "string",
      enum: ["central", "province", "city", "prefecture", "county", "district", "unknown"],
      description: "Administrative level of the speaking body.",
    },
    {
      name: "speaker_role",
      type: "string",
      nullable: true,
      description: "Speaker's role when stated (市委书记…).",
    },
    {
      name: "year",
      type: "integer",
      nullable: true,
      description:
        "The speech's year: the stated year (explicit or title) when there is one, else the content year.",
    },
    {
      name: "year_basis",
      type: "string",
      enum: ["explicit", "title", "inferred", "unknown", "metadata"],
      description:
        "Where year comes from: explicit (a dated event in the body), title, inferred (dated anchors), metadata (the user's metadata CSV; the inferred year is in the metadata column, its evidence stays in year_evidence), unknown.",
    },
    {
      name: "year_evidence",
      type: "string",
      description:
        "JSON array of evidence objects {snippet, source, start, end, year?, not_before?, not_after?}; offsets into the cleaned text.",
    },
    {
      name: "year_conflict",
      type: "boolean",
      description:
        "True when the stated year contradicts the content's dated anchors (e.g. a relabelled template).",
    },
    {
      name: "content_year",
      type: "integer",
      nullable: true,
      description:
        "Year the content's dated anchors pin down (one year, or the first of a closed two-year window); null for an open window.",
    },
    {
      name: "year_min",
      type: "integer",
      nullable: true,
      description: "Lower bound of the anchor window (inclusive).",
    },
    {
      name: "year_max",
      type: "integer",
      nullable: true,
      description:
        "Upper bound of the anchor window (inclusive), capped by the page's publication stamp when there is one.",
    },
    {
      name: "declared_chars",
      type: "integer",
      nullable: true,
      description: "Length declared in the title, e.g. （3639字）.",
    },
    { name: "han_chars", type: "integer", description: "Han characters in the cleaned text." },
    {
      name: "chars",
      type: "integer",
      description: "Length of the cleaned text in UTF-16 code units.",
    },
    {
      name: "placeholders",
      type: "integer",
      description: "Redaction placeholders (XX, xx, ××, **) counted, one per run.",
    },
    {
      name: "quality_flags",
      type: "string",
      description:
        "Comma-separated sorted flags: unbalanced_quotes, placeholders, truncated, declared_length_mismatch, year_conflict, removed_boilerplate, repeated_body, metadata_disagrees (a value given in the metadata CSV differs from the one the text supports), outline_unplaced_numbers (numbered paragraph openings that fit no series from 1 were left as body text), no_outline (a long text got no heading), reused_from_earlier (at least half of the speech's Han characters lie in passages shared with earlier-dated speeches: reuse_passages).",
    },
    { name: "sections", type: "integer", description: "Number of outline nodes in sections." },
    { name: "sentences", type: "integer", description: "Number of sentences." },
    {
      name: "metadata",
      type: "string",
      nullable: true,
      description:
        "JSON of the metadata CSV row applied to the speech (--metadata or metadata.csv): {source, line, given (every value of the row, extra columns included), inferred (the values it replaced), disagrees (fields where they differ)}; null when no row names the file. Given title, speaker (speaker_role), year or date, level and genre replace the inferred columns.",
    },
    ...reuseSpeechColumns,
  ],
  invariants: [
    "speech_id is unique",
    "year_basis = 'unknown' exactly when year is null",
    "year_min <= year_max when both are set",
    "han_chars <= chars",
    "reused_chars <= han_chars",
  ],
});
