// Tokens and the `terms` table.
//
// Contract of `terms` (grain: speech × leaf section × term):
// - tokens come from nodejieba with a user dictionary holding every tokenizable lexicon form
//   (tag x_lex) and the caller's extra terms (tag x_term), so a formulation is one token;
// - tokenizing runs per sentence, so a token never crosses a sentence;
// - stopwords and tokens made only of punctuation, symbols, whitespace or digits are dropped;
// - pos is the term's most frequent tag in the section (ties: code-point smallest tag);
// - rows are ordered by section (first appearance in the sentences) then term in code-point order.
import type { SentenceRow, TermRow } from "../types.ts";
import { loadJieba, type Jieba } from "./jieba.ts";
import { loadLexicon, type Lexicon } from "./lexicon.ts";
import { compareCodePoints, sortCodePoints } from "./order.ts";
import { loadStopwords } from "./stopwords.ts";
import { userWords } from "./userdict.ts";

export interface Token {
  word: string;
  tag: string;
  /** UTF-16 offsets into the text given to tokenize() (plus its offset argument). */
  start: number;
  end: number;
}

export interface TokenizerOptions {
  /** Formulations to keep whole (default: lexicon/formulations.yaml). */
  lexicon?: Lexicon;
  /** Further words to keep whole, e.g. the codebook's theme terms. */
  extraTerms?: readonly string[];
  /** Default: lexicon/stopwords.txt. */
  stopwords?: ReadonlySet<string>;
}

export interface Tokenizer {
  /** Kept tokens (stopwords and punctuation dropped) with their offsets. */
  tokenize(text: string, offset?: number): Token[];
  /** Calls fn for each kept token, without building token objects. */
  forEachToken(text: string, fn: (word: string, tag: string) => void): void;
}

/** Punctuation, symbols, separators, whitespace and decimal digits only. */
const NOISE = /^[\p{P}\p{S}\p{Z}\s\p{Nd}]+$/u;

/**
 * Most words a tokenizer remembers (tag or "dropped"); past it the memory starts over. A bound
 * on memory only: a word's tag never depends on what was remembered, so output is the same.
 */
const MAX_REMEMBERED_WORDS = 300_000;

/**
 * Builds a tokenizer. nodejieba holds one dictionary per process: the first tokenizer created
 * fixes it, and a later one needing words it lacks throws (see jieba.ts).
 *
 * Tokens come from cut(text, true), tags from a memo of word → tag filled by tag(). Why that is
 * exactly tag(text), at about half its cost (tag() builds a {word, tag} object per token, and
 * cut() only a string): cppjieba's tag() is MixSegment::Cut with HMM — the same call as
 * cut(text, true) — followed by PosTagger::LookupTag(word) for each word, which reads only the
 * word (its dictionary entry's tag, else a rule on its ASCII characters) and never the context.
 * So a word's tag is a fixed function of the word for the life of the dictionary, and tag() is
 * called only for a sentence holding a kept word not seen yet. That the segmentations agree is
 * checked on every such call, and over whole corpora by scripts/bench/check-tags.ts.
 */
export function createTokenizer(options: TokenizerOptions = {}): Tokenizer {
  const lexicon = options.lexicon ?? loadLexicon();
  const stopwords = options.stopwords ?? loadStopwords();
  const jieba: Jieba = loadJieba(userWords(lexicon, options.extraTerms));
  // word → its tag, or null when the word is dropped (stopword or noise).
  const memo = new Map<string, string | null>();

  /** Calls fn for each kept token with its tag and its offset in text. */
  const forEachKept = (text: string, fn: (word: string, tag: string, at: number) => void) => {
    const words = jieba.cut(text, true);
    let tagged: { word: string; tag: string }[] | undefined;
    let at = 0;
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      let tag = memo.get(word);
      if (tag === undefined) {
        if (stopwords.has(word) || NOISE.test(word)) tag = null;
        else {
          tagged ??= jieba.tag(text);
          if (tagged.length !== words.length || tagged[i]!.word !== word)
            throw new Error(`nodejieba tag() and cut(text, true) segment differently: ${text}`);
          tag = tagged[i]!.tag;
        }
        if (memo.size >= MAX_REMEMBERED_WORDS) memo.clear();
        memo.set(word, tag);
      }
      if (tag !== null) fn(word, tag, at);
      at += word.length;
    }
  };

  return {
    tokenize(text, offset = 0) {
      const out: Token[] = [];
      forEachKept(text, (word, tag, at) =>
        out.push({ word, tag, start: offset + at, end: offset + at + word.length }),
      );
      return out;
    },
    forEachToken(text, fn) {
      forEachKept(text, fn);
    },
  };
}

let defaultTokenizer: Tokenizer | undefined;

/** The tokenizer with the default lexicon and stopwords, created on first use. */
export function getDefaultTokenizer(): Tokenizer {
  return (defaultTokenizer ??= createTokenizer());
}

interface TermTally {
  count: number;
  /** The tag of the first occurrence. */
  tag: string;
  /** Counts per tag, kept only once a second tag shows up: never with a nodejieba tokenizer,
   *  whose tag is a function of the word (see createTokenizer), but the contract does not rely
   *  on it. */
  tags: Map<string, number> | null;
}

export function termsForSpeech(
  speechId: string,
  sentences: readonly Pick<SentenceRow, "section_id" | "text">[],
  tokenizer: Tokenizer = getDefaultTokenizer(),
  /** Receives each sentence's kept tokens, so collocations need no second tokenization. */
  onSentence?: (words: string[]) => void,
): TermRow[] {
  // Map iteration order is insertion order, which gives sections in order of first appearance.
  const sections = new Map<string, Map<string, TermTally>>();
  let tally: Map<string, TermTally> | undefined;
  let tallySection: string | undefined;
  let words: string[] = [];
  const count = (word: string, tag: string) => {
    words.push(word);
    const t = tally!.get(word);
    if (t === undefined) tally!.set(word, { count: 1, tag, tags: null });
    else {
      t.count++;
      if (t.tags !== null) t.tags.set(tag, (t.tags.get(tag) ?? 0) + 1);
      else if (tag !== t.tag)
        t.tags = new Map([
          [t.tag, t.count - 1],
          [tag, 1],
        ]);
    }
  };
  for (const sentence of sentences) {
    if (sentence.section_id !== tallySection) {
      tallySection = sentence.section_id;
      tally = sections.get(tallySection);
      if (!tally) sections.set(tallySection, (tally = new Map()));
    }
    words = [];
    tokenizer.forEachToken(sentence.text, count);
    onSentence?.(words);
  }

  const rows: TermRow[] = [];
  for (const [sectionId, terms] of sections) {
    const sorted = sortCodePoints([...terms.keys()]);
    for (const term of sorted) {
      const t = terms.get(term)!;
      rows.push({
        speech_id: speechId,
        section_id: sectionId,
        term,
        pos: t.tags === null ? t.tag : dominantTag(t.tags),
        count: t.count,
      });
    }
  }
  return rows;
}

/** Most frequent tag; ties go to the code-point smallest, so the choice never depends on order. */
function dominantTag(tags: ReadonlyMap<string, number>): string {
  let best = "";
  let bestCount = -1;
  for (const [tag, n] of tags) {
    if (n > bestCount || (n === bestCount && compareCodePoints(tag, best) < 0)) {
      best = tag;
      bestCount = n;
    }
  }
  return best;
}
