// Row groups of whole speeches (publish/row-groups.ts) and their reuse between runs
// (pipeline/group-cache.ts): the streaming writer gives the bytes of the in-memory reference
// (publish/parquet.ts toParquet, publish/csv.ts toCsv) whether groups are encoded or copied from
// the cache, and a one-speech change re-encodes only the row groups around that speech.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { readParquet } from "parquet-wasm";
import { prng } from "../../scripts/bench/generate.ts";
import { toRowBlock } from "../../data-loaders/pipeline/column-blocks.ts";
import { encodeRows } from "../../data-loaders/pipeline/encoded-rows.ts";
import { GroupCache } from "../../data-loaders/pipeline/group-cache.ts";
import {
  writeSpeechGroupedTable,
  type SpeechPart,
} from "../../data-loaders/pipeline/table-writer.ts";
import { toCsv } from "../../data-loaders/publish/csv.ts";
import { toParquet } from "../../data-loaders/publish/parquet.ts";
import {
  MAX_ROWS,
  MIN_ROWS,
  RowGroupCutter,
  speechRowGroups,
} from "../../data-loaders/publish/row-groups.ts";
import { termsTable } from "../../data-loaders/tables/language.ts";
import { decodeStruct, field, type TList } from "../../data-loaders/publish/thrift-compact.ts";
import type { TermRow } from "../../data-loaders/types.ts";

interface Speech {
  id: string;
  /** Stands in for the speech-store key: changes when the speech's rows do. */
  key: string;
  rows: TermRow[];
}

function speech(rand: () => number, id: string, n: number, version = 0): Speech {
  const rows = Array.from({ length: n }, (_, i) => ({
    speech_id: id,
    section_id: `${id}-${i % 4}`,
    term:
      ["干部", "组织", "党建", "，", '"引号"', "😀", "作风"][Math.floor(rand() * 7)]! + (i % 50),
    pos: rand() < 0.5 ? "n" : "v",
    count: 1 + Math.floor(rand() * 9),
  }));
  return { id, key: `${id}:${version}`, rows };
}

/** Speeches in id order with skewed sizes: many short ones, some empty, a few long. */
function corpus(seed: number, count: number): Speech[] {
  const rand = prng(seed);
  return Array.from({ length: count }, (_, i) => {
    const r = rand();
    const n = r < 0.05 ? 0 : r < 0.9 ? Math.floor(rand() * 1500) : 3000 + Math.floor(rand() * 9000);
    return speech(rand, `s${String(i).padStart(5, "0")}`, n);
  });
}

const parts = (speeches: readonly Speech[], reads: { n: number }): SpeechPart[] =>
  speeches.map((s) => ({
    speechId: s.id,
    rows: s.rows.length,
    storeKey: s.key,
    read: () => {
      reads.n++;
      return toRowBlock(termsTable, encodeRows(termsTable, s.rows));
    },
  }));

test("groups hold whole speeches, end where the rule says, and stay within bounds", () => {
  const speeches = corpus(1, 600).map((s) => ({ speechId: s.id, rows: s.rows.length }));
  const groups = speechRowGroups(speeches);
  assert.equal(groups[0]![0], 0);
  assert.equal(groups.at(-1)![1], speeches.length);
  for (let g = 1; g < groups.length; g++) assert.equal(groups[g]![0], groups[g - 1]![1]);
  const sizes = groups.map(([a, b]) => speeches.slice(a, b).reduce((n, s) => n + s.rows, 0));
  // Every group but the last reaches MIN_ROWS; none passes MAX_ROWS by more than one speech.
  sizes.slice(0, -1).forEach((n) => assert.ok(n >= MIN_ROWS, `group of ${n} rows`));
  groups.forEach(([a, b], g) => {
    const lastRows = speeches[b - 1]!.rows;
    assert.ok(sizes[g]! - lastRows < MAX_ROWS, `group ${g} ran past MAX_ROWS`);
  });
  assert.ok(groups.length >= 3, `expected several groups, got ${groups.length}`);
  // A speech without rows never ends a group.
  const cutter = new RowGroupCutter();
  for (let i = 0; i < 1000; i++) assert.equal(cutter.push(`s${i}`, 0), false);
});

