// publish/speech-parts.ts: a speech's part (CSV lines written by the worker) goes through the
// main process's byte-level assembly and DuckDB's read_csv back to the same values, in order:
// quotes, commas, newlines, empty string against null, doubles, booleans, a row over DuckDB's
// 2 MB default line size, and the sentences' terms as lists.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openEngine } from "../../data-loaders/publish/duckdb.ts";
import {
  assembleParts,
  encodePart,
  partsSource,
  sentenceTermsSource,
  SPEECH_TABLES,
  type SpeechTable,
} from "../../data-loaders/publish/speech-parts.ts";

const none = (): Record<SpeechTable, object[]> =>
  Object.fromEntries(Object.keys(SPEECH_TABLES).map((t) => [t, []])) as never;

const removal = (speech_id: string, text: string, start: number) => ({
  speech_id,
  source_file: `dir, "quoted"/${speech_id}.txt`,
  rule_id: "footer",
  start,
  end: start + text.length,
  text,
});
const score = (speech_id: string, rate: number, share: number, dominant: boolean) => ({
  speech_id,
  section_id: "_all",
  theme_id: "t1",
  hits: 3,
  han_chars: 7,
  rate_per_10k: rate,
  share,
  dominant,
});
const long = "长".repeat(1_000_000); // 3 MB of UTF-8 in one cell

const speeches = [
  {
    rows: {
      ...none(),
      removals: [
        removal("a", '两个确立，“两个维护”,"quoted"\nnext line\r\n', 0),
        removal("a", "", 5),
        removal("a", long, 9),
      ],
      theme_scores: [score("a", 0.1 + 0.2, 1 / 3, true), score("a", 1e-7, 0, false)],
    },
    terms: [["两个维护", 'say "x"', "a,b"], [], ["\\n", "😀𠮷"]],
  },
  { rows: none(), terms: [] },
  {
    rows: { ...none(), theme_scores: [score("c", 12345.678, 0, false)] },
    terms: [["中国"]],
  },
];

test("parts assembled and read back give every value, in order", async () => {
  const dir = mkdtempSync(join(tmpdir(), "speech-parts-"));
  const parts = speeches.map((s, i) => {
    const part = encodePart(s.rows, s.terms);
    const file = join(dir, `${i}.part.csv`);
    writeFileSync(file, part.data);
    return { file, bytes: part.bytes };
  });
  const assembled = assembleParts(parts, dir);
  const db = await openEngine({ threads: 4 });
  try {
    const read = (spec: (typeof SPEECH_TABLES)[SpeechTable]) =>
      db.rows(`SELECT * FROM (${partsSource(spec, assembled)})`);
    assert.deepEqual(
      await read(SPEECH_TABLES.removals),
      speeches.flatMap((s) => s.rows.removals),
    );
    assert.deepEqual(
      await read(SPEECH_TABLES.theme_scores),
      speeches.flatMap((s) => s.rows.theme_scores),
    );
    assert.deepEqual(await read(SPEECH_TABLES.terms), []);
    const terms = await db.rows(sentenceTermsSource(assembled));
    assert.deepEqual(
      terms.map((r) => r.terms),
      speeches.flatMap((s) => s.terms),
    );
  } finally {
    db.close();
  }
});

test("a part whose size differs from its outcome's is refused", () => {
  const dir = mkdtempSync(join(tmpdir(), "speech-parts-"));
  const part = encodePart(none(), [["x"]]);
  const file = join(dir, "p.part.csv");
  writeFileSync(file, part.data);
  assert.throws(
    () => assembleParts([{ file, bytes: part.bytes.map((n) => n + 1) }], dir),
    /not the part its outcome describes/,
  );
});
