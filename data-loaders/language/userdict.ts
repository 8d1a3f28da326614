// The nodejieba user dictionary: lexicon formulations (and caller-supplied domain terms) as words,
// so that 两个确立 or 全面从严治党 stay one token instead of 两个/确立, 全面/从严治党.
//
// nodejieba reads user words from a file, so the dictionary is written to a cache file whose name
// is a hash of its inputs: the same words always give the same file, and parallel processes
// (one per test file) can share it safely (write to a temporary name, then rename).
import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nodejieba from "nodejieba";
import { surfaceForms, type Lexicon } from "./lexicon.ts";
import { compareCodePoints } from "./order.ts";

/** jieba's main dictionary (nodejieba exports its path at run time; its typings omit it). */
export const JIEBA_MAIN_DICT: string = (nodejieba as unknown as { DEFAULT_DICT: string })
  .DEFAULT_DICT;

/** POS tag given to lexicon formulations (see TermRow.pos). */
export const LEXICON_TAG = "x_lex";
/** POS tag given to caller-supplied terms that jieba's own dictionary lacks. */
export const EXTRA_TERM_TAG = "x_term";

export interface UserWord {
  word: string;
  tag: string;
}

/** A form can be one token only if it has no punctuation, symbols or spaces inside. */
export function isTokenizable(form: string): boolean {
  return form.length > 1 && !/[\p{P}\p{S}\s]/u.test(form);
}

/**
 * The words to add: every tokenizable lexicon form (tag x_lex) and every tokenizable extra term
 * (tag x_term). A word that is both keeps the lexicon tag. Sorted by code point for a stable hash.
 */
export function userWords(lexicon: Lexicon, extraTerms: readonly string[] = []): UserWord[] {
  const byWord = new Map<string, string>();
  for (const entry of lexicon.entries) {
    for (const form of surfaceForms(entry)) if (isTokenizable(form)) byWord.set(form, LEXICON_TAG);
  }
  for (const term of extraTerms) {
    if (isTokenizable(term) && !byWord.has(term)) byWord.set(term, EXTRA_TERM_TAG);
  }
  return [...byWord]
    .map(([word, tag]) => ({ word, tag }))
    .sort((a, b) => compareCodePoints(a.word, b.word));
}

/**
 * Dictionary lines in cppjieba's user-dict format ("word [freq] tag").
 * Lexicon words already in jieba's main dictionary keep their frequency (so segmentation around
 * them does not shift) but take the x_lex tag; extra terms already in it are left out, so common
 * words such as 人才 keep jieba's own tag and weight. Other words get jieba's default user weight.
 */
export function userDictText(
  words: readonly UserWord[],
  mainDictFreq: ReadonlyMap<string, number>,
): string {
  const lines: string[] = [];
  for (const { word, tag } of words) {
    const freq = mainDictFreq.get(word);
    if (freq === undefined) lines.push(`${word} ${tag}`);
    else if (tag === LEXICON_TAG) lines.push(`${word} ${freq} ${tag}`);
  }
  return lines.join("\n") + "\n";
}

/** Writes (once) the dictionary file for these words and returns its path. */
export function writeUserDict(words: readonly UserWord[], mainDictPath = JIEBA_MAIN_DICT): string {
  const key = createHash("sha256")
    .update(mainDictPath)
    .update("\0")
    .update(words.map((w) => `${w.word} ${w.tag}`).join("\n"))
    .digest("hex")
    .slice(0, 16);
  const path = join(tmpdir(), `speech-atlas-${key}.dict.utf8`);
  if (!existsSync(path)) {
    const text = userDictText(
      words,
      readMainDictFreq(mainDictPath, new Set(words.map((w) => w.word))),
    );
    const partial = `${path}.${process.pid}.tmp`;
    writeFileSync(partial, text, "utf8");
    renameSync(partial, path);
  }
  return path;
}

/** Frequencies in jieba's main dictionary ("word freq tag" lines) of the wanted words only. */
function readMainDictFreq(path: string, wanted: ReadonlySet<string>): Map<string, number> {
  const freq = new Map<string, number>();
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const space = line.indexOf(" ");
    if (space <= 0) continue;
    const word = line.slice(0, space);
    if (wanted.has(word)) freq.set(word, Number.parseInt(line.slice(space + 1), 10));
  }
  return freq;
}
