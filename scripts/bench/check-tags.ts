// `node --import tsx scripts/bench/check-tags.ts <corpus dir>...`: proves on whole corpora that the
// tokenizer (cut + remembered tags, language/tokenize.ts) yields exactly what nodejieba.tag()
// does. For every sentence the pipeline tokenizes (read → clean → segment, as in file-work.ts):
// - tag(s) and cut(s, true) give the same words;
// - no word ever gets two different tags anywhere in the corpora (tags are a function of the word);
// - tokenizer.forEachToken(s) equals tag(s) with stopwords and noise dropped, word and tag alike.
// Prints the counts and exits 1 on any difference.
import nodejieba from "nodejieba";
import { cleanText } from "../../data-loaders/clean/clean-text.ts";
import { DEFAULT_MAX_BYTES, readInput } from "../../data-loaders/ingest/read-input.ts";
import { listCorpusFiles } from "../../data-loaders/ingest/list-files.ts";
import { loadStopwords } from "../../data-loaders/language/stopwords.ts";
import { loadContext } from "../../data-loaders/pipeline/context.ts";
import { segmentSpeech } from "../../data-loaders/segment/index.ts";

const roots = process.argv.slice(2);
if (roots.length === 0) {
  console.error("usage: check-tags.ts <corpus dir>...");
  process.exit(2);
}
const ctx = loadContext();
const stopwords = loadStopwords();
const NOISE = /^[\p{P}\p{S}\p{Z}\s\p{Nd}]+$/u; // as in tokenize.ts
const tagOf = new Map<string, string>();
let failures = 0;
const fail = (what: string) => {
  if (failures++ < 20) console.error(what);
};

for (const root of roots) {
  let sentences = 0;
  let tokens = 0;
  let kept = 0;
  for (const path of await listCorpusFiles(root)) {
    const read = await readInput(root, path, { maxBytes: DEFAULT_MAX_BYTES });
    if (read.kind !== "ok") continue;
    const text = cleanText(read.file.text, ctx.cleaningRules).text;
    for (const { text: s } of segmentSpeech(text).sentences) {
      sentences++;
      const tagged = nodejieba.tag(s);
      const cut = nodejieba.cut(s, true);
      tokens += tagged.length;
      if (cut.length !== tagged.length || cut.some((w, i) => w !== tagged[i]!.word))
        fail(`${path}: cut(s, true) ≠ tag(s) words in ${JSON.stringify(s)}`);
      for (const { word, tag } of tagged) {
        const seen = tagOf.get(word);
        if (seen === undefined) tagOf.set(word, tag);
        else if (seen !== tag) fail(`${path}: ${word} tagged ${seen} and ${tag}`);
      }
      const expected = tagged
        .filter(({ word }) => !stopwords.has(word) && !NOISE.test(word))
        .map(({ word, tag }) => `${word}/${tag}`);
      const actual: string[] = [];
      ctx.tokenizer.forEachToken(s, (word, tag) => actual.push(`${word}/${tag}`));
      kept += actual.length;
      if (expected.join(" ") !== actual.join(" "))
        fail(`${path}: tokenizer ≠ tag() in ${JSON.stringify(s)}`);
    }
  }
  console.log(`${root}: ${sentences} sentences, ${tokens} tokens, ${kept} kept tokens compared`);
}
console.log(`${tagOf.size} distinct words, ${failures} difference(s)`);
process.exit(failures === 0 ? 0 : 1);
