// Candidate formulations: fixed phrases the lexicon may lack, found by their shape.
//
// Contract of `formulation_candidates` (one row per phrase):
// - pattern "n_plus_n": 1+N, 1+X+N, 1+3+N (full-width ＋ and digits folded to ASCII in `phrase`);
// - pattern "numbered": a number word + 个 + 2–6 Han chars (两个确立, 三个区分开来), or a number
//   word + 大/项/条/字 + 2–6 Han chars (五大振兴, 三项机制, 二十字好干部标准), or a quoted slogan
//   built from two numbers (“三提三知”, “两学一做”); the right boundary is the first non-Han
//   char or particle, then settled across the corpus (see settleNumberedBoundaries);
// - pattern "quoted": a “…” slogan of 2–12 chars without internal punctuation, kept only when it
//   occurs quoted at least twice (in one speech or across speeches);
// - a phrase gets one pattern, in that order of precedence; `count` counts its occurrences of
//   that pattern, `speeches` the speeches with at least one;
// - rank is 1-based over (speeches desc, count desc, phrase in code-point order); the example is
//   the first occurrence in input order, offsets into that speech's cleaned text.
import type { CandidatePattern, FormulationCandidateRow } from "../types.ts";
import { surfaceForms, type Lexicon } from "./lexicon.ts";
import { compareCodePoints } from "./order.ts";

export interface SpeechText {
  speech_id: string;
  text: string;
}

export interface Occurrence {
  phrase: string;
  pattern: CandidatePattern;
  speech_id: string;
  start: number;
  end: number;
  /** False when the phrase was cut at the length limit rather than at a natural boundary. */
  closed: boolean;
  /** Length of the number head (两个, 十一个, 五大) of numbered phrases; 0 otherwise. */
  head: number;
}

const HAN = /\p{Script=Han}/u;
const MAX_TAIL = 6;
const MIN_TAIL = 2;

// Number words as written in formulas. The look-behind keeps 第三个 (an ordinal), 二十二个'
// inner 二个, and 十八大 / 二十大 (congresses: 大 only takes a one-digit number) out.
const NUM =
  "(?:两|[二三四五六七八九]十[一二三四五六七八九]?|十[一二三四五六七八九]?|[二三四五六七八九])";
const NUMBERED = new RegExp(
  `(?<![第零一二三四五六七八九十百千万两几\\d])(?:${NUM}个|[两二三四五六七八九]大|${NUM}[项条字])`,
  "gu",
);
// Words that end a formula's tail: structural particles, conjunctions, 以来/之一-type suffixes.
const TAIL_STOP = /以及|以来|之一|之间|[的和与及是等并或了着在为]/uy;
// Tails that are counting, not a formula: 三个方面, 两个月, 五个问题.
const GENERIC_TAIL =
  /^(?:方面|问题|部分|阶段|层面|环节|领域|原因|特点|小时|星期|季度|百分点|多|月|年|字)/u;

const N_PLUS_N =
  /(?<![\w+＋])(?:[0-9０-９]+|[A-Za-zＡ-Ｚａ-ｚ])(?:[+＋](?:[0-9０-９]+|[A-Za-zＡ-Ｚａ-ｚ]))+(?![\w+＋])/gu;
const QUOTED = /“([^“”]{2,12})”/gu;
const QUOTE_PUNCT = /[\p{P}\p{S}\s]/u;
// 三提三知, 两学一做, 三会一课; the first number is never 一, which would admit 一心一意-type idioms.
const TWO_NUMBER_SLOGAN = new RegExp(
  `^${NUM}\\p{Script=Han}{1,3}(?:${NUM}|一)\\p{Script=Han}{1,3}$`,
  "u",
);

export function findCandidates(
  speeches: readonly SpeechText[],
  lexicon: Lexicon,
): FormulationCandidateRow[] {
  return rankCandidates(speeches.flatMap(candidateOccurrences), lexicon);
}

/** One speech's raw occurrences: the per-speech half of findCandidates (runs with the speech). */
export function candidateOccurrences(s: SpeechText): Occurrence[] {
  return [...nPlusN(s), ...numbered(s), ...quoted(s)];
}

/** The corpus half: occurrences of all speeches, in speech order, settled and ranked. */
export function rankCandidates(
  occurrences: readonly Occurrence[],
  lexicon: Lexicon,
): FormulationCandidateRow[] {
  const forms = lexiconForms(lexicon);
  return rank(settleNumberedBoundaries(occurrences, forms), forms);
}

function nPlusN({ speech_id, text }: SpeechText): Occurrence[] {
  const out: Occurrence[] = [];
  for (const m of text.matchAll(N_PLUS_N)) {
    // 2+2 or 3+5 are arithmetic; a formula has a letter (N, X) or starts with 1.
    const phrase = toAscii(m[0]);
    if (!/[A-Za-z]/.test(phrase) && !phrase.startsWith("1+")) continue;
    out.push({
      phrase,
      pattern: "n_plus_n",
      speech_id,
      start: m.index,
      end: m.index + m[0].length,
      closed: true,
      head: 0,
    });
  }
  return out;
}

