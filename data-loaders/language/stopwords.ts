// Stopwords for the terms table: lexicon/stopwords.txt, one word per line, # comments.
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

export const DEFAULT_STOPWORDS_PATH = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "lexicon",
  "stopwords.txt",
);

export function parseStopwords(text: string): Set<string> {
  const words = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.length > 0 && !line.startsWith("#")) words.add(line);
  }
  return words;
}

export function loadStopwords(path: string = DEFAULT_STOPWORDS_PATH): Set<string> {
  return parseStopwords(readFileSync(path, "utf8"));
}
