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
import { codePointOrder, compareCodePoints, sortCodePoints } from "./order.ts";
import { loadStopwords } from "./stopwords.ts";
import { userWords } from "./userdict.ts";
import { WordNumbers } from "./word-numbers.ts";

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
  /**
   * The kept tokens of several texts (a speech's sentences, in order) with text-local word ids:
   * the same words and tags as forEachToken on each text, without a call per token. Optional: a
   * tokenizer without it is used through forEachToken.
   */
  tokenizeTexts?(texts: readonly string[]): TextsTokens;
}

/**
 * nodejieba's cut(text, true) as words. With the patched build's cutLengths (jieba.ts) the words
 * are sliced from the text by their lengths: the same strings, as cppjieba's tokens are
 * consecutive pieces of its input, but without C++ making a JS string per token. Not for a text
 * with surrogates (a lone one reaches cppjieba as U+FFFD, so cut()'s word would differ from the
 * slice), nor when the lengths do not add up to the text: then cut() itself.
 */
export function segmenter(jieba: Jieba): (text: string) => string[] {
  const cutLengths = jieba.cutLengths?.bind(jieba);
  if (!cutLengths) return (text) => jieba.cut(text, true);
  return (text) => {
    if (SURROGATE.test(text)) return jieba.cut(text, true);
    const lengths = cutLengths(text);
    const words = new Array<string>(lengths.length);
    let at = 0;
    for (let i = 0; i < lengths.length; i++) {
      const end = at + lengths[i]!;
      words[i] = text.slice(at, end);
      at = end;
    }
    return at === text.length ? words : jieba.cut(text, true);
  };
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Kept tokens of several texts: word `vocab[id]` (tag `tags[id]`), ids in order of first
 *  appearance; `ids` the tokens text after text; `ends[k]` the end of text k in `ids`. */
export interface TextsTokens {
  vocab: string[];
  tags: string[];
  ids: Int32Array;
  ends: Int32Array;
}

/** Punctuation, symbols, separators, whitespace and decimal digits only. */
const NOISE = /^[\p{P}\p{S}\p{Z}\s\p{Nd}]+$/u;

/**
 * Most words a tokenizer remembers (tag or "dropped"); past it the memory starts over. A bound
 * on memory only: a word's tag never depends on what was remembered, so output is the same.
 */
const MAX_REMEMBERED_WORDS = 300_000;

/** What a tokenizer remembers of a word it has seen, INFO_FIELDS integers: its tag (TAG: an
 *  index into the tag names, DROPPED, or PENDING: kept, its tag not looked up yet, only inside
 *  tokenizeTexts, which looks them up at its end), and in tokenizeTexts the call that saw it
 *  last (SEEN_IN; NEW before any) and its id there (LOCAL_ID). */
const INFO_FIELDS = 4;
const TAG = 0;
const SEEN_IN = 1;
const LOCAL_ID = 2;
const DROPPED = -2;
const PENDING = -1;
const NEW = -1;

/**
 * Builds a tokenizer. nodejieba holds one dictionary per process: the first tokenizer created
 * fixes it, and a later one needing words it lacks throws (see jieba.ts).
 *
 * Tokens come from cut(text, true), tags from a memo of word → tag filled by tag(). Why that is
 * exactly tag(text), at about half its cost (tag() builds a {word, tag} object per token, and
 * cut() only a string): cppjieba's tag() is MixSegment::Cut with HMM — the same call as
 * cut(text, true) — followed by PosTagger::LookupTag(word) for each word, which reads only the
 * word (its dictionary entry's tag, else a rule on its ASCII characters) and never the context.
 * So a word's tag is a fixed function of the word for the life of the dictionary. forEachToken
 * calls tag(text) only for a text holding a kept word not seen yet, and checks that the
 * segmentations agree; tokenizeTexts looks up all the new words of its texts with one tag() of
 * those words joined by "\n" (a separator cppjieba always cuts at, see tokenizeTexts), and falls
 * back to tag() of the word's text for a word that is not one token on its own. Checked over
 * whole corpora by scripts/bench/check-tags.ts.
 */
export function createTokenizer(options: TokenizerOptions = {}): Tokenizer {
  const lexicon = options.lexicon ?? loadLexicon();
  const stopwords = options.stopwords ?? loadStopwords();
  const jieba: Jieba = loadJieba(userWords(lexicon, options.extraTerms));
  // Word → word number, and per word number INFO_FIELDS integers, together so that a token
  // touches one place in memory: its tag (an index into tagNames, or DROPPED: a stopword or
  // noise, or PENDING), and for tokenizeTexts the call that last saw it and its id in that call.
  const words = new WordNumbers();
  let info = new Int32Array(INFO_FIELDS * 1024);
  const tagNames: string[] = [];
  const tagCodes = new Map<string, number>();
  let call = 0;
  let scratch = new Int32Array(4096);

  /** The word's number; a word seen for the first time is classified (its tag left PENDING). */
  let classified = 0; // words with their info filled in: 0 … classified - 1
  const numberOf = (word: string): number => {
    const n = words.numberOf(word);
    if (n === classified) {
      classified++;
      if (INFO_FIELDS * (n + 1) > info.length) {
        const bigger = new Int32Array(2 * info.length);
        bigger.set(info);
        info = bigger;
      }
      info[INFO_FIELDS * n + TAG] = stopwords.has(word) || NOISE.test(word) ? DROPPED : PENDING;
      info[INFO_FIELDS * n + SEEN_IN] = NEW;
    }
    return n;
  };
  const tagCode = (tag: string): number => {
    let code = tagCodes.get(tag);
    if (code === undefined) tagCodes.set(tag, (code = tagNames.push(tag) - 1));
    return code;
  };
  const forget = () => {
    if (words.size < MAX_REMEMBERED_WORDS) return;
    words.clear();
    info = new Int32Array(INFO_FIELDS * 1024);
    classified = 0;
  };
  const checkedTag = (
    tagged: { word: string; tag: string }[],
    cut: number,
    i: number,
    text: string,
    word: string,
  ) => {
    if (tagged.length !== cut || tagged[i]!.word !== word)
      throw new Error(`nodejieba tag() and cut(text, true) segment differently: ${text}`);
    return tagged[i]!.tag;
  };

  const segment = segmenter(jieba);

  /** Calls fn for each kept token with its tag and its offset in text. */
  const forEachKept = (text: string, fn: (word: string, tag: string, at: number) => void) => {
    forget();
    const cut = segment(text);
    let tagged: { word: string; tag: string }[] | undefined;
    let at = 0;
    for (let i = 0; i < cut.length; i++) {
      const word = cut[i]!;
      const n = numberOf(word);
      let code = info[INFO_FIELDS * n + TAG]!;
      if (code === PENDING) {
        tagged ??= jieba.tag(text);
        code = tagCode(checkedTag(tagged, cut.length, i, text, word));
        info[INFO_FIELDS * n + TAG] = code;
      }
      if (code !== DROPPED) fn(word, tagNames[code]!, at);
      at += word.length;
    }
  };

  const tokenizeTexts = (texts: readonly string[]): TextsTokens => {
    forget();
    call++;
    const vocab: string[] = [];
    const infoAt: number[] = []; // per id, where its word's info is
    // New words (tag PENDING) by id, with where they first occur: text k, token i.
    const pending: number[] = [];
    const cutLengths = new Int32Array(texts.length);
    const ends = new Int32Array(texts.length);
    let n = 0;
    for (let k = 0; k < texts.length; k++) {
      const cut = segment(texts[k]!);
      cutLengths[k] = cut.length;
      if (n + cut.length > scratch.length) {
        const bigger = new Int32Array(Math.max(2 * scratch.length, n + cut.length));
        bigger.set(scratch.subarray(0, n));
        scratch = bigger;
      }
      for (let i = 0; i < cut.length; i++) {
        const word = cut[i]!;
        const at = INFO_FIELDS * numberOf(word);
        const code = info[at + TAG]!;
        if (code === DROPPED) continue;
        if (info[at + SEEN_IN] !== call) {
          info[at + SEEN_IN] = call;
          info[at + LOCAL_ID] = vocab.length;
          if (code === PENDING) pending.push(vocab.length, k, i);
          vocab.push(word);
          infoAt.push(at);
        }
        scratch[n++] = info[at + LOCAL_ID]!;
      }
      ends[k] = n;
    }
    if (pending.length > 0) lookUpTags(pending);
    const tags = infoAt.map((at) => tagNames[info[at + TAG]!]!);
    return { vocab, tags, ids: scratch.slice(0, n), ends };

    /**
     * Tags of the new words: one tag() of them joined by "\n". cppjieba cuts its input at
     * separators (space, tab, "\n", "，", "。", each a token of its own) and segments the runs
     * between them independently, so each word comes back alone between "\n" tokens; a word
     * that segments differently on its own (some words HMM joined in context) gets its tag from
     * tag() of the text it occurred in, as forEachToken would.
     */
    function lookUpTags(pending: number[]): void {
      const joined: string[] = [];
      for (let p = 0; p < pending.length; p += 3) joined.push(vocab[pending[p]!]!);
      const tagged = jieba.tag(joined.join("\n"));
      const byText = new Map<number, { word: string; tag: string }[]>();
      let at = 0;
      for (let p = 0; p < pending.length; p += 3) {
        const id = pending[p]!;
        const word = vocab[id]!;
        const w = infoAt[id]!;
        const next = tagged[at + 1];
        if (tagged[at]?.word === word && (next === undefined || next.word === "\n")) {
          info[w + TAG] = tagCode(tagged[at]!.tag);
          at += 2;
          continue;
        }
        while (at < tagged.length && tagged[at]!.word !== "\n") at++;
        at++;
        const k = pending[p + 1]!;
        let textTags = byText.get(k);
        if (!textTags) byText.set(k, (textTags = jieba.tag(texts[k]!)));
        info[w + TAG] = tagCode(
          checkedTag(textTags, cutLengths[k]!, pending[p + 2]!, texts[k]!, word),
        );
      }
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
    tokenizeTexts,
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

/**
 * A speech's kept tokens with speech-local ids: `vocab[i]` is word i (in order of first
 * appearance), `counts[i]` its count in the speech, `ids` the token ids sentence after sentence,
 * `sentenceEnds[k]` the end of sentence k in `ids` (pipeline/file-work.ts: LocalTokens).
 */
export interface SpeechTokens {
  vocab: string[];
  counts: Int32Array;
  ids: Int32Array;
  sentenceEnds: Int32Array;
}

export interface SpeechTerms {
  terms: TermRow[];
  tokens: SpeechTokens;
}

export function termsForSpeech(
  speechId: string,
  sentences: readonly Pick<SentenceRow, "section_id" | "text">[],
  tokenizer: Tokenizer = getDefaultTokenizer(),
  /** Receives each sentence's kept tokens, so collocations need no second tokenization. */
  onSentence?: (words: string[]) => void,
): TermRow[] {
  const { terms, tokens } = speechTerms(speechId, sentences, tokenizer);
  if (onSentence) for (const words of sentenceWords(tokens)) onSentence(words);
  return terms;
}

/** The `terms` rows of a speech and its kept tokens (for term_stats and collocations). */
export function speechTerms(
  speechId: string,
  sentences: readonly Pick<SentenceRow, "section_id" | "text">[],
  tokenizer: Tokenizer = getDefaultTokenizer(),
): SpeechTerms {
  if (!tokenizer.tokenizeTexts) return tallyTerms(speechId, sentences, tokenizer);
  const { vocab, tags, ids, ends } = tokenizer.tokenizeTexts(sentences.map((s) => s.text));
  const counts = new Int32Array(vocab.length);
  for (let p = 0; p < ids.length; p++) counts[ids[p]!]!++;

  // Sentences by section, sections in order of first appearance.
  const sectionIds: string[] = [];
  const members: number[][] = [];
  const sectionIndex = new Map<string, number>();
  let current = -1;
  for (let k = 0; k < sentences.length; k++) {
    const id = sentences[k]!.section_id;
    if (current < 0 || sectionIds[current] !== id) {
      let j = sectionIndex.get(id);
      if (j === undefined) {
        sectionIndex.set(id, (j = sectionIds.length));
        sectionIds.push(id);
        members.push([]);
      }
      current = j;
    }
    members[current]!.push(k);
  }

  // A section's terms in code-point order = its words ordered by their rank in the speech's
  // vocabulary sorted once (the tag of a word is one: tokenizeTexts gives it per word).
  const order = codePointOrder(vocab);
  const rank = new Int32Array(vocab.length);
  for (let r = 0; r < order.length; r++) rank[order[r]!] = r;
  const inSection = new Int32Array(vocab.length);
  const ranks = new Int32Array(vocab.length);
  const rows: TermRow[] = [];
  for (let j = 0; j < sectionIds.length; j++) {
    let m = 0;
    for (const k of members[j]!) {
      for (let p = k === 0 ? 0 : ends[k - 1]!; p < ends[k]!; p++) {
        const id = ids[p]!;
        if (inSection[id]!++ === 0) ranks[m++] = rank[id]!;
      }
    }
    const sorted = ranks.subarray(0, m).sort();
    for (let q = 0; q < m; q++) {
      const id = order[sorted[q]!]!;
      rows.push({
        speech_id: speechId,
        section_id: sectionIds[j]!,
        term: vocab[id]!,
        pos: tags[id]!,
        count: inSection[id]!,
      });
      inSection[id] = 0;
    }
  }
  return { terms: rows, tokens: { vocab, counts, ids, sentenceEnds: ends } };
}

/** termsForSpeech for a tokenizer without tokenizeTexts: a tally per section, token by token. */
function tallyTerms(
  speechId: string,
  sentences: readonly Pick<SentenceRow, "section_id" | "text">[],
  tokenizer: Tokenizer,
): SpeechTerms {
  // Map iteration order is insertion order, which gives sections in order of first appearance.
  const sections = new Map<string, Map<string, TermTally>>();
  let tally: Map<string, TermTally> | undefined;
  let tallySection: string | undefined;
  let words: string[] = [];
  const sentenceTokens: string[][] = [];
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
    sentenceTokens.push(words);
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
  return { terms: rows, tokens: tokensOfSentences(sentenceTokens) };
}

/** Kept words of each sentence → SpeechTokens. */
export function tokensOfSentences(sentences: readonly (readonly string[])[]): SpeechTokens {
  const index = new Map<string, number>();
  const vocab: string[] = [];
  let n = 0;
  for (const s of sentences) n += s.length;
  const ids = new Int32Array(n);
  const sentenceEnds = new Int32Array(sentences.length);
  let k = 0;
  sentences.forEach((s, j) => {
    for (const w of s) {
      let id = index.get(w);
      if (id === undefined) index.set(w, (id = vocab.push(w) - 1));
      ids[k++] = id;
    }
    sentenceEnds[j] = k;
  });
  const counts = new Int32Array(vocab.length);
  for (let i = 0; i < n; i++) counts[ids[i]!]!++;
  return { vocab, counts, ids, sentenceEnds };
}

/** SpeechTokens → the kept words of each sentence. */
export function sentenceWords(tokens: Omit<SpeechTokens, "counts">): string[][] {
  const out: string[][] = [];
  let p = 0;
  for (const end of tokens.sentenceEnds) {
    const words: string[] = [];
    for (; p < end; p++) words.push(tokens.vocab[tokens.ids[p]!]!);
    out.push(words);
  }
  return out;
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
