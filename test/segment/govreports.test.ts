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

test("reports with 一、 lines get an outline numbered in sequence (under unnumbered part titles where they exist; restarting in a new part)", () => {
  const outlined = reports.filter(({ text }) => /^[一二三四五六七八九十]+、/m.test(text));
  assert.ok(outlined.length >= 30, `${outlined.length} reports with 一、 lines`);
  for (const { file, seg } of outlined) {
    const headings = seg.sections.filter((s) => s.kind === "heading");
    const l1 = headings.filter((s) => s.level === 1);
    // Part titles ("关于国内建设") may stand above the numbered sections: then each part's
    // children are numbered from 一 on.
    const parts = l1.every((s) => s.heading_style === "title_line")
      ? l1.map((p) => headings.filter((s) => s.parent_id === p.section_id))
      : [l1];
    assert.ok(parts.flat().length >= 2, `${file}: ${parts.flat().length} numbered sections`);
    for (const numbered of parts) {
      const numbers = numbered.map((s) =>
        parseChineseNumeral(/^[（(]?([一二三四五六七八九十]+)/.exec(s.heading!)?.[1] ?? ""),
      );
      // Each number follows the one before, or restarts at 1 (a new part after "各位代表：").
      let run = 0;
      const expected = numbers.map((n) => (run = n === 1 ? 1 : run + 1));
      assert.deepEqual(
        numbers,
        expected,
        `${file}: ${numbered.map((s) => s.heading!.slice(0, 12)).join(" | ")}`,
      );
      if (numbers.length > 1)
        assert.ok(
          numbers.some((n) => n > 1),
          `${file}: only 一、 headings`,
        );
    }
  }
});

test("restraint: no report gets more than 60 outline nodes, and no headline sits at level 3", () => {
  for (const { file, seg } of reports) {
    const headings = seg.sections.filter((s) => s.kind === "heading");
    assert.ok(headings.length <= 60, `${file}: ${headings.length} outline nodes`);
    assert.ok(
      headings.every((s) => !(s.heading_style === "headline" && s.level === 3)),
      `${file}: a level-3 headline`,
    );
  }
});
