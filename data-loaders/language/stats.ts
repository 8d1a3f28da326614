// Term statistics in long form: one row per term × group where the term occurs, for the groups
// analysts compare (the corpus, each year, level and genre, and each speech — for a speech only
// its most distinctive terms, see DEFAULT_SPEECH_TERMS). Pure function of the terms table and
// speech metadata. Contract: data-loaders/tables/language.ts (term_stats).
//
// Rates are per 10,000 Han characters of the group's speeches. For year/level/genre two rates
// are given, because they answer different questions:
//   rate_per_10k               pooled: Σ count / Σ han_chars · 10⁴ (long speeches weigh more)
//   mean_speech_rate_per_10k   mean of per-speech rates over all speeches of the group, those
//                              without the term counting 0 (every speech weighs the same)
// Rows exist only where count ≥ 1 (the table's invariant): a missing (term, group) row means 0.

import type { GroupKind, TermRow, TermStatRow } from "../types.ts";
import { logOddsTerm } from "./logodds.ts";
import { tfidf } from "./tfidf.ts";
import { compareCodePoints as compare } from "./collocations.ts";

export interface SpeechMeta {
  speech_id: string;
  year: number | null;
  level: string;
  genre: string;
  han_chars: number;
}

export interface TermStatsOptions {
  /**
   * Terms whose corpus count is below this are left out of every group (default 5). Rates and
   * log-odds of rarer terms are noise, and each rare term still costs up to five rows (corpus,
   * year, level, genre, speech); on a large corpus most distinct terms are this rare. The
   * filter only limits the output: tf and log-odds totals still count every token.
   * Use 1 to keep everything (small corpora, tests).
   */
  minCount?: number;
  /** Strength of the log-odds prior in pseudo-tokens; default: the corpus token total. */
  alpha0?: number;
  /**
   * Speech rows kept per speech: its most distinctive terms (default 50, see
   * DEFAULT_SPEECH_TERMS; Infinity keeps every term).
   */
  speechTerms?: number;
}

export const DEFAULT_MIN_TERM_COUNT = 5;

/**
 * Speech rows per speech. Every (term, speech) pair would restate the terms table (its counts
 * summed over sections) and make up ~90 % of this table on a large corpus (7.3 M of 7.9 M rows
 * at 10,000 speeches); what a speech row adds is its distinctiveness (log-odds z, tf-idf), and
 * analysts read that from the top of the list. Exact per-speech counts of every term stay in
 * the terms table.
 */
export const DEFAULT_SPEECH_TERMS = 50;

/**
 * Order of a speech's candidate rows: log-odds z descending (null last), then count
 * descending, then term in code-point order. The first `k` are kept.
 */
export function compareDistinctive(
  a: { z: number | null; count: number; term: string },
  b: { z: number | null; count: number; term: string },
): number {
  const za = a.z ?? -Infinity;
  const zb = b.z ?? -Infinity;
  if (za !== zb) return za > zb ? -1 : 1;
  if (a.count !== b.count) return b.count - a.count;
  return compare(a.term, b.term);
}

/** Group of the whole corpus (as in the term_stats contract). */
export const CORPUS_GROUP = "all";
/** Group of speeches whose year is unknown. */
export const UNKNOWN_YEAR = "unknown";

const POOLED_KINDS = ["corpus", "year", "level", "genre"] as const;
type PooledKind = (typeof POOLED_KINDS)[number];

export function groupOf(kind: GroupKind, meta: SpeechMeta): string {
  switch (kind) {
    case "corpus":
      return CORPUS_GROUP;
    case "speech":
      return meta.speech_id;
    case "year":
      return meta.year === null ? UNKNOWN_YEAR : String(meta.year);
    case "level":
      return meta.level;
    case "genre":
      return meta.genre;
  }
}

/** speech → term → count, summed over sections (and POS tags). */
export function countsBySpeech(terms: readonly TermRow[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const row of terms) {
    let m = out.get(row.speech_id);
    if (!m) out.set(row.speech_id, (m = new Map()));
    m.set(row.term, (m.get(row.term) ?? 0) + row.count);
  }
  return out;
}

interface Acc {
  count: number;
  df: number;
  /** Σ of per-speech rates, for the mean. */
  rateSum: number;
}

interface GroupInfo {
  speeches: number;
  hanChars: number;
  /** All term tokens of the group (before the minCount filter): the n of log-odds. */
  tokens: number;
  terms: Map<string, Acc>;
}

/**
 * Rows ordered by term, then group kind (corpus, year, level, genre, speech), then group, in
 * code-point order; only (term, group) pairs with count ≥ 1, and per speech only its
 * `speechTerms` most distinctive terms (compareDistinctive). log_odds_z compares the group
 * with the rest of the corpus (null for the corpus, and for a group that is the whole corpus);
 * tfidf is set on speech rows only (see tfidf.ts); mean_speech_rate_per_10k on year, level and
 * genre rows only.
 */
