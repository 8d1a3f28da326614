// term_stats and collocations shared between the worker thread and the main thread
// (corpus-tasks.ts): whichever thread writes a table, the files equal those written in-process,
// each table is written once, and a run that fails before handing data over does not hang.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { prng } from "../../scripts/bench/generate.ts";
import {
  writeCorpusTables,
  type CompactSpeech,
} from "../../data-loaders/pipeline/corpus-tables.ts";
import { corpusTasks } from "../../data-loaders/pipeline/corpus-tasks.ts";
import { readRows, type PartRef } from "../../data-loaders/pipeline/collector.ts";
import { serializeColumns, toRowBlock } from "../../data-loaders/pipeline/column-blocks.ts";
import { encodeRows } from "../../data-loaders/pipeline/encoded-rows.ts";
import { GroupCache } from "../../data-loaders/pipeline/group-cache.ts";
import {
  planGroups,
  writeSpeechGroupedTable,
  type SpeechPart,
} from "../../data-loaders/pipeline/table-writer.ts";
import { toCsv } from "../../data-loaders/publish/csv.ts";
import { toParquet } from "../../data-loaders/publish/parquet.ts";
import { termsTable } from "../../data-loaders/tables/language.ts";
import type { TermRow } from "../../data-loaders/types.ts";

const WORDS = ["干部", "队伍", "党建", "治理", "a,b", "😀", "组织", "基层", "人才", "作风"];

function corpus(seed: number, n: number): CompactSpeech[] {
  const rand = prng(seed);
  return Array.from({ length: n }, (_, s) => {
    const tokens: number[] = [];
    const ends: number[] = [];
    for (let j = 1 + Math.floor(rand() * 6); j > 0; j--) {
      for (let i = 2 + Math.floor(rand() * 8); i > 0; i--)
        tokens.push(Math.floor(rand() * rand() * WORDS.length));
      ends.push(tokens.length);
    }
    const counts = new Map<number, number>();
    for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
    const ids = [...counts.keys()].sort((a, b) => a - b);
    return {
      speechId: `s${String(s).padStart(3, "0")}`,
      speech: {
        han_chars: 20 + Math.floor(rand() * 400),
        year: rand() < 0.2 ? null : 2018 + Math.floor(rand() * 3),
        level: rand() < 0.5 ? "central" : "county",
        genre: rand() < 0.5 ? "report" : "conference_speech",
      },
      termIds: Int32Array.from(ids),
      termCounts: Int32Array.from(ids.map((t) => counts.get(t)!)),
      tokens: Int32Array.from(tokens),
      sentenceEnds: Int32Array.from(ends),
    };
  });
}

const copy = (speeches: CompactSpeech[]): CompactSpeech[] =>
  speeches.map((s) => ({
    ...s,
    termIds: s.termIds.slice(),
    termCounts: s.termCounts.slice(),
    tokens: s.tokens.slice(),
    sentenceEnds: s.sentenceEnds.slice(),
  }));

const FILES = ["term_stats.parquet", "term_stats.csv", "collocations.parquet", "collocations.csv"];

