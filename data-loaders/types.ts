// Row types of every table the pipeline writes. The contract of each table (grain, keys,
// invariants, column descriptions) lives in data-loaders/tables/, next to the schema that
// publish/ uses for Parquet, CSV and datapackage.json; these types are the compile-time half.
//
// Offsets everywhere are UTF-16 code-unit offsets (JavaScript string indices), half-open
// [start, end). Offsets of sections, sentences and hits index the speech's *cleaned* text;
// offsets of removals index the *normalized* text (decoded, line endings unified) before cleaning.

export type FileStatus = "ingested" | "duplicate" | "quarantined";

export type Encoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030" | "docx";

export type Genre = "conference_speech" | "study_session_remarks" | "report" | "other";

export type Level =
  | "central"
  | "province"
  | "city"
  | "prefecture"
  | "county"
  | "district"
  | "unknown";

export type YearBasis = "explicit" | "title" | "inferred" | "unknown";

/** One decoded input file, before cleaning. */
export interface DecodedFile {
  /** Path relative to the corpus root, with forward slashes. */
  path: string;
  sha256: string;
  bytes: number;
  encoding: Encoding;
  /** Decoded and normalized text (LF line endings, no BOM, trailing spaces trimmed). */
  text: string;
}

export interface ManifestRow {
  path: string;
  sha256: string;
  bytes: number;
  encoding: string | null;
  status: FileStatus;
  /** Why a file was quarantined or marked duplicate; null when ingested. */
  reason: string | null;
  /** The speech this file became (ingested) or duplicates (duplicate); null when quarantined. */
  speech_id: string | null;
  /** For near-duplicates: the similarity to the kept file (0..1); null otherwise. */
  similarity: number | null;
}

export interface RemovalRow {
  speech_id: string;
  source_file: string;
  rule_id: string;
  /** Offsets into the normalized text (before cleaning). */
  start: number;
  end: number;
  text: string;
}

/** Output of the clean stage for one speech. */
export interface Cleaned {
  /** The cleaned text: the speech with boilerplate spans removed. */
  text: string;
  removals: Omit<RemovalRow, "speech_id" | "source_file">[];
}

export interface SpeechRow {
  speech_id: string;
  source_file: string;
  source_sha256: string;
  title: string | null;
  salutation: string | null;
  closing: string | null;
  genre: Genre;
  level: Level;
  speaker_role: string | null;
  year: number | null;
  year_basis: YearBasis;
  /** JSON array of {snippet, source, year?, not_before?, not_after?} objects. */
  year_evidence: string;
  year_conflict: boolean;
  content_year: number | null;
  /** Inferred window from dated anchors (inclusive); null when unbounded. */
  year_min: number | null;
  year_max: number | null;
  declared_chars: number | null;
  han_chars: number;
  chars: number;
  placeholders: number;
  /** Comma-separated, sorted: unbalanced_quotes, placeholders, truncated, declared_length_mismatch, ... */
  quality_flags: string;
  sections: number;
  sentences: number;
}

export type SectionKind = "preamble" | "heading" | "closing";

export interface SectionRow {
  speech_id: string;
  /** "preamble", "closing", or a dotted path "1", "1.2", "1.2.3". */
  section_id: string;
  parent_id: string | null;
  level: number;
  ordinal: number;
  heading: string | null;
  /** How the heading was recognised: e.g. "cn_numeral_dun" (一、), "di_n" (第一，), "paren_cn" （一）… */
  heading_style: string | null;
  kind: SectionKind;
  /** Span of the whole node (heading and all descendants). */
  start: number;
  end: number;
  /** Span of the heading text itself, or null for preamble/closing. */
  heading_start: number | null;
  heading_end: number | null;
  is_leaf: boolean;
  /** Order of the node in a pre-order walk of the tree (0-based). */
  seq: number;
}

export interface SentenceRow {
  speech_id: string;
  /** 0-based position of the sentence in the speech. */
  sentence_id: number;
  /** Leaf section containing the sentence. */
  section_id: string;
  start: number;
  end: number;
  /** Exactly cleaned_text.slice(start, end). */
  text: string;
}
