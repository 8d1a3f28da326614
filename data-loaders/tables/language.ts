// Contracts of the language-layer tables: tokens, formulations (提法), themes and statistics.
import type {
  CollocationRow,
  FormulationCandidateRow,
  FormulationHitRow,
  FormulationRow,
  TermRow,
  TermStatRow,
  ThemeRow,
  ThemeScoreRow,
} from "../types.ts";
import { defineTable, OFFSET_NOTE } from "./spec.ts";

const THEME_NOTE = "Theme id from lexicon/codebook.yaml.";

export const termsTable = defineTable<TermRow>({
  name: "terms",
  rowGroups: "speech",
  title: "Terms 词频",
  grain: "one row per speech × leaf section × term (nodejieba tokens, stopwords removed)",
  primaryKey: ["speech_id", "section_id", "term"],
  columns: [
    { name: "speech_id", type: "string", description: "Speech." },
    { name: "section_id", type: "string", description: "Leaf section." },
    {
      name: "term",
      type: "string",
      description:
        "Token as segmented by nodejieba with the project's user dictionary (lexicon formulations stay one token).",
    },
    {
      name: "pos",
      type: "string",
      description:
        "Most frequent part-of-speech tag of the term in the section (jieba / ICTCLAS tag set).",
    },
    { name: "count", type: "integer", description: "Occurrences of the term in the section." },
  ],
  invariants: ["count >= 1", "tokens never cross sentence boundaries"],
});

export const formulationsTable = defineTable<FormulationRow>({
  name: "formulations",
  title: "Formulations 提法词表",
  grain: "one row per lexicon entry",
  primaryKey: ["formulation_id"],
  columns: [
    { name: "formulation_id", type: "string", description: "Stable ASCII id of the entry." },
    { name: "canonical", type: "string", description: "Canonical form (两个维护)." },
    {
      name: "variants",
      type: "string",
      description:
        "JSON array of variant surface forms (full wordings, abbreviations) that fold into the canonical form.",
    },
    { name: "theme", type: "string", nullable: true, description: THEME_NOTE },
    { name: "gloss_en", type: "string", nullable: true, description: "Short English gloss." },
    {
      name: "lexicon_version",
      type: "string",
      description: "Version of lexicon/formulations.yaml.",
    },
  ],
  invariants: ["no surface form belongs to two entries"],
});

export const formulationHitsTable = defineTable<FormulationHitRow>({
  name: "formulation_hits",
  rowGroups: "speech",
  title: "Formulation hits 提法出现位置",
  grain: "one row per match of a lexicon formulation (longest match, non-overlapping)",
  primaryKey: ["speech_id", "start"],
  columns: [
    { name: "speech_id", type: "string", description: "Speech." },
    { name: "section_id", type: "string", description: "Leaf section of the match." },
    {
      name: "sentence_id",
      type: "integer",
      description: "Sentence of the match (sentences.sentence_id).",
    },
    {
      name: "formulation_id",
      type: "string",
      description: "Matched entry (formulations.formulation_id).",
    },
    { name: "start", type: "integer", description: `${OFFSET_NOTE} into the cleaned text.` },
    { name: "end", type: "integer", description: `${OFFSET_NOTE}.` },
    {
      name: "matched",
      type: "string",
      description:
        "Surface form found (canonical or a variant); equals the cleaned text between start and end.",
    },
  ],
  invariants: ["hits of a speech do not overlap", "a hit lies inside its sentence"],
});

export const formulationCandidatesTable = defineTable<FormulationCandidateRow>({
  name: "formulation_candidates",
  title: "Formulation candidates 候选提法",
  grain: "one row per discovered phrase and pattern, ranked for a curator",
  primaryKey: ["phrase", "pattern"],
  columns: [
    { name: "phrase", type: "string", description: "Discovered phrase." },
    {
      name: "pattern",
      type: "string",
      enum: ["numbered", "quoted", "n_plus_n"],
      description:
        "How it was found: numbered formula (六个体系), quoted slogan, or N+N form (1+N).",
    },
    { name: "count", type: "integer", description: "Occurrences in the corpus." },
    { name: "speeches", type: "integer", description: "Speeches using it." },
    { name: "in_lexicon", type: "boolean", description: "Already a lexicon surface form." },
    {
      name: "rank",
      type: "integer",
      description: "1-based rank by speeches desc, count desc, phrase.",
    },
    { name: "example_speech_id", type: "string", description: "Speech of the first occurrence." },
    {
      name: "example_start",
      type: "integer",
      description: `First occurrence start; ${OFFSET_NOTE} into the cleaned text.`,
    },
    { name: "example_end", type: "integer", description: `First occurrence end; ${OFFSET_NOTE}.` },
  ],
  invariants: ["rank is a permutation of 1..n", "speeches <= count"],
});

