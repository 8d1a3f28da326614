// The one nodejieba instance of the process.
//
// nodejieba keeps a single global dictionary: load() replaces it for every caller and costs about
// half a second, and segmentation done before and after a reload would disagree. So the
// dictionary is loaded once, lazily, with the union of all words the caller needs; a later request
// that is covered by it is fine, one that needs words it lacks is an error (pass all words on the
// first call, e.g. lexicon forms plus theme terms) rather than a silent reload.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import nodejieba from "nodejieba";
import { writeUserDict, type UserWord } from "./userdict.ts";

/** nodejieba, with cutLengths when the install-time patch added it (scripts/setup/
 *  patch-nodejieba.mjs): the UTF-16 length of each token of cut(text, true). */
export type Jieba = typeof nodejieba & { cutLengths?: (text: string) => Int32Array };

let loaded: { dictPath: string; tags: Map<string, string> } | undefined;

export function loadJieba(words: readonly UserWord[]): Jieba {
  if (loaded) {
    const missing = words.filter((w) => loaded!.tags.get(w.word) !== w.tag);
    if (missing.length > 0) {
      const shown = missing
        .slice(0, 5)
        .map((w) => `${w.word}/${w.tag}`)
        .join(", ");
      throw new Error(
        `nodejieba is already loaded with ${loaded.dictPath} and can load one user dictionary per process; ` +
          `${missing.length} requested word(s) are not in it (${shown}${missing.length > 5 ? ", …" : ""}). ` +
          `Pass the union of all words on the first call.`,
      );
    }
    return nodejieba as Jieba;
  }
  const dictPath = writeUserDict(words);
  // nodejieba also builds a keyword extractor from an IDF table (~260,000 entries) that the
  // pipeline never uses; a one-line stand-in saves ~20 MB and ~0.1 s per process (cppjieba
  // rejects an empty file). Segmentation and tags do not depend on it.
  nodejieba.load({
    userDict: dictPath,
    idfDict: fileURLToPath(new URL("./jieba-stub/idf.utf8", import.meta.url)),
    stopWordDict: fileURLToPath(new URL("./jieba-stub/stop_words.utf8", import.meta.url)),
  });
  loaded = { dictPath, tags: new Map(words.map((w) => [w.word, w.tag])) };
  return nodejieba as Jieba;
}

/**
 * Whether the installed nodejieba was rebuilt by scripts/setup/patch-nodejieba.mjs (postinstall)
 * so that load() builds one dictionary trie instead of two (~110 MB less per process): its source
 * carries the patch and its stamp names the sha256 of the binary in place.
 */
export function nodejiebaSharedTrie(): boolean {
  const dir = dirname(createRequire(import.meta.url).resolve("nodejieba/package.json"));
  try {
    const source = readFileSync(join(dir, "lib", "nodejieba.cpp"), "utf8");
    const stamp = JSON.parse(
      readFileSync(join(dir, "build", "Release", "speech-atlas-shared-trie.json"), "utf8"),
    ) as { sha256?: unknown };
    const binary = readFileSync(join(dir, "build", "Release", "nodejieba.node"));
    return (
      source.includes("TextRankExtractor(*_jieba_handle, stopWordsPath)") &&
      stamp.sha256 === createHash("sha256").update(binary).digest("hex")
    );
  } catch {
    return false; // no stamp (never patched) or no binary
  }
}

/** Whether the installed nodejieba has the cutLengths call the install-time patch adds (the
 *  tokenizer falls back to cut() without it: same tokens, ~a third slower). */
export function nodejiebaCutLengths(): boolean {
  return typeof (nodejieba as Jieba).cutLengths === "function";
}