export function termStats(
  terms: readonly TermRow[],
  speeches: readonly SpeechMeta[],
  options: TermStatsOptions = {},
): TermStatRow[] {
  const minCount = options.minCount ?? DEFAULT_MIN_TERM_COUNT;
  const speechTerms = options.speechTerms ?? DEFAULT_SPEECH_TERMS;
  const meta = new Map(speeches.map((s) => [s.speech_id, s]));
  if (meta.size !== speeches.length) throw new Error("duplicate speech_id in speech metadata");
  const bySpeech = countsBySpeech(terms);
  for (const id of bySpeech.keys()) {
    if (!meta.has(id)) throw new Error(`terms reference a speech without metadata: ${id}`);
  }

  const speechTokens = new Map<string, number>();
  const corpus = new Map<string, number>();
  const df = new Map<string, number>();
  let corpusTokens = 0;
  for (const [id, counts] of bySpeech) {
    let n = 0;
    for (const [term, c] of counts) {
      n += c;
      corpus.set(term, (corpus.get(term) ?? 0) + c);
      if (c > 0) df.set(term, (df.get(term) ?? 0) + 1);
    }
    speechTokens.set(id, n);
    corpusTokens += n;
  }
  const kept = [...corpus]
    .filter(([, c]) => c >= minCount && c > 0)
    .map(([t]) => t)
    .sort(compare);
  const alpha0 = options.alpha0 ?? corpusTokens;
  const prior = (term: string) => (alpha0 * corpus.get(term)!) / corpusTokens;

  const pooled = new Map<PooledKind, Map<string, GroupInfo>>(
    POOLED_KINDS.map((k) => [k, new Map()]),
  );
  for (const s of speeches) {
    const counts = bySpeech.get(s.speech_id);
    for (const kind of POOLED_KINDS) {
      const groups = pooled.get(kind)!;
      const key = groupOf(kind, s);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { speeches: 0, hanChars: 0, tokens: 0, terms: new Map() }));
      g.speeches++;
      g.hanChars += s.han_chars;
      g.tokens += speechTokens.get(s.speech_id) ?? 0;
      if (!counts) continue;
      for (const [term, c] of counts) {
        if (c <= 0) continue;
        let acc = g.terms.get(term);
        if (!acc) g.terms.set(term, (acc = { count: 0, df: 0, rateSum: 0 }));
        acc.count += c;
        acc.df++;
        acc.rateSum += rate(c, s.han_chars);
      }
    }
  }

  // Each speech's most distinctive kept terms, then an inverted index of them (speeches in id
  // order) so the rows come out term by term.
  const keptSet = new Set(kept);
  const zOf = (term: string, id: string, count: number): number | null => {
    const tokens = speechTokens.get(id)!;
    const total = corpus.get(term)!;
    return tokens < corpusTokens
      ? logOddsTerm(count, tokens, total - count, corpusTokens - tokens, prior(term), alpha0).z
      : null;
  };
  const speechesOf = new Map<string, { id: string; z: number | null }[]>();
  for (const id of [...bySpeech.keys()].sort(compare)) {
    const candidates: { term: string; count: number; z: number | null }[] = [];
    for (const [term, c] of bySpeech.get(id)!) {
      if (c <= 0 || !keptSet.has(term)) continue;
      candidates.push({ term, count: c, z: zOf(term, id, c) });
    }
    candidates.sort(compareDistinctive);
    for (const { term, z } of candidates.slice(0, speechTerms)) {
      let list = speechesOf.get(term);
      if (!list) speechesOf.set(term, (list = []));
      list.push({ id, z });
    }
  }

  const sortedGroups = new Map(
    POOLED_KINDS.map((k) => [k, [...pooled.get(k)!.keys()].sort(compare)]),
  );
  const rows: TermStatRow[] = [];
  for (const term of kept) {
    const total = corpus.get(term)!;
    const alphaW = prior(term);
    for (const kind of POOLED_KINDS) {
      const groups = pooled.get(kind)!;
      for (const key of sortedGroups.get(kind)!) {
        const g = groups.get(key)!;
        const acc = g.terms.get(term);
        if (!acc) continue;
        const count = acc.count;
        const comparable = kind !== "corpus" && g.tokens < corpusTokens;
        rows.push({
          term,
          group_kind: kind,
          group: key,
          count,
          han_chars: g.hanChars,
          rate_per_10k: rate(count, g.hanChars),
          mean_speech_rate_per_10k: kind === "corpus" ? null : acc.rateSum / g.speeches,
          df: acc.df,
          tfidf: null,
          log_odds_z: comparable
            ? logOddsTerm(count, g.tokens, total - count, corpusTokens - g.tokens, alphaW, alpha0).z
            : null,
        });
      }
    }
    for (const { id, z } of speechesOf.get(term) ?? []) {
      const s = meta.get(id)!;
      const count = bySpeech.get(id)!.get(term)!;
      const tokens = speechTokens.get(id)!;
      rows.push({
        term,
        group_kind: "speech",
        group: id,
        count,
        han_chars: s.han_chars,
        rate_per_10k: rate(count, s.han_chars),
        mean_speech_rate_per_10k: null,
        df: 1,
        tfidf: tfidf(count, tokens, df.get(term)!, speeches.length),
        log_odds_z: z,
      });
    }
  }
  return rows;
}

function rate(count: number, hanChars: number): number {
  return hanChars > 0 ? (count / hanChars) * 10_000 : 0;
}
