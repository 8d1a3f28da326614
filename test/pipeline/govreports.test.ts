// A larger, differently formatted real corpus (central government work reports, 1954-2022):
// every file ingested, the right year found, level-1 outline found where 一、 headings exist.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ManifestRow, SectionRow, SpeechRow } from "../../data-loaders/types.ts";
import { pipelineOutput, readTable } from "../helpers/run-cli.ts";
import { GOVREPORTS_DIR } from "../helpers/sample.ts";

const files = readdirSync(GOVREPORTS_DIR).filter((f) => f.endsWith(".txt"));
const out = pipelineOutput(GOVREPORTS_DIR);
const manifest = readTable<ManifestRow>(out, "manifest");
const speeches = readTable<SpeechRow>(out, "speeches");
const sections = readTable<SectionRow>(out, "sections");

test("every report is ingested (README.md is ingested or quarantined, SOURCES.tsv accounted for)", () => {
  for (const f of files) assert.equal(manifest.find((m) => m.path === f)?.status, "ingested", f);
  assert.equal(manifest.length, readdirSync(GOVREPORTS_DIR).length);
});

test("each report's year is found and matches its file name", () => {
  const misses: string[] = [];
  for (const f of files) {
    const s = speeches.find((x) => x.source_file === f)!;
    const want = Number(f.match(/(\d{4})/)![1]);
    if (s.year !== want) misses.push(`${f}: ${s.year} (${s.year_basis})`);
    assert.equal(s.genre, "report", f);
    assert.equal(s.level, "central", f);
  }
  assert.deepEqual(misses, []);
});

test("reports with 一、 heading lines get a level-1 outline numbered in sequence", () => {
  let checked = 0;
  for (const f of files) {
    const text = readFileSync(join(GOVREPORTS_DIR, f), "utf8");
    if (!/^\s*一、/m.test(text)) continue;
    checked++;
    const s = speeches.find((x) => x.source_file === f)!;
    const l1 = sections.filter((x) => x.speech_id === s.speech_id && x.level === 1);
    assert.ok(l1.length >= 2, `${f}: ${l1.length} level-1 sections`);
    assert.deepEqual(
      l1.map((x) => x.ordinal),
      l1.map((_, i) => i + 1),
      f,
    );
  }
  assert.ok(checked >= 30, `only ${checked} reports with 一、 lines`);
});
