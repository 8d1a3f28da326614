// The outline against the hand-annotated gold of the five sample speeches.
import { test } from "node:test";
import assert from "node:assert/strict";
import { segmentSpeech } from "../../data-loaders/segment/index.ts";
import type { SectionNode } from "../../data-loaders/segment/index.ts";
import { assertSegmentationContract } from "./invariants.ts";
import { cleanedSample, goldSpeeches } from "./speech.ts";

/** Gold headings are compared leniently on trailing punctuation. */
const trimEnd = (s: string): string => s.trim().replace(/[。，,；;：:！!？?\s]+$/u, "");
const matches = (heading: string | null, gold: string): boolean =>
  heading !== null && trimEnd(heading).startsWith(trimEnd(gold));

interface Score {
  file: string;
  l1: string;
  l2: string;
  l3: string;
  closing: string;
}

const golds = goldSpeeches();
const results = golds.map((gold) => {
  const text = cleanedSample(gold);
  const seg = segmentSpeech(text);
  return { gold, text, seg };
});

function headingChildren(sections: readonly SectionNode[], parent: SectionNode): SectionNode[] {
  return sections.filter((s) => s.parent_id === parent.section_id && s.kind === "heading");
}

let l1Found = 0;
let l1Total = 0;
let l2Found = 0;
let l2Total = 0;
const scores: Score[] = [];
for (const { gold, text, seg } of results) {
  const l1 = seg.sections.filter((s) => s.level === 1 && s.kind === "heading");
  const l1Hits = gold.l1_headings.filter((g, i) => matches(l1[i]?.heading ?? null, g)).length;
  let l2Hits = 0;
  gold.l2_headings.forEach((golds2, i) => {
    const parent = l1[i];
    const kids = parent ? headingChildren(seg.sections, parent).map((s) => s.heading) : [];
    l2Hits += golds2.filter((g) => kids.some((h) => matches(h, g))).length;
  });
  const l2Gold = gold.l2_headings.flat().length;
  const l3 = seg.sections.filter((s) => s.level === 3 && s.kind === "heading").length;
  const closing = seg.sections.find((s) => s.kind === "closing");
  l1Found += l1Hits;
  l1Total += gold.l1_headings.length;
  l2Found += l2Hits;
  l2Total += l2Gold;
  scores.push({
    file: gold.file,
    l1: `${l1Hits}/${gold.l1_headings.length} (found ${l1.length})`,
    l2: `${l2Hits}/${l2Gold}`,
    l3: `${l3}${gold.l3_count !== undefined ? `/${gold.l3_count}` : ""}`,
    closing: closing ? JSON.stringify(text.slice(closing.start, closing.start + 12)) : "-",
  });
}
console.table(scores);
console.log(`L1 ${l1Found}/${l1Total}, L2 ${l2Found}/${l2Total}`);

test("every speech satisfies the segmentation contract", () => {
  for (const { text, seg } of results) assertSegmentationContract(text, seg);
});

test("all gold level-1 headings are found, in order, and nothing else at level 1", () => {
  for (const { gold, seg } of results) {
    const l1 = seg.sections.filter((s) => s.level === 1 && s.kind === "heading");
    assert.equal(l1.length, gold.l1_headings.length, gold.file);
    gold.l1_headings.forEach((g, i) =>
      assert.ok(matches(l1[i]!.heading, g), `${gold.file}: ${l1[i]!.heading} vs ${g}`),
    );
  }
  assert.equal(l1Found, 21);
});

test("at least 40 of the 44 gold level-2 headings are found under the right level-1 section", () => {
  assert.equal(l2Total, 44);
  assert.ok(l2Found >= 40, `L2 ${l2Found}/44`);
});

test("few spurious level-2 headings: at most one per file beyond the gold", () => {
  for (const { gold, seg } of results) {
    const l2 = seg.sections.filter((s) => s.level === 2 && s.kind === "heading");
    assert.ok(
      l2.length <= gold.l2_headings.flat().length + 1,
      `${gold.file}: ${l2.length} level-2 headings`,
    );
  }
});

test("002: the 一是/二是/三是 items are 18 level-3 sections inside the 1./2./3. sections", () => {
  const { seg } = results.find((r) => r.gold.file.startsWith("002"))!;
  const l3 = seg.sections.filter((s) => s.level === 3 && s.kind === "heading");
  assert.equal(l3.length, 18);
  for (const s of l3) {
    assert.match(s.heading!, /^[一二三]是/);
    const parent = seg.sections.find((p) => p.section_id === s.parent_id)!;
    assert.equal(parent.heading_style, "arabic");
  }
});

test("closing passages are detected where the gold puts them", () => {
  const closingOf = (prefix: string): string => {
    const { text, seg } = results.find((r) => r.gold.file.startsWith(prefix))!;
    const closing = seg.sections.find((s) => s.kind === "closing");
    assert.ok(closing, `${prefix} has a closing`);
    assert.equal(closing.end, text.length);
    return text.slice(closing.start);
  };
  assert.equal(closingOf("000"), "发言完毕，不当之处，请各位领导和同志们批评指正，谢谢。");
  assert.match(closingOf("001"), /^征程万里风正劲，重任千钧再奋蹄。/);
  assert.ok(!closingOf("001").includes("\n"), "001: only the last paragraph");
  assert.match(closingOf("002"), /^同志们，让我们紧密团结/);
  assert.equal(closingOf("003"), "发言完毕，谢谢大家。");
  assert.equal(closingOf("004"), "我就讲这些。谢谢！");
});

test("the preamble holds the title and salutation and ends where the first level-1 section starts", () => {
  for (const { gold, text, seg } of results) {
    const preamble = seg.sections[0]!;
    assert.equal(preamble.kind, "preamble");
    const body = text.slice(preamble.start, preamble.end);
    if (gold.salutation) assert.ok(body.includes(gold.salutation), gold.file);
    if (gold.title) assert.ok(body.includes(gold.title), gold.file);
    const firstL1 = seg.sections.find((s) => s.level === 1)!;
    assert.equal(preamble.end, firstL1.start);
  }
});
