// The bundled sample corpus through the real command, held to the hand annotations in
// ../shared/corpus/sample-gold.json.
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadGold, SAMPLE_DIR } from "../helpers/sample.ts";
import { pipelineOutput, readTable } from "../helpers/run-cli.ts";
import type { RemovalRow, SectionRow, SpeechRow } from "../../data-loaders/types.ts";

const gold = loadGold();
const out = pipelineOutput(SAMPLE_DIR);
const speeches = readTable<SpeechRow>(out, "speeches");
const sections = readTable<SectionRow>(out, "sections");
const removals = readTable<RemovalRow>(out, "removals");
const byFile = new Map(speeches.map((s) => [s.source_file, s]));

const strip = (s: string) => s.replace(/[。，；：:,;\s]+$/u, "");
const sameHeading = (found: string | null, expected: string) =>
  found !== null && (strip(found) === strip(expected) || strip(found).startsWith(strip(expected)));

test("every sample file becomes one speech", () => {
  assert.equal(speeches.length, gold.length);
  for (const g of gold) assert.ok(byFile.has(g.file), g.file);
});

test("all 21 level-1 headings are found, in order, and nothing else is level 1", () => {
  let found = 0;
  let expected = 0;
  for (const g of gold) {
    const s = byFile.get(g.file)!;
    const l1 = sections
      .filter((x) => x.speech_id === s.speech_id && x.level === 1)
      .sort((a, b) => a.start - b.start);
    expected += g.l1_headings.length;
    assert.equal(
      l1.length,
      g.l1_headings.length,
      `${g.file}: ${l1.map((x) => x.heading).join(" | ")}`,
    );
    g.l1_headings.forEach((h, i) => {
      assert.ok(
        sameHeading(l1[i]!.heading, h),
        `${g.file} L1 #${i + 1}: got ${l1[i]!.heading}, want ${h}`,
      );
      found++;
    });
  }
  assert.equal(found, 21);
  assert.equal(expected, 21);
});

test("at least 40 of the 44 level-2 headings are found under the right level-1 section", () => {
  let found = 0;
  let total = 0;
  const misses: string[] = [];
  for (const g of gold) {
    const s = byFile.get(g.file)!;
    const mine = sections.filter((x) => x.speech_id === s.speech_id);
    const l1 = mine.filter((x) => x.level === 1).sort((a, b) => a.start - b.start);
    g.l2_headings.forEach((list, i) => {
      const parent = l1[i]!;
      const l2 = mine.filter((x) => x.level === 2 && x.parent_id === parent.section_id);
      for (const h of list) {
        total++;
        if (l2.some((x) => sameHeading(x.heading, h))) found++;
        else misses.push(`${g.file}: ${h}`);
      }
    });
  }
  console.log(`L2 headings: ${found}/${total}; missed: ${misses.join("; ") || "none"}`);
  assert.equal(total, 44);
  assert.ok(found >= 40, `only ${found}/44: ${misses.join("; ")}`);
});

test("sample 002 has its 18 level-3 items", () => {
  const s = byFile.get("002_2a4cd31ebcd3fa37.txt")!;
  assert.equal(
    sections.filter((x) => x.speech_id === s.speech_id && x.level === 3 && x.kind === "heading")
      .length,
    18,
  );
});

test("year, year basis, conflict, content year, level, genre and placeholders as annotated", () => {
  const basis = (b: string) => (b === "explicit_title" ? "title" : b);
  for (const g of gold) {
    const s = byFile.get(g.file)!;
    assert.equal(s.year, g.year, `${g.file} year`);
    assert.equal(s.year_basis, basis(g.year_basis), `${g.file} year_basis`);
    assert.equal(s.year_conflict, g.year_conflict, `${g.file} year_conflict`);
    if (g.content_year !== undefined)
      assert.equal(s.content_year, g.content_year, `${g.file} content_year`);
    assert.equal(s.level, g.level, `${g.file} level`);
    assert.equal(s.genre, g.genre, `${g.file} genre`);
    assert.equal(s.placeholders, g.placeholders, `${g.file} placeholders`);
    assert.equal(s.title, g.title, `${g.file} title`);
    assert.equal(s.salutation, g.salutation, `${g.file} salutation`);
    assert.equal(s.closing, g.closing, `${g.file} closing`);
    if (g.declared_chars !== undefined) assert.equal(s.declared_chars, g.declared_chars);
    if (g.placeholders > 0) assert.match(s.quality_flags, /placeholders/);
  }
  const s002 = byFile.get("002_2a4cd31ebcd3fa37.txt")!;
  const evidence = JSON.parse(s002.year_evidence) as { snippet: string }[];
  assert.ok(
    evidence.some((e) => e.snippet.includes("2024年全市组织工作会议")),
    "title evidence",
  );
  assert.ok(
    evidence.some((e) => e.snippet.includes("收官之年")),
    "content evidence",
  );
  assert.match(s002.quality_flags, /year_conflict/);
});

test("both ad blocks are removed and logged with their rule ids; nothing else is removed", () => {
  const s002 = byFile.get("002_2a4cd31ebcd3fa37.txt")!;
  const s004 = byFile.get("004_2f04eb6102678197.txt")!;
  const r002 = removals.filter((r) => r.speech_id === s002.speech_id);
  const r004 = removals.filter((r) => r.speech_id === s004.speech_id);
  assert.equal(r002.length, 1);
  assert.ok(r002[0]!.text.includes("中词库网"));
  assert.ok(r004.length >= 1);
  const removed004 = r004.map((r) => r.text).join("");
  assert.ok(removed004.includes("【哒哒素材库】") && removed004.includes("##paidend##"));
  for (const r of [...r002, ...r004]) assert.ok(r.rule_id.length > 0 && r.end > r.start);
  assert.equal(removals.length, r002.length + r004.length, "no removals in 000, 001, 003");
  assert.match(s004.quality_flags, /removed_boilerplate/);
});