test("corpus tables shared between threads equal the in-process tables, byte for byte", async () => {
  const dir = mkdtempSync(join(tmpdir(), "corpus-tasks-"));
  try {
    const speeches = corpus(7, 120);
    const ref = join(dir, "ref");
    mkdirSync(ref);
    await writeCorpusTables(copy(speeches), WORDS, ref);
    // Finishing at once: this thread claims a table before the worker has its data. Finishing
    // once the worker is done with its tables: it has claimed both. Either way every table is written once, same bytes.
    for (const waitForWorker of [false, true]) {
      const out = join(dir, `tasks-${waitForWorker}`);
      mkdirSync(out);
      const tasks = corpusTasks();
      const mine = copy(speeches);
      tasks.start(mine, WORDS, out);
      assert.equal(mine[0]!.tokens.length, 0, "compact arrays handed over");
      if (waitForWorker) await tasks.workerTablesDone();
      const results = (await tasks.finish()).tables;
      assert.deepEqual(
        results.map((r) => r.name),
        ["term_stats", "collocations"],
      );
      // At once, this thread almost always takes term_stats (the worker has yet to receive its
      // data), but a descheduled main thread may lose the race: only the waiting case is fixed.
      if (waitForWorker) assert.ok(results.every((r) => r.thread === "worker"));
      for (const f of FILES)
        assert.ok(
          readFileSync(join(out, f)).equals(readFileSync(join(ref, f))),
          `${waitForWorker}: ${f}`,
        );
      assert.ok(results[0]!.rows > 50 && results[1]!.rows > 10, JSON.stringify(results));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a worker that never gets data does not keep the process alive, and stop() ends it", async () => {
  const tasks = corpusTasks();
  await assert.rejects(tasks.finish(), /before start/);
  tasks.stop();
});

/** Speeches' terms rows spilled to one file as the pipeline does (columns + CSV lines per
 *  speech), so that both threads can read them. */
function spilledTerms(dir: string, seed: number, count: number) {
  const rand = prng(seed);
  const fd = openSync(join(dir, "terms.part"), "w+");
  let at = 0;
  const put = (buf: Uint8Array): PartRef => {
    writeSync(fd, buf, 0, buf.length, at);
    const ref: PartRef = { file: fd, at: [at, buf.length] };
    at += buf.length;
    return ref;
  };
  const all: TermRow[] = [];
  const speeches = Array.from({ length: count }, (_, i) => {
    const id = `s${String(i).padStart(4, "0")}`;
    const n = rand() < 0.1 ? 0 : Math.floor(rand() * 1800);
    const rows = Array.from({ length: n }, (_, j) => ({
      speech_id: id,
      section_id: `${id}-${j % 3}`,
      term: ["干部", "组织", "，", '"引号"', "😀"][Math.floor(rand() * 5)]! + (j % 40),
      pos: rand() < 0.5 ? "n" : "v",
      count: 1 + Math.floor(rand() * 9),
    }));
    all.push(...rows);
    const block = toRowBlock(termsTable, encodeRows(termsTable, rows));
    const csv = typeof block.csv === "string" ? Buffer.from(block.csv) : block.csv!;
    return { id, rows: n, cols: put(serializeColumns(block)), csv: put(csv) };
  });
  const parts: SpeechPart[] = speeches.map((s) => ({
    speechId: s.id,
    rows: s.rows,
    storeKey: `${s.id}:1`,
    read: () => readRows(s.cols, s.csv),
  }));
  const refs = new Map(speeches.map((s) => [s.id, { cols: s.cols, csv: s.csv }]));
  return { parts, refs, all, close: () => closeSync(fd) };
}

test("the worker encodes row groups into the cache ahead of the main thread: same bytes", async () => {
  const dir = mkdtempSync(join(tmpdir(), "corpus-tasks-help-"));
  const terms = spilledTerms(dir, 11, 300);
  try {
    const expectParquet = Buffer.from(toParquet(termsTable, terms.all));
    const expectCsv = Buffer.from(toCsv(termsTable, terms.all));
    // Main thread waits for the worker (it encodes every group), then races it.
    for (const race of [false, true]) {
      const label = race ? "race" : "worker first";
      const cacheDir = join(dir, `groups-${race}`);
      const out = join(dir, `out-${race}`);
      mkdirSync(out);
      const cache = new GroupCache(cacheDir);
      const groups = planGroups(termsTable, terms.parts, cache);
      assert.ok(groups.length >= 4, `${groups.length} groups`);
      const tasks = corpusTasks();
      tasks.start(copy(corpus(5, 3)), WORDS, out, {
        cacheDir,
        tables: [{ spec: termsTable, groups, refs: (id) => terms.refs.get(id)! }],
      });
      const done = race ? null : await tasks.finish();
      const r = await writeSpeechGroupedTable(termsTable, terms.parts, join(out, "t"), cache, {
        claims: tasks.claims(0),
      });
      const { groupsHelped } = done ?? (await tasks.finish());
      assert.ok(readFileSync(join(out, "t.parquet")).equals(expectParquet), `${label}: parquet`);
      assert.ok(readFileSync(join(out, "t.csv")).equals(expectCsv), `${label}: csv`);
      assert.equal(r.reused + r.encoded, groups.length, label);
      if (!race) assert.deepEqual([groupsHelped, r.reused], [groups.length, groups.length]);
      else assert.ok(r.reused >= groupsHelped, `${label}: ${JSON.stringify(r)} ${groupsHelped}`);
    }
  } finally {
    terms.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
