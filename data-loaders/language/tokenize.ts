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
import { compareCodePoints } from "./order.ts";
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
 * Builds a tokenizer. nodejieba holds one dictionary per process: the first tokenizer created
 * fixes it, and a later one needing words it lacks throws (see jieba.ts).
 */
export function createTokenizer(options: TokenizerOptions = {}): Tokenizer {
  const lexicon = options.lexicon ?? loadLexicon();
  const stopwords = options.stopwords ?? loadStopwords();
  const jieba: Jieba = loadJieba(userWords(lexicon, options.extraTerms));
  const keep = (word: string) => !stopwords.has(word) && !NOISE.test(word);

  return {
    tokenize(text, offset = 0) {
      const out: Token[] = [];
      let pos = offset;
      for (const { word, tag } of jieba.tag(text)) {
        if (keep(word)) out.push({ word, tag, start: pos, end: pos + word.length });
        pos += word.length;
      }
      return out;
    },
    forEachToken(text, fn) {
      for (const { word, tag } of jieba.tag(text)) if (keep(word)) fn(word, tag);
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
  tags: Map<string, number>;
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
  for (const sentence of sentences) {
    let terms = sections.get(sentence.section_id);
    if (!terms) sections.set(sentence.section_id, (terms = new Map()));
    const tally = terms;
    const words: string[] | undefined = onSentence ? [] : undefined;
    tokenizer.forEachToken(sentence.text, (word, tag) => {
      words?.push(word);
      let t = tally.get(word);
      if (!t) tally.set(word, (t = { count: 0, tags: new Map() }));
      t.count++;
      t.tags.set(tag, (t.tags.get(tag) ?? 0) + 1);
    });
    if (words) onSentence!(words);
  }

  const rows: TermRow[] = [];
  for (const [sectionId, terms] of sections) {
    const sorted = [...terms.keys()].sort(compareCodePoints);
    for (const term of sorted) {
      const t = terms.get(term)!;
      rows.push({
        speech_id: speechId,
        section_id: sectionId,
        term,
        pos: dominantTag(t.tags),
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
