// The 43 central government work reports: a larger, differently formatted real corpus. Each file
// name carries its year (gov_report_YYYY.txt), which the describe stage must find on its own.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describeSpeech } from "../../data-loaders/describe/index.ts";
import { GOVREPORTS_DIR } from "../helpers/sample.ts";

/** Stand-in for ingest + clean: unify line endings, trim lines, drop empty ones. */
function readReport(file: string): string {
  return readFileSync(join(GOVREPORTS_DIR, file), "utf8")
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join("\n");
}

const files = readdirSync(GOVREPORTS_DIR)
  .filter((f) => /^gov_report_\d{4}\.txt$/.test(f))
  .sort();
const described = files.map((f) => ({
  file: f,
  fileYear: Number(f.slice(11, 15)),
  d: describeSpeech(readReport(f)),
}));

test("govreports: the corpus is there", () => {
  assert.equal(files.length, 43);
});

test("govreports: year matches the file-name year for at least 40 of 43", () => {
  const misses = described.filter((r) => r.d.year !== r.fileYear);
  for (const m of misses) console.log(`year miss: ${m.file} → ${m.d.year} (${m.d.year_basis})`);
  assert.ok(described.length - misses.length >= 40, `${misses.length} misses`);
  // The delivery date heads each report: a stated year, never a guess.
  assert.ok(described.filter((r) => r.d.year_basis === "explicit").length >= 40);
});

test("govreports: dated anchors never contradict the stated year", () => {
  const conflicts = described.filter((r) => r.d.year_conflict);
  for (const c of conflicts) console.log(`conflict: ${c.file}`, c.d.year_evidence.slice(0, 300));
  assert.ok(conflicts.length <= 2, `${conflicts.length} conflicts`);
  // Where anchors give a window, the true year lies inside it.
  const outside = described.filter(
    (r) =>
      (r.d.year_min !== null && r.fileYear < r.d.year_min) ||
      (r.d.year_max !== null && r.fileYear > r.d.year_max),
  );
  assert.ok(outside.length <= 2, outside.map((r) => r.file).join(", "));
});

test("govreports: genre report, level central, a State Council speaker", () => {
  assert.ok(described.filter((r) => r.d.genre === "report").length >= 41);
  assert.ok(described.filter((r) => r.d.level === "central").length >= 41);
  assert.ok(
    described.filter((r) => r.d.speaker_role !== null && /总理|国务委员/.test(r.d.speaker_role))
      .length >= 40,
  );
  assert.ok(described.every((r) => r.d.title !== null && /报告/.test(r.d.title)));
  assert.ok(described.every((r) => r.d.placeholders === 0));
});
