// Baseline for the benchmark: nodejieba segmenting the corpus text on one thread, nothing else:
// `cut(line, true)` (HMM on, as the pipeline segments) with the pipeline's user dictionary, no
// tagging, no stopword filtering, no other stage. The texts are the generated files, which carry
// almost no boilerplate, so they stand in for the cleaned text. Prints {ms, cpuMs, bytes, tokens}:
// wall and CPU time (user + system) of the segmentation loop.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import nodejieba from "nodejieba";
import { loadContext } from "../../data-loaders/pipeline/context.ts";

const dir = process.argv[2]!;
loadContext(); // loads nodejieba's one dictionary with the pipeline's user words
const texts = readdirSync(dir)
  .sort()
  .map((n) => readFileSync(join(dir, n), "utf8"));
let bytes = 0;
let tokens = 0;
const t = performance.now();
const cpu = process.cpuUsage();
for (const text of texts) {
  bytes += Buffer.byteLength(text);
  for (const line of text.split("\n")) tokens += nodejieba.cut(line, true).length;
}
const ms = Math.round(performance.now() - t);
const used = process.cpuUsage(cpu);
const cpuMs = Math.round((used.user + used.system) / 1000);
console.log(JSON.stringify({ ms, cpuMs, bytes, tokens }));
