// `node --import tsx scripts/bench/profile-stages.ts <corpus dir> [--repeat n] [--jieba]`:
// time each per-file stage on one thread (CPU time of the process, user + system: steadier than
// wall time on a shared machine), in the order file-work.ts / process-speech.ts run them,
// and print MB/s per stage (MB = raw bytes of the readable files, so stages compare directly).
// With --repeat n the corpus is run n times and the fastest pass of each stage is reported:
// the first pass pays for JIT warm-up, which a long run does not. --jieba adds nodejieba
// cut(s, true) (the segmentation the tokenizer uses) and tag() alone over the same sentences:
// the floor of the tokens stage, and what it cost before.
import { listCorpusFiles } from "../../data-loaders/ingest/list-files.ts";
import { readInput, DEFAULT_MAX_BYTES } from "../../data-loaders/ingest/read-input.ts";
import { speechId } from "../../data-loaders/ingest/speech-id.ts";
import { cleanText } from "../../data-loaders/clean/clean-text.ts";
import { describeSpeech } from "../../data-loaders/describe/describe-speech.ts";
import { segmentSpeech } from "../../data-loaders/segment/index.ts";
import { termsForSpeech } from "../../data-loaders/language/tokenize.ts";
import { findFormulationHits } from "../../data-loaders/language/formulations.ts";
import { scoreThemes } from "../../data-loaders/language/themes.ts";
import { loadContext } from "../../data-loaders/pipeline/context.ts";
import { processFile, type FileTimings } from "../../data-loaders/pipeline/file-work.ts";
import { SpeechCache } from "../../data-loaders/pipeline/cache.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { processSpeech } from "../../data-loaders/pipeline/process-speech.ts";
import nodejieba from "nodejieba";

const args = process.argv.slice(2);
const root = args.find((a) => !a.startsWith("--"));
if (!root) {
  console.error("usage: profile-stages.ts <corpus dir> [--repeat n] [--jieba]");
  process.exit(2);
}
const repeatAt = args.indexOf("--repeat");
const repeat = repeatAt >= 0 ? Number(args[repeatAt + 1]) : 1;
const withJieba = args.includes("--jieba");

/** CPU time of this process in ms. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const t0 = cpuMs();
const ctx = loadContext();
const loadMs = cpuMs() - t0;
const paths = await listCorpusFiles(root);

const best = new Map<string, number>();
let bytes = 0;
let files = 0;
let chars = 0;
for (let pass = 0; pass < repeat; pass++) {
  const ms = new Map<string, number>();
  const time = <T>(stage: string, fn: () => T): T => {
    const t = cpuMs();
    const r = fn();
    ms.set(stage, (ms.get(stage) ?? 0) + cpuMs() - t);
    return r;
  };
  bytes = files = chars = 0;
  const allSentences: string[] = [];
  for (const path of paths) {
    const t = cpuMs();
    const read = await readInput(root, path, { maxBytes: DEFAULT_MAX_BYTES });
    ms.set("read", (ms.get("read") ?? 0) + cpuMs() - t);
    if (read.kind !== "ok") continue;
    const { file } = read;
    bytes += file.bytes;
    files++;
    const cleaned = time("clean", () => cleanText(file.text, ctx.cleaningRules));
    const text = cleaned.text;
    chars += text.length;
    const id = time("speech_id", () => speechId(file.text));
    time("describe", () => describeSpeech(text, { anchors: ctx.anchors }));
    const seg = time("segment", () => segmentSpeech(text));
    const sentences = time("rows", () => seg.sentences.map((s) => ({ speech_id: id, ...s })));
    const sections = time("rows", () => seg.sections.map((s) => ({ speech_id: id, ...s })));
    const sentenceTokens: string[][] = [];
    time("tokens", () =>
      termsForSpeech(id, sentences, ctx.tokenizer, (w) => sentenceTokens.push(w)),
    );
    time("hits", () => findFormulationHits(id, text, sentences, ctx.lexicon));
    const leaves = sections.filter((s) => s.is_leaf);
    time("themes", () => scoreThemes(id, text, leaves, ctx.codebook, ctx.scanThemes));
    if (withJieba) for (const s of sentences) allSentences.push(s.text);
  }
  if (withJieba) {
    time("jieba_cut", () => {
      for (const s of allSentences) nodejieba.cut(s, true);
    });
    time("jieba_tag", () => {
      for (const s of allSentences) nodejieba.tag(s);
    });
  }
  // processSpeech and processFile whole, as the workers run them: the difference to the sum of
  // the stages above is row building and JSON.
  for (const path of paths) {
    const read = await readInput(root, path, { maxBytes: DEFAULT_MAX_BYTES });
    if (read.kind !== "ok") continue;
    const cleaned = cleanText(read.file.text, ctx.cleaningRules);
    time("processSpeech", () =>
      processSpeech({ speechId: speechId(read.file.text), file: read.file, cleaned }, ctx),
    );
  }
  const timings: FileTimings = { read: 0, clean: 0, process: 0, cacheHits: 0 };
  // Entries go to a temporary store, as in a run without a cache.
  const store = new SpeechCache(mkdtempSync(join(tmpdir(), "profile-store-")), "profile");
  const t = cpuMs();
  for (const path of paths)
    await processFile(root, path, { maxBytes: DEFAULT_MAX_BYTES }, ctx, store, timings);
  rmSync(store.dir, { recursive: true, force: true });
  ms.set("processFile", cpuMs() - t);
  ms.set("processFile.process", timings.process);
  for (const [k, v] of ms) best.set(k, Math.min(best.get(k) ?? Infinity, v));
}

const mb = bytes / 1e6;
console.log(
  `${root}: ${files} readable files, ${mb.toFixed(2)} MB raw, ${(chars / 1e6).toFixed(2)} M chars cleaned; ` +
    `context load ${loadMs.toFixed(0)} ms; best of ${repeat} pass(es)`,
);
console.log("stage".padEnd(22) + "ms".padStart(9) + "MB/s".padStart(9));
for (const [k, v] of best)
  console.log(k.padEnd(22) + v.toFixed(0).padStart(9) + (mb / (v / 1000)).toFixed(1).padStart(9));
const rss = process.memoryUsage();
console.log(
  `rss ${(rss.rss / 2 ** 20).toFixed(0)} MB, heapUsed ${(rss.heapUsed / 2 ** 20).toFixed(0)} MB`,
);
