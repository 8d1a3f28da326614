// Baseline for the benchmark: nodejieba segmenting the corpus text on one thread, nothing else
// (the same user dictionary as the pipeline; the texts are the generated files, which carry
// almost no boilerplate, so they stand in for the cleaned text). Prints {ms, bytes} as JSON.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadContext } from "../../data-loaders/pipeline/context.ts";

const dir = process.argv[2]!;
const ctx = loadContext();
const texts = readdirSync(dir)
  .sort()
  .map((n) => readFileSync(join(dir, n), "utf8"));
let bytes = 0;
let tokens = 0;
const t = performance.now();
for (const text of texts) {
  bytes += Buffer.byteLength(text);
  for (const line of text.split("\n")) ctx.tokenizer.forEachToken(line, () => tokens++);
}
console.log(JSON.stringify({ ms: Math.round(performance.now() - t), bytes, tokens }));
