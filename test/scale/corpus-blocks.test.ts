// term_stats and collocations written from blocks built cell by cell (block-builder.ts) equal the
// same rows written as row objects (encoded-rows.ts), byte for byte, Parquet and CSV, on random
// corpora whose terms need CSV quoting, the formula guard, and 4-byte UTF-8.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { prng } from "../../scripts/bench/generate.ts";
import { collocations } from "../../data-loaders/language/collocations.ts";
import {
  collocationBlocks,
  collocationChunks,
} from "../../data-loaders/pipeline/collocations-stream.ts";
import type { CompactSpeech } from "../../data-loaders/pipeline/corpus-tables.ts";
import {
  writeEncodedTable,
  writeTableStreaming,
} from "../../data-loaders/pipeline/table-writer.ts";
import { termStatsBlocks, termStatsChunks } from "../../data-loaders/pipeline/term-stats-stream.ts";
import { collocationsTable, termStatsTable } from "../../data-loaders/tables/language.ts";

const WORDS = [
  "干部",
  "a,b",
  '说"话',
  "=SUM",
  "-1",
  "+x",
  "@me",
  "😀",
  "治理",
  "队伍",
  "党建",
  "B",
];

function corpus(seed: number, nSpeeches: number): CompactSpeech[] {
  const rand = prng(seed);
  const speeches: CompactSpeech[] = [];
  for (let s = 0; s < nSpeeches; s++) {
    const tokens: number[] = [];
    const ends: number[] = [];
    for (let j = Math.floor(rand() * 6); j > 0; j--) {
      for (let i = Math.floor(rand() * 9); i > 0; i--)
        tokens.push(Math.floor(rand() * rand() * WORDS.length));
      ends.push(tokens.length);
    }
    const counts = new Map<number, number>();
    for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
    const ids = [...counts.keys()].sort((a, b) => a - b);
    speeches.push({
      speechId: `s,${String(s).padStart(3, "0")}`,
      speech: {
        han_chars: Math.floor(rand() * 40),
        year: rand() < 0.2 ? null : 2000 + Math.floor(rand() * 3),
        level: rand() < 0.5 ? "central" : "county",
        genre: "other",
      },
      termIds: Int32Array.from(ids),
      termCounts: Int32Array.from(ids.map((t) => counts.get(t)!)),
      tokens: Int32Array.from(tokens),
      sentenceEnds: Int32Array.from(ends),
    });
  }
  return speeches;
}

async function sameFiles(
  write: (base: string) => Promise<unknown>,
  writeRef: (base: string) => Promise<unknown>,
): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "corpus-blocks-"));
  try {
    await write(join(dir, "blocks"));
    await writeRef(join(dir, "rows"));
    for (const ext of ["parquet", "csv"])
      assert.ok(
        readFileSync(join(dir, `blocks.${ext}`)).equals(readFileSync(join(dir, `rows.${ext}`))),
        ext,
      );
    return readFileSync(join(dir, "rows.csv"), "utf8").split("\n").length - 2;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("term_stats blocks equal term_stats rows, byte for byte", async () => {
  for (const [seed, blockRows] of [
    [1, 7],
    [2, 1000],
  ] as const) {
    const speeches = corpus(seed, 40);
    const rows = await sameFiles(
      (base) =>
        writeEncodedTable(termStatsTable, termStatsBlocks(speeches, WORDS, blockRows), base),
      (base) => writeTableStreaming(termStatsTable, termStatsChunks(speeches, WORDS, 5), base),
    );
    assert.ok(rows > 50, `seed ${seed}: ${rows} rows`);
  }
});

test("collocation blocks equal collocation rows, byte for byte", async () => {
  for (const [seed, blockRows] of [
    [3, 5],
    [4, 1000],
  ] as const) {
    const speeches = corpus(seed, 60);
    const rows = await sameFiles(
      (base) =>
        writeEncodedTable(
          collocationsTable,
          collocationBlocks(speeches, WORDS, blockRows, { minCount: 1 }),
          base,
        ),
      (base) =>
        writeTableStreaming(
          collocationsTable,
          collocationChunks(speeches, WORDS, { minCount: 1 }),
          base,
        ),
    );
    assert.ok(rows > 20, `seed ${seed}: ${rows} rows`);
  }
});

test("collocations with more terms than 16-bit ranks hold equal collocations()", () => {
  // 70,000 terms, each in two sentences of four: the sentences are stored as 32-bit ranks.
  const n = 70_000;
  const words = Array.from({ length: n }, (_, i) => `w${String(i).padStart(5, "0")}`);
  const tokens: number[] = [];
  const ends: number[] = [];
  const sentences: string[][] = [];
  for (const step of [1, 7]) {
    for (let start = 0; start < n; start += 4) {
      const ids = [0, 1, 2, 3].map((d) => ((start + d) * step) % n);
      tokens.push(...ids);
      ends.push(tokens.length);
      sentences.push(ids.map((t) => words[t]!));
    }
  }
  const speech: CompactSpeech = {
    speechId: "s",
    speech: { han_chars: 1, year: null, level: "unknown", genre: "other" },
    termIds: new Int32Array(0),
    termCounts: new Int32Array(0),
    tokens: Int32Array.from(tokens),
    sentenceEnds: Int32Array.from(ends),
  };
  const streamed = [...collocationChunks([speech], words, { minCount: 1 })].flat();
  assert.deepEqual(streamed, collocations(sentences, { minCount: 1 }));
  assert.ok(streamed.length > n);
});