function numbered({ speech_id, text }: SpeechText): Occurrence[] {
  const out: Occurrence[] = [];
  for (const m of text.matchAll(NUMBERED)) {
    const head = m[0];
    const tailStart = m.index + head.length;
    let end = tailStart;
    let closed = false;
    // Exactly MAX_TAIL Han chars followed by a boundary is still a natural end, hence `<=`.
    while (end - tailStart <= MAX_TAIL) {
      if (isTailBoundary(text, end)) {
        closed = true;
        break;
      }
      if (end - tailStart === MAX_TAIL) break;
      end++;
    }
    const tail = text.slice(tailStart, end);
    if (tail.length < MIN_TAIL || GENERIC_TAIL.test(tail)) continue;
    out.push({
      phrase: head + tail,
      pattern: "numbered",
      speech_id,
      start: m.index,
      end,
      closed,
      head: head.length,
    });
  }
  return out;
}

function isTailBoundary(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === undefined || !HAN.test(ch)) return true;
  TAIL_STOP.lastIndex = i;
  return TAIL_STOP.test(text);
}

function quoted({ speech_id, text }: SpeechText): Occurrence[] {
  const out: Occurrence[] = [];
  for (const m of text.matchAll(QUOTED)) {
    const phrase = m[1]!;
    if (QUOTE_PUNCT.test(phrase)) continue;
    const start = m.index + 1;
    const pattern: CandidatePattern = TWO_NUMBER_SLOGAN.test(phrase) ? "numbered" : "quoted";
    out.push({
      phrase,
      pattern,
      speech_id,
      start,
      end: start + phrase.length,
      closed: true,
      head: 0,
    });
  }
  return out;
}

/**
 * The right boundary of a numbered phrase, settled with the whole corpus: a phrase whose proper
 * prefix is attested on its own (seen with a natural boundary somewhere, or a lexicon form) is
 * that prefix plus context (四个全面战略布局 → 四个全面, 五项原则基础上 → 五项原则), so it folds
 * into the longest such prefix. A tail cut at the length limit with no attested prefix is dropped:
 * seven Han characters in a row after 两个 are running text, not a name.
 */
function settleNumberedBoundaries(
  occurrences: readonly Occurrence[],
  lexiconForms: ReadonlySet<string>,
): Occurrence[] {
  const seen = new Set(lexiconForms);
  for (const o of occurrences) if (o.pattern === "numbered" && o.closed) seen.add(o.phrase);
  // Keep only minimal attested phrases: 五项原则基础上 is attested too (it ends at a comma
  // somewhere), but it has the attested prefix 五项原则, so it must not capture other occurrences.
  const attested = new Set([...seen].filter((p) => !hasProperPrefixIn(p, seen)));
  const out: Occurrence[] = [];
  for (const o of occurrences) {
    if (o.pattern !== "numbered" || o.head === 0) {
      out.push(o);
      continue;
    }
    let settled: Occurrence | undefined = o.closed ? o : undefined;
    for (let len = o.phrase.length - 1; len >= o.head + MIN_TAIL; len--) {
      const prefix = o.phrase.slice(0, len);
      if (attested.has(prefix)) {
        settled = { ...o, phrase: prefix, end: o.start + len, closed: true };
        break;
      }
    }
    if (settled) out.push(settled);
  }
  return out;
}

function hasProperPrefixIn(phrase: string, set: ReadonlySet<string>): boolean {
  // A numbered head is at least 2 chars (两个), so a proper prefix with a 2-char tail is ≥ 4 chars.
  for (let len = phrase.length - 1; len >= 2 + MIN_TAIL; len--)
    if (set.has(phrase.slice(0, len))) return true;
  return false;
}

const PRECEDENCE: Record<CandidatePattern, number> = { n_plus_n: 0, numbered: 1, quoted: 2 };

function rank(
  occurrences: readonly Occurrence[],
  inLexicon: ReadonlySet<string>,
): FormulationCandidateRow[] {
  // The pattern of a phrase is its highest-precedence one; occurrences of other patterns for the
  // same phrase (“两个确立” is numbered and quoted) are the same text and are not added again.
  const patternOf = new Map<string, CandidatePattern>();
  for (const o of occurrences) {
    const current = patternOf.get(o.phrase);
    if (current === undefined || PRECEDENCE[o.pattern] < PRECEDENCE[current])
      patternOf.set(o.phrase, o.pattern);
  }

  const groups = new Map<string, { first: Occurrence; count: number; speeches: Set<string> }>();
  for (const o of occurrences) {
    if (patternOf.get(o.phrase) !== o.pattern) continue;
    const g = groups.get(o.phrase);
    if (g) {
      g.count++;
      g.speeches.add(o.speech_id);
    } else {
      groups.set(o.phrase, { first: o, count: 1, speeches: new Set([o.speech_id]) });
    }
  }

  const rows = [...groups.values()]
    .filter((g) => g.first.pattern !== "quoted" || g.count >= 2)
    .map((g): FormulationCandidateRow => ({
      phrase: g.first.phrase,
      pattern: g.first.pattern,
      count: g.count,
      speeches: g.speeches.size,
      in_lexicon: inLexicon.has(g.first.phrase),
      rank: 0,
      example_speech_id: g.first.speech_id,
      example_start: g.first.start,
      example_end: g.first.end,
    }))
    .sort(
      (a, b) =>
        b.speeches - a.speeches || b.count - a.count || compareCodePoints(a.phrase, b.phrase),
    );
  rows.forEach((r, i) => (r.rank = i + 1));
  return rows;
}

function lexiconForms(lexicon: Lexicon): Set<string> {
  return new Set(lexicon.entries.flatMap(surfaceForms));
}

/** Full-width digits, letters and ＋ to ASCII, so 1＋N and 1+N are one phrase. */
function toAscii(s: string): string {
  return s.replace(/[０-９Ａ-Ｚａ-ｚ＋]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
