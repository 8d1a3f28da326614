// The browser-sized aggregate loaders (src/data/theme_scores_speech, formulation_counts,
// formulation_kwic, speech_terms) agree with the full tables they summarise, on the published output.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import * as arrow from "apache-arrow";
import { readOutTable, type Row } from "../../src/lib/outTables.ts";
import { PROJECT_ROOT } from "../../scripts/site/pipeline-out.ts";
import { ensurePipelineOutput } from "./site-build.ts";

// On a fresh clone out/ is empty until something publishes the sample corpus.
ensurePipelineOutput();

/** Runs one loader as Framework does (a tsx child process) and reads its Arrow IPC output. */
function runLoader(file: string): Row[] {
  const bytes = execFileSync(
    process.execPath,
    ["--import", "tsx", join(PROJECT_ROOT, "src", "data", file)],
    {
      cwd: PROJECT_ROOT,
      maxBuffer: 1 << 30,
    },
  );
  return arrow
    .tableFromIPC(bytes)
    .toArray()
    .map((r) => {
      const o = r.toJSON() as Row;
      for (const [k, v] of Object.entries(o)) if (typeof v === "bigint") o[k] = Number(v);
      return o;
    });
}

const key = (...parts: unknown[]) => parts.map(String).join("\u0000");

describe("browser-sized aggregates", () => {
  test("theme_scores_speech = the '_all' rows of theme_scores, all columns", () => {
    const expected = readOutTable("theme_scores").filter((r) => r.section_id === "_all");
    const rows = runLoader("theme_scores_speech.arrow.ts");
    assert.ok(expected.length > 0);
    assert.deepEqual(rows, expected);
  });

  test("speech_terms: terms summed over sections, one row per speech × term, by speech then term", () => {
    const expected = new Map<string, number>();
    for (const r of readOutTable("terms")) {
      const k = key(r.speech_id, r.term);
      expected.set(k, (expected.get(k) ?? 0) + Number(r.count));
    }
    const rows = runLoader("speech_terms.arrow.ts");
    assert.ok(expected.size > 0);
    assert.equal(rows.length, expected.size);
    for (const r of rows) assert.equal(r.count, expected.get(key(r.speech_id, r.term)));
    const keys = rows.map((r) => key(r.speech_id, r.term));
    assert.deepEqual(
      keys,
      [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  });

  test("formulation_counts: per speech × formulation, sums to the number of hits", () => {
    const hits = readOutTable("formulation_hits");
    const expected = new Map<string, number>();
    for (const h of hits)
      expected.set(
        key(h.speech_id, h.formulation_id),
        (expected.get(key(h.speech_id, h.formulation_id)) ?? 0) + 1,
      );
    const rows = runLoader("formulation_counts.arrow.ts");
    assert.equal(rows.length, expected.size);
    for (const r of rows) assert.equal(r.hits, expected.get(key(r.speech_id, r.formulation_id)));
    assert.equal(
      rows.reduce((n, r) => n + Number(r.hits), 0),
      hits.length,
    );
  });

  test("formulation_kwic: every hit once, with its sentence; the offsets point at the match", () => {
    const hits = readOutTable("formulation_hits");
    const rows = runLoader("formulation_kwic.arrow.ts");
    assert.ok(hits.length > 0);
    assert.deepEqual(
      rows.map((r) => key(r.speech_id, r.formulation_id, r.start, r.end)).sort(),
      hits.map((h) => key(h.speech_id, h.formulation_id, h.start, h.end)).sort(),
    );
    const sentences = new Map(
      readOutTable("sentences").map((s) => [key(s.speech_id, s.sentence_id), s]),
    );
    for (const r of rows) {
      const s = sentences.get(key(r.speech_id, r.sentence_id));
      assert.ok(s, `sentence ${r.speech_id}/${r.sentence_id}`);
      assert.equal(r.text, s.text);
      assert.equal(r.s_start, s.start);
      const local = Number(r.start) - Number(r.s_start);
      assert.equal(String(r.text).slice(local, local + Number(r.end) - Number(r.start)), r.matched);
    }
  });
});
