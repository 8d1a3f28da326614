// The outline on the dev set (../shared/corpora/devset: 32 real texts from other sources, hand
// annotated), scored with the evaluate command's heading matching. A fast guard for this stage
// alone: decode → normalize → clean → segment, no tokenizer, no publishing. The pipeline-level
// guard is test/evaluate/devset.test.ts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { decodeBuffer } from "../../data-loaders/ingest/decode.ts";
import { normalizeText } from "../../data-loaders/ingest/normalize.ts";
import { cleanText } from "../../data-loaders/clean/clean-text.ts";
import { segmentSpeech } from "../../data-loaders/segment/index.ts";
import { matchHeadings } from "../../data-loaders/evaluate/headings.ts";
import { SHARED_DIR } from "../helpers/sample.ts";
import { assertSegmentationContract } from "./invariants.ts";

const DEVSET = join(SHARED_DIR, "corpora", "devset");

interface DevGold {
  file: string;
  l1_headings: string[];
  l2_headings: string[][];
}

const gold: DevGold[] = JSON.parse(readFileSync(join(DEVSET, "dev-gold.json"), "utf8"));
const results = gold.map((g) => {
  const decoded = decodeBuffer(readFileSync(join(DEVSET, "texts", g.file)));
  assert.equal(decoded.kind, "text", g.file);
  const text = cleanText(normalizeText(decoded.kind === "text" ? decoded.text : "")).text;
  const seg = segmentSpeech(text);
  const headings = (level: number): string[] =>
    seg.sections.filter((s) => s.kind === "heading" && s.level === level).map((s) => s.heading!);
  const matched = (predicted: string[], wanted: string[]): number =>
    matchHeadings(predicted, wanted).filter((i) => i >= 0).length;
  const l1 = headings(1);
  const l2Gold = g.l2_headings.flat();
  return {
    file: g.file,
    text,
    seg,
    l1: { matched: matched(l1, g.l1_headings), predicted: l1.length, gold: g.l1_headings.length },
    l2: { matched: matched(headings(2), l2Gold), gold: l2Gold.length },
  };
});

const sum = (f: (r: (typeof results)[number]) => number): number =>
  results.reduce((n, r) => n + f(r), 0);
const l1Matched = sum((r) => r.l1.matched);
const precision = l1Matched / sum((r) => r.l1.predicted);
const recall = l1Matched / sum((r) => r.l1.gold);
const f1 = (2 * precision * recall) / (precision + recall);
const l2Recall = sum((r) => r.l2.matched) / sum((r) => r.l2.gold);
console.table(
  results.map((r) => ({
    file: r.file,
    l1: `${r.l1.matched}/${r.l1.gold} (found ${r.l1.predicted})`,
    l2: `${r.l2.matched}/${r.l2.gold}`,
  })),
);
console.log(
  `L1 P ${precision.toFixed(3)} R ${recall.toFixed(3)} F1 ${f1.toFixed(3)}; L2 recall ${l2Recall.toFixed(3)}`,
);

test("every dev text keeps the segmentation contract", () => {
  for (const { text, seg } of results) assertSegmentationContract(text, seg);
});

test("dev set: level-1 F1 >= 0.95 and level-2 recall >= 0.95", () => {
  assert.ok(f1 >= 0.95, `L1 F1 ${f1}`);
  assert.ok(l2Recall >= 0.95, `L2 recall ${l2Recall}`);
});

test("texts without an outline get no heading at all", () => {
  for (const r of results.filter((x) => x.l1.gold === 0))
    assert.equal(r.l1.predicted, 0, `${r.file}: ${r.l1.predicted} level-1 headings`);
});
