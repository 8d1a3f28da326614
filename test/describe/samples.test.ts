// The five sample speeches against their gold annotations.
import { test } from "node:test";
import assert from "node:assert/strict";
import { describeSpeech } from "../../data-loaders/describe/index.ts";
import type { YearEvidence } from "../../data-loaders/types.ts";
import { loadGold, sampleFiles } from "../helpers/sample.ts";
import { describeInput } from "./sample-input.ts";

const gold = loadGold();
const byFile = new Map(gold.map((g) => [g.file, g]));

// Gold writes "explicit_title" for a year taken from the title; the row type calls that "title".
const BASIS: Record<string, string> = { explicit_title: "title" };

for (const file of sampleFiles()) {
  const g = byFile.get(file);
  if (!g) continue;
  test(`describe ${file} matches gold`, () => {
    const text = describeInput(file);
    const d = describeSpeech(text);
    assert.equal(d.title, g.title, "title");
    assert.equal(d.salutation, g.salutation, "salutation");
    assert.equal(d.closing, g.closing, "closing");
    assert.equal(d.genre, g.genre, "genre");
    assert.equal(d.level, g.level, "level");
    assert.equal(d.speaker_role, g.speaker_role ?? null, "speaker_role");
    assert.equal(d.year, g.year, "year");
    assert.equal(d.year_basis, BASIS[g.year_basis] ?? g.year_basis, "year_basis");
    assert.equal(d.year_conflict, g.year_conflict, "year_conflict");
    if (g.content_year !== undefined) assert.equal(d.content_year, g.content_year, "content_year");
    assert.equal(d.declared_chars, g.declared_chars ?? null, "declared_chars");
    assert.equal(d.placeholders, g.placeholders, "placeholders");
    assert.equal(d.chars, text.length);
    assert.ok(d.han_chars > 0.8 * d.chars, "mostly Han text");
    // Flags follow from the fields they summarise.
    const flags = d.quality_flags === "" ? [] : d.quality_flags.split(",");
    assert.deepEqual(flags, [...flags].sort());
    assert.equal(flags.includes("placeholders"), d.placeholders > 0);
    assert.equal(flags.includes("year_conflict"), d.year_conflict);
    assert.ok(!flags.includes("truncated"), "speeches end on a full sentence");
  });

  test(`evidence of ${file} points at the text`, () => {
    const text = describeInput(file);
    const ev = JSON.parse(describeSpeech(text).year_evidence) as YearEvidence[];
    assert.ok(ev.length > 0);
    for (const e of ev) {
      assert.equal(text.slice(e.start, e.end), e.snippet);
      assert.ok(["title", "body", "anchor"].includes(e.source));
      assert.ok(e.year !== undefined || e.not_before !== undefined || e.not_after !== undefined);
    }
  });
}

function evidence(file: string): YearEvidence[] {
  return JSON.parse(describeSpeech(describeInput(file)).year_evidence) as YearEvidence[];
}

test("000: inferred from anchors that agree on 2023", () => {
  const d = describeSpeech(describeInput("000_d108770cd218d47d.txt"));
  assert.equal(d.content_year, 2023);
  assert.equal(d.year_min, 2023);
  const rules = evidence("000_d108770cd218d47d.txt").map((e) => e.rule);
  for (const r of ["anchor:six_systems", "anchor:members_9804", "anchor:xi_thought_campaign_2023"])
    assert.ok(rules.includes(r), r);
  assert.ok(!evidence("000_d108770cd218d47d.txt").some((e) => e.conflict));
});

test("001: the convening sentence gives the year", () => {
  const ev = evidence("001_06fcc12ac9c3bf04.txt").filter((e) => e.rule === "event_year");
  assert.equal(ev.length, 1);
  assert.match(ev[0]?.snippet ?? "", /召开2023年全市组织工作会议/);
  const d = describeSpeech(describeInput("001_06fcc12ac9c3bf04.txt"));
  assert.match(d.quality_flags, /unbalanced_quotes/);
});

test("002: a 2020 speech relabelled 2024 is surfaced as a conflict with both sides in evidence", () => {
  const ev = evidence("002_2a4cd31ebcd3fa37.txt");
  const title = ev.find((e) => e.rule === "title_year");
  assert.equal(title?.year, 2024);
  assert.equal(title?.source, "title");
  const final = ev.find((e) => e.rule === "anchor:fyp13_final_year");
  assert.equal(final?.year, 2020);
  assert.equal(final?.conflict, true);
  assert.match(final?.snippet ?? "", /十三五”规划的收官之年/);
  assert.ok(ev.some((e) => e.rule === "year_statement" && e.year === 2024));
  assert.ok(ev.some((e) => e.rule === "anchor:decisive_battle_poverty"));
});

test("004: title year and the dated opening agree", () => {
  const ev = evidence("004_2f04eb6102678197.txt");
  assert.ok(ev.some((e) => e.rule === "title_year" && e.year === 2023));
  const dl = ev.find((e) => e.rule === "dateline");
  assert.equal(dl?.year, 2023);
  assert.match(dl?.snippet ?? "", /^2023年6月28日至29日/);
  assert.ok(!ev.some((e) => e.conflict));
});