test("grouped writer = toParquet/toCsv, encoded or from the cache; a change re-encodes locally", async () => {
  const dir = mkdtempSync(join(tmpdir(), "atlas-groups-"));
  try {
    const speeches = corpus(2, 500);
    const all = speeches.flatMap((s) => s.rows);
    const expectParquet = Buffer.from(toParquet(termsTable, all));
    const expectCsv = Buffer.from(toCsv(termsTable, all));
    const check = (label: string) => {
      assert.ok(readFileSync(join(dir, "t.parquet")).equals(expectParquet), `${label}: parquet`);
      assert.ok(readFileSync(join(dir, "t.csv")).equals(expectCsv), `${label}: csv`);
    };

    // No cache: every group encoded.
    const plain = await writeSpeechGroupedTable(
      termsTable,
      parts(speeches, { n: 0 }),
      join(dir, "t"),
      null,
    );
    assert.equal(plain.rows, all.length);
    assert.equal(plain.reused, 0);
    check("no cache");
    const groupCount = plain.encoded;
    assert.ok(groupCount >= 3);

    // First run with a cache: encoded and stored; second run: all copied, no speech read.
    const cache = new GroupCache(join(dir, "groups"));
    const first = await writeSpeechGroupedTable(
      termsTable,
      parts(speeches, { n: 0 }),
      join(dir, "t"),
      cache,
    );
    assert.deepEqual([first.reused, first.encoded], [0, groupCount]);
    check("cold cache");
    const reads = { n: 0 };
    const warm = new GroupCache(join(dir, "groups"));
    const second = await writeSpeechGroupedTable(
      termsTable,
      parts(speeches, reads),
      join(dir, "t"),
      warm,
    );
    assert.deepEqual([second.reused, second.encoded, reads.n], [groupCount, 0, 0]);
    check("warm cache");
    assert.equal(warm.prune(), 0, "every entry was used");

    // One speech in the middle changes: only the groups around it are encoded again.
    const changed = speeches.slice();
    const at = 250;
    changed[at] = speech(prng(9), speeches[at]!.id, speeches[at]!.rows.length + 400, 1);
    const rows2 = changed.flatMap((s) => s.rows);
    const reads2 = { n: 0 };
    const after = new GroupCache(join(dir, "groups"));
    const third = await writeSpeechGroupedTable(
      termsTable,
      parts(changed, reads2),
      join(dir, "t"),
      after,
    );
    assert.ok(third.encoded >= 1 && third.encoded <= 2, `re-encoded ${third.encoded} groups`);
    assert.ok(reads2.n < changed.length / 4, `read back ${reads2.n} speeches`);
    assert.ok(
      readFileSync(join(dir, "t.parquet")).equals(Buffer.from(toParquet(termsTable, rows2))),
      "after a change: parquet",
    );
    assert.ok(readFileSync(join(dir, "t.csv")).equals(Buffer.from(toCsv(termsTable, rows2))));
    const back = tableFromIPC(readParquet(readFileSync(join(dir, "t.parquet"))).intoIPCStream());
    assert.equal(back.numRows, rows2.length);
    // Temp files: a fresh one may be another run's entry being written (kept); an old one is a
    // leftover (removed).
    const tmpDir = join(dir, "groups", "zz");
    mkdirSync(tmpDir, { recursive: true });
    writeFileSync(join(tmpDir, "a.sag.fresh.tmp"), "x");
    writeFileSync(join(tmpDir, "b.sag.old.tmp"), "x");
    const twoHoursAgo = new Date(Date.now() - 7200_000);
    utimesSync(join(tmpDir, "b.sag.old.tmp"), twoHoursAgo, twoHoursAgo);
    assert.equal(after.prune(), third.encoded, "the replaced groups' entries are pruned");
    assert.deepEqual(readdirSync(tmpDir), ["a.sag.fresh.tmp"]);
    rmSync(tmpDir, { recursive: true });

    // A damaged entry is ignored and rewritten, never used.
    const sub = readdirSync(join(dir, "groups")).find((d) => !d.endsWith(".tmp"))!;
    const entry = join(dir, "groups", sub, readdirSync(join(dir, "groups", sub))[0]!);
    writeFileSync(entry, readFileSync(entry).subarray(0, 100));
    const again = await writeSpeechGroupedTable(
      termsTable,
      parts(changed, { n: 0 }),
      join(dir, "t"),
      new GroupCache(join(dir, "groups")),
    );
    assert.equal(again.encoded, 1);
    assert.ok(
      readFileSync(join(dir, "t.parquet")).equals(Buffer.from(toParquet(termsTable, rows2))),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an empty table and a table of speeches without rows give the reference's empty file", async () => {
  const dir = mkdtempSync(join(tmpdir(), "atlas-groups-"));
  try {
    const empty = Buffer.from(toParquet(termsTable, []));
    for (const speeches of [[], [speech(prng(1), "s1", 0), speech(prng(1), "s2", 0)]]) {
      const r = await writeSpeechGroupedTable(
        termsTable,
        parts(speeches, { n: 0 }),
        join(dir, "e"),
        null,
      );
      assert.equal(r.rows, 0);
      assert.ok(readFileSync(join(dir, "e.parquet")).equals(empty));
      assert.ok(readFileSync(join(dir, "e.csv")).equals(Buffer.from(toCsv(termsTable, []))));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a speech longer than MAX_ROWS is one group of several row groups, as in the reference", async () => {
  const dir = mkdtempSync(join(tmpdir(), "atlas-groups-"));
  try {
    const rand = prng(4);
    const speeches = [
      speech(rand, "s1", 50),
      speech(rand, "s2", MAX_ROWS + 10),
      speech(rand, "s3", 5),
    ];
    const all = speeches.flatMap((s) => s.rows);
    const r = await writeSpeechGroupedTable(
      termsTable,
      parts(speeches, { n: 0 }),
      join(dir, "t"),
      null,
    );
    assert.equal(r.rows, all.length);
    const bytes = readFileSync(join(dir, "t.parquet"));
    assert.ok(bytes.equals(Buffer.from(toParquet(termsTable, all))));
    const back = tableFromIPC(readParquet(bytes).intoIPCStream());
    assert.equal(back.numRows, all.length);
    const footer = decodeStruct(
      bytes.subarray(bytes.length - 8 - bytes.readUInt32LE(bytes.length - 8), -8),
    );
    const rowGroups = (field(footer, 4)!.value as TList).items.length;
    // s1 + s2 reach MAX_ROWS: one group, which the writer cuts at MAX_ROWS rows (2 row groups);
    // s3 is the last group.
    assert.equal(rowGroups, 3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a speech whose stored row count disagrees with its rows is refused", async () => {
  const dir = mkdtempSync(join(tmpdir(), "atlas-groups-"));
  try {
    const s = speech(prng(3), "s1", 10);
    const p = parts([s], { n: 0 });
    p[0]!.rows = 11;
    await assert.rejects(
      writeSpeechGroupedTable(termsTable, p, join(dir, "x"), null),
      /has 10 rows, expected 11/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
