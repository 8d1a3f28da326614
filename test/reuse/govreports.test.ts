// Reuse through the data command on a real corpus: the central government work reports
// (../shared/corpora/govreports). Reports of nearby years share stock passages (the thanks of the
// State Council, the paragraphs on the armed forces and on Hong Kong and Macao); the rows must
// point at real, equal-length-ish text on both sides.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import type { ReusePassageRow } from "../../data-loaders/tables/reuse.ts";
import type { SentenceRow, SpeechRow } from "../../data-loaders/types.ts";
import { countHan } from "../../data-loaders/describe/text-stats.ts";
import { pipelineOutput, readTable } from "../helpers/run-cli.ts";
import { GOVREPORTS_DIR } from "../helpers/sample.ts";

test(
  "government reports: shared passages lie in both texts and join reports a few years apart",
  { skip: !existsSync(GOVREPORTS_DIR) && "../shared/corpora/govreports is not here" },
  () => {
    const out = pipelineOutput(GOVREPORTS_DIR);
    const speeches = readTable<SpeechRow & { reused_chars: number }>(out, "speeches");
    const rows = readTable<ReusePassageRow>(out, "reuse_passages");
    // Cleaned texts rebuilt from the sentences, which partition them.
    const sentences = readTable<SentenceRow>(out, "sentences");
    const text = new Map<string, string>();
    for (const s of [...sentences].sort((a, b) => a.start - b.start))
      text.set(s.speech_id, (text.get(s.speech_id) ?? "") + s.text);
    const year = new Map(speeches.map((s) => [s.speech_id, s.year]));

    assert.ok(rows.length >= 100, `${rows.length} rows`);
    for (const r of rows) {
      const a = text.get(r.speech_id)!.slice(r.start, r.end);
      const b = text.get(r.other_speech_id)!.slice(r.other_start, r.other_end);
      assert.equal(countHan(a), r.chars);
      assert.ok(r.chars >= 50);
      // The two sides of an alignment are of comparable length.
      const hb = countHan(b);
      assert.ok(hb >= 0.6 * r.chars && hb <= r.chars / 0.6, `${r.chars} vs ${hb}`);
    }
    // Most passage pairs join reports at most five years apart.
    const gaps = rows.map((r) => Math.abs(year.get(r.speech_id)! - year.get(r.other_speech_id)!));
    const near = gaps.filter((g) => g <= 5).length / gaps.length;
    assert.ok(near >= 0.8, `share of pairs <= 5 years apart: ${near}`);
    // The per-speech column agrees with the rows: a speech with rows has reused characters.
    const withRows = new Set(rows.map((r) => r.speech_id));
    for (const s of speeches) assert.equal(s.reused_chars > 0, withRows.has(s.speech_id));
  },
);
