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
  "central" | "province" | "city" | "prefecture" | "county" | "district" | "unknown";

export type YearBasis = "explicit" | "title" | "inferred" | "unknown" | "metadata";

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

export type YearEvidenceSource = "title" | "body" | "anchor";

/**
 * One item of SpeechRow.year_evidence (stored as a JSON array). `snippet` is exactly
 * cleaned_text.slice(start, end): the clause around the cue, so an analyst can read why.
 */
export interface YearEvidence {
  snippet: string;
  source: YearEvidenceSource;
  start: number;
  end: number;
  /** A single year stated or implied by this cue. */
  year?: number;
  not_before?: number;
  not_after?: number;
  /** Which rule produced it: "dateline", "event_year", "closing_date", "delivery_note", "title_year", "published", "work_plan_heading", "year_just_past", "year_statement", "anchor:<id>", "latest_plenum:<id>" (the anchor that closed an open window). */
  rule: string;
  /** How often the cue occurs (anchors are listed once, at their first occurrence). */
  hits?: number;
  /** True when this cue disagrees with the year or window the speech was given. */
  conflict?: boolean;
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
  /** JSON of the user's metadata row applied to this speech (metadata/apply.ts SpeechMetadata:
   *  given values, the inferred values they replaced, disagreements), or null. */
  metadata: string | null;
}

/**
 * "intro" is the implicit leaf "<id>.0" holding a parent's own text before its first child
 * (its heading and lead-in), so that leaves partition the text (see segment/tree.ts).
 */
export type SectionKind = "preamble" | "heading" | "intro" | "closing";

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

// ---- Language layer -------------------------------------------------------------------------

export interface TermRow {
  speech_id: string;
  /** Leaf section the tokens came from. */
  section_id: string;
  term: string;
  /** nodejieba part-of-speech tag (ICTCLAS set); "x_lex" for lexicon formulations, "x_term" for
   *  caller-supplied terms (e.g. theme terms) that jieba's own dictionary lacks. */
  pos: string;
  count: number;
}

export interface FormulationRow {
  formulation_id: string;
  canonical: string;
  /** JSON array of variant surface forms (full wordings, abbreviations). */
  variants: string;
  theme: string | null;
  gloss_en: string | null;
  lexicon_version: string;
}

export interface FormulationHitRow {
  speech_id: string;
  section_id: string;
  sentence_id: number;
  formulation_id: string;
  /** Offsets into the cleaned text. */
  start: number;
  end: number;
  /** The surface form matched (canonical or a variant). */
  matched: string;
}

export type CandidatePattern = "numbered" | "quoted" | "n_plus_n";

export interface FormulationCandidateRow {
  phrase: string;
  pattern: CandidatePattern;
  count: number;
  /** Number of speeches using the phrase. */
  speeches: number;
  /** Already in the lexicon (canonical or variant)? Candidates in the lexicon are kept for reference. */
  in_lexicon: boolean;
  rank: number;
  /** A first occurrence for context: speech_id and offsets. */
  example_speech_id: string;
  example_start: number;
  example_end: number;
}

export interface ThemeRow {
  theme_id: string;
  zh: string;
  en: string;
  description: string;
  /** JSON array of the theme's terms/patterns. */
  terms: string;
  codebook_version: string;
}

export interface ThemeScoreRow {
  speech_id: string;
  /** A leaf section id, or "_all" for the speech as a whole. */
  section_id: string;
  theme_id: string;
  hits: number;
  han_chars: number;
  rate_per_10k: number;
  /** hits / all coded hits in the same section (0 when the section has none). */
  share: number;
  /** True for the section's dominant theme (most hits; ties broken by codebook order). */
  dominant: boolean;
}

export type GroupKind = "corpus" | "speech" | "year" | "level" | "genre";

export interface TermStatRow {
  term: string;
  group_kind: GroupKind;
  group: string;
  count: number;
  han_chars: number;
  rate_per_10k: number;
  /** Year/level/genre groups: mean of per-speech rates (pooled rate is rate_per_10k). */
  mean_speech_rate_per_10k: number | null;
  /** Document frequency: number of speeches in the group containing the term. */
  df: number;
  /** speech groups only: tf-idf, variant stated in the datapackage. */
  tfidf: number | null;
  /** Weighted log-odds (Monroe et al. 2008, informative Dirichlet prior) of group vs the rest, z-score. */
  log_odds_z: number | null;
}

export interface CollocationRow {
  term_a: string;
  term_b: string;
  /** Number of sentences containing both. */
  count: number;
  pmi: number;
  npmi: number;
}
