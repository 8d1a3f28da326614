// Generalisation: 43 government work reports, formatted differently from the samples.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { GOVREPORTS_DIR } from "../helpers/sample.ts";
import { segmentSpeech } from "../../data-loaders/segment/index.ts";
import { parseChineseNumeral } from "../../data-loaders/segment/numerals.ts";
import { assertSegmentationContract } from "./invariants.ts";

/** The normalisation the clean stage applies: LF line ends, trimmed lines, no empty lines. */
function normalise(raw: string): string {
  return raw
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join("\n");
}

const files = readdirSync(GOVREPORTS_DIR)
  .filter((f) => f.endsWith(".txt"))
  .sort();
const reports = files.map((file) => {
  const text = normalise(readFileSync(join(GOVREPORTS_DIR, file), "utf8"));
  return { file, text, seg: segmentSpeech(text) };
});

const levelCount = (seg: (typeof reports)[number]["seg"], level: number): number =>
  seg.sections.filter((s) => s.kind === "heading" && s.level === level).length;
console.table(
  reports.map(({ file, seg }) => ({
    file,
    l1: levelCount(seg, 1),
    l1_style: [
      ...new Set(
        seg.sections
          .filter((s) => s.level === 1 && s.kind === "heading")
          .map((s) => s.heading_style),
      ),
    ].join(","),
    l2: levelCount(seg, 2),
    l3: levelCount(seg, 3),
    closing: seg.sections.some((s) => s.kind === "closing") ? "yes" : "",
    sentences: seg.sentences.length,
  })),
);

test("all 43 reports segment without exceptions and keep the contract", () => {
  assert.equal(reports.length, 43);
  for (const { text, seg } of reports) assertSegmentationContract(text, seg);
});

test("reports with 一、 lines get a level-1 outline numbered in sequence", () => {
  const outlined = reports.filter(({ text }) => /^[一二三四五六七八九十]+、/m.test(text));
  assert.ok(outlined.length >= 30, `${outlined.length} reports with 一、 lines`);
  for (const { file, seg } of outlined) {
    const l1 = seg.sections.filter((s) => s.level === 1 && s.kind === "heading");
    assert.ok(l1.length >= 2, `${file}: ${l1.length} level-1 sections`);
    const numbers = l1.map((s) =>
      parseChineseNumeral(/^[（(]?([一二三四五六七八九十]+)/.exec(s.heading!)?.[1] ?? ""),
    );
    assert.deepEqual(
      numbers,
      l1.map((_, i) => i + 1),
      `${file}: ${l1.map((s) => s.heading!.slice(0, 12)).join(" | ")}`,
    );
  }
});
