// Regression guard on real texts from other sources: the dev set (../shared/corpora/devset, 32
// texts with hand annotations) through the real command and the evaluate code. The floors are
// what the pipeline reaches today (ratchet them up, never down); the targets are listed
// beside them so a reader sees the gap. The table printed here goes into closing notes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseGold } from "../../data-loaders/evaluate/gold.ts";
import { evaluate } from "../../data-loaders/evaluate/evaluate.ts";
import { formatReport } from "../../data-loaders/evaluate/format.ts";
import { readPublishedOutput } from "../../data-loaders/evaluate/read-output.ts";
import { pipelineOutput } from "../helpers/run-cli.ts";
import { SHARED_DIR } from "../helpers/sample.ts";

const DEVSET = join(SHARED_DIR, "corpora", "devset");

/** Floors a little under what the pipeline reaches (one file of slack); issue 15's targets beside them. */
const FLOOR = {
  title: 0.93, // 31/32 on 2026-12-06; target 0.90
  genre: 0.93, // 31/32; target 0.90
  level: 0.875, // 29/32; target 0.90
  year: 0.93, // 30/32; target 0.95 (two 1921 congress papers carry only narrative dates)
  l1F1: 0.97, // 1.000; target 0.95
  l2Recall: 0.97, // 246/247
};

test("dev set: accuracy through evaluate stays at or above its floors", () => {
  const gold = parseGold(readFileSync(join(DEVSET, "dev-gold.json"), "utf8"));
  const out = pipelineOutput(join(DEVSET, "texts"));
  const { files, overall } = evaluate(gold, readPublishedOutput(out));
  console.log(formatReport(files, overall));
  assert.equal(overall.found, gold.length, "every dev file is a speech in the output");
  const share = (r: { right: number; of: number }) => r.right / r.of;
  assert.ok(share(overall.title) >= FLOOR.title, `title ${share(overall.title)}`);
  assert.ok(share(overall.genre) >= FLOOR.genre, `genre ${share(overall.genre)}`);
  assert.ok(share(overall.level) >= FLOOR.level, `level ${share(overall.level)}`);
  assert.ok(share(overall.year) >= FLOOR.year, `year ${share(overall.year)}`);
  assert.ok(overall.l1.f1 >= FLOOR.l1F1, `L1 F1 ${overall.l1.f1}`);
  assert.ok(overall.l2.recall >= FLOOR.l2Recall, `L2 recall ${overall.l2.recall}`);
});

test("samples through evaluate: 21/21 level-1, >= 43/44 level-2, >= 25/26 section themes", () => {
  const gold = parseGold(readFileSync(join(SHARED_DIR, "corpus", "sample-gold.json"), "utf8"));
  const out = pipelineOutput(join(SHARED_DIR, "corpus", "sample"));
  const { overall } = evaluate(gold, readPublishedOutput(out));
  assert.deepEqual([overall.l1.matched, overall.l1.gold, overall.l1.predicted], [21, 21, 21]);
  assert.ok(overall.l2.matched >= 43, `L2 ${overall.l2.matched}/44`);
  assert.ok(overall.themes.right >= 25, `themes ${overall.themes.right}/26`);
  for (const k of ["title", "genre", "level", "year", "year_conflict"] as const)
    assert.equal(overall[k].right, overall[k].of, k);
});