export const themesTable = defineTable<ThemeRow>({
  name: "themes",
  title: "Themes 主题编码表",
  grain: "one row per codebook theme",
  primaryKey: ["theme_id"],
  columns: [
    { name: "theme_id", type: "string", description: THEME_NOTE },
    { name: "zh", type: "string", description: "Chinese label." },
    { name: "en", type: "string", description: "English label." },
    { name: "description", type: "string", description: "What the theme covers." },
    { name: "terms", type: "string", description: "JSON array of the theme's terms and patterns." },
    { name: "codebook_version", type: "string", description: "Version of lexicon/codebook.yaml." },
  ],
  invariants: [],
});

export const themeScoresTable = defineTable<ThemeScoreRow>({
  name: "theme_scores",
  rowGroups: "speech",
  title: "Theme scores 主题得分",
  grain: "one row per speech × leaf section (or '_all' for the whole speech) × theme",
  primaryKey: ["speech_id", "section_id", "theme_id"],
  columns: [
    { name: "speech_id", type: "string", description: "Speech." },
    {
      name: "section_id",
      type: "string",
      description: "Leaf section, or '_all' for the whole speech.",
    },
    { name: "theme_id", type: "string", description: THEME_NOTE },
    {
      name: "hits",
      type: "integer",
      description:
        "Codebook term matches of this theme (longest match, non-overlapping across all themes).",
    },
    { name: "han_chars", type: "integer", description: "Han characters in the span." },
    {
      name: "rate_per_10k",
      type: "number",
      description: "hits / han_chars × 10,000 (0 when han_chars = 0).",
    },
    {
      name: "share",
      type: "number",
      description: "hits / all coded hits in the span (0 when none).",
    },
    {
      name: "dominant",
      type: "boolean",
      description:
        "The span's most-hit theme (ties: codebook order); false everywhere when the span has no hits.",
    },
  ],
  invariants: [
    "shares of a span sum to 1 or 0",
    "at most one dominant theme per span",
    "'_all' hits = sum over leaf sections",
  ],
});

export const termStatsTable = defineTable<TermStatRow>({
  name: "term_stats",
  title: "Term statistics 词语统计",
  grain:
    "one row per term × group kind × group (long form), for terms with corpus count ≥ 5; for speech groups only the speech's 50 most distinctive terms (highest log_odds_z, then count, then term) — every term's per-speech count is in the terms table",
  primaryKey: ["term", "group_kind", "group"],
  columns: [
    { name: "term", type: "string", description: "Term (terms.term)." },
    {
      name: "group_kind",
      type: "string",
      enum: ["corpus", "speech", "year", "level", "genre"],
      description: "Grouping.",
    },
    {
      name: "group",
      type: "string",
      description: "Group value (speech_id, year, level, genre, or 'all').",
    },
    { name: "count", type: "integer", description: "Occurrences in the group." },
    { name: "han_chars", type: "integer", description: "Han characters in the group." },
    {
      name: "rate_per_10k",
      type: "number",
      description: "Pooled rate: Σcount / Σhan_chars × 10,000.",
    },
    {
      name: "mean_speech_rate_per_10k",
      type: "number",
      nullable: true,
      description:
        "Mean of per-speech rates (speeches without the term count as 0); year/level/genre groups only.",
    },
    { name: "df", type: "integer", description: "Speeches in the group containing the term." },
    {
      name: "tfidf",
      type: "number",
      nullable: true,
      description: "speech groups: relative term frequency × idf (variant in Methods).",
    },
    {
      name: "log_odds_z",
      type: "number",
      nullable: true,
      description:
        "z-score of the weighted log-odds ratio, group vs the rest of the corpus, informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), natural logs.",
    },
  ],
  invariants: ["count >= 1", "df >= 1", "at most 50 speech rows per speech"],
});

export const collocationsTable = defineTable<CollocationRow>({
  name: "collocations",
  title: "Collocations 搭配",
  grain: "one row per unordered term pair co-occurring in at least the minimum number of sentences",
  primaryKey: ["term_a", "term_b"],
  columns: [
    { name: "term_a", type: "string", description: "First term (code-point order)." },
    { name: "term_b", type: "string", description: "Second term." },
    { name: "count", type: "integer", description: "Sentences containing both." },
    {
      name: "pmi",
      type: "number",
      description: "ln( p(a,b) / (p(a) p(b)) ), sentences as the unit.",
    },
    { name: "npmi", type: "number", description: "PMI / −ln p(a,b), in [−1, 1]." },
  ],
  invariants: ["term_a < term_b", "-1 <= npmi <= 1"],
});
