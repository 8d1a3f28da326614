// Encoded rows (what workers, spill files and the cache hold) publish the same bytes as rows
// written directly, however the rows are split into parts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { prng } from "../../scripts/bench/generate.ts";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeRows, encodeRows } from "../../data-loaders/pipeline/encoded-rows.ts";
import {
  blockValues,
  deserializeColumns,
  regroupBlocks,
  serializeColumns,
  toRowBlock,
  utf8Length,
  type RowBlock,
} from "../../data-loaders/pipeline/column-blocks.ts";
import { csvCell, csvFormatter, toCsv } from "../../data-loaders/publish/csv.ts";
import { toParquet } from "../../data-loaders/publish/parquet.ts";
import type { TableSpec } from "../../data-loaders/tables/spec.ts";
import { mixedTable } from "../helpers/mixed-table.ts";
import {
  writeEncodedTable,
  writeTableStreaming,
} from "../../data-loaders/pipeline/table-writer.ts";
import { termsTable } from "../../data-loaders/tables/language.ts";
import { sentencesTable } from "../../data-loaders/tables/sentences.ts";
import type { TermRow } from "../../data-loaders/types.ts";

const ALPHABET = ["干", "部", "a", ",", '"', "\n", "é", "😀", "\ud800", "\udc00", "=", " "];

function randomString(rand: () => number, max: number): string {
  let s = "";
  const n = Math.floor(rand() * max);
  for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(rand() * ALPHABET.length)];
  return s;
}

test("utf8Length equals the bytes Buffer writes, lone surrogates included", () => {
  const rand = prng(7);
  for (let i = 0; i < 2000; i++) {
    const s = randomString(rand, 12);
    assert.equal(utf8Length(s), Buffer.byteLength(s, "utf8"), JSON.stringify(s));
  }
});

function randomTerms(rand: () => number, n: number): TermRow[] {
  return Array.from({ length: n }, (_, i) => ({
    speech_id: `s${Math.floor(i / 7)}`,
    section_id: `s${Math.floor(i / 7)}-${i % 3}`,
    term: randomString(rand, 6) || "词",
    pos: rand() < 0.5 ? "n" : "v",
    count: 1 + Math.floor(rand() * 9),
  }));
}

/** Splits rows into parts of random sizes (empty parts included). */
function randomParts<T>(rand: () => number, rows: readonly T[]): T[][] {
  const parts: T[][] = [];
  for (let i = 0; i < rows.length;) {
    const k = Math.floor(rand() * 40);
    parts.push(rows.slice(i, i + k));
    i += k;
  }
  return parts;
}

test("encode → decode returns the rows; constant columns are stored once", () => {
  const rand = prng(3);
  const rows = randomTerms(rand, 30).map((r) => ({ ...r, speech_id: "s1" }));
  const e = encodeRows(termsTable, rows);
  assert.deepEqual(e.columns[0], { same: "s1" });
  assert.deepEqual(decodeRows(termsTable, JSON.parse(JSON.stringify(e))), rows);
  assert.equal((e.csv as string).split("\n").length - 1 >= rows.length, true);
});

/** What a string becomes once encoded to UTF-8 (a lone surrogate turns into U+FFFD). */
const asUtf8 = (v: unknown) => (typeof v === "string" ? Buffer.from(v).toString("utf8") : v);

function randomMixed(rand: () => number, n: number, nulls: boolean): Record<string, unknown>[] {
  const maybe = (v: unknown) => (nulls && rand() < 0.2 ? null : v);
  return Array.from({ length: n }, (_, i) => ({
    id: `r${Math.floor(i / 5)}`,
    s: maybe(randomString(rand, 5)),
    i: maybe(Math.floor(rand() * 2000) - 1000),
    x: maybe(rand() * 10 - 5),
    b: maybe(rand() < 0.5),
  }));
}

/** Parts as the store holds them: binary columns serialized and read back. */
const stored = (spec: Parameters<typeof encodeRows>[0], rows: readonly unknown[]): RowBlock => {
  const block = toRowBlock(spec, encodeRows(spec, rows as never));
  return { ...deserializeColumns(serializeColumns(block)), csv: block.csv };
};

test("regroupBlocks cuts parts into tables of exactly the given size, values in order", () => {
  const rand = prng(11);
  for (const [spec, rows] of [
    [termsTable, randomTerms(rand, 500)],
    [mixedTable, randomMixed(rand, 500, true)],
  ] as [TableSpec<any>, readonly Record<string, unknown>[]][]) {
    const parts = randomParts(rand, rows as readonly unknown[]).map((p) => stored(spec, p));
    const tables = [...regroupBlocks(spec, parts, 64)];
    assert.ok(tables.slice(0, -1).every((t) => t.numRows === 64));
    const back = tables.flatMap((t) => t.toArray().map((r) => ({ ...r.toJSON() })));
    assert.deepEqual(
      back,
      rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, asUtf8(v)]))),
    );
    // blockValues reads a part back as JS values.
    const one = stored(spec, rows.slice(0, 40));
    spec.columns.forEach((c, j) =>
      assert.deepEqual(
        blockValues(one.columns[j]!, one.n),
        rows.slice(0, 40).map((r) => asUtf8((r as Record<string, unknown>)[c.name])),
      ),
    );
  }
  assert.equal([...regroupBlocks(termsTable, [], 64)][0]!.numRows, 0, "empty: one empty table");
});

test("binary parts write the Parquet bytes publish/parquet.ts writes from row objects", async () => {
  const dir = mkdtempSync(join(tmpdir(), "atlas-encoded-"));
  try {
    const rand = prng(5);
    // Enough rows for several row groups (CHUNK_ROWS = 65,536); nulls in every type.
    // The terms table cut by row count here (its published row groups hold whole speeches:
    // test/scale/row-groups.test.ts).
    const termsByCount = { ...termsTable, rowGroups: undefined };
    for (const [spec, rows] of [
      [termsByCount, randomTerms(rand, 150_000)],
      [mixedTable, randomMixed(rand, 140_000, true)],
      [mixedTable, randomMixed(rand, 1000, false)],
    ] as [TableSpec<any>, readonly Record<string, unknown>[]][]) {
      const parts: RowBlock[] = [];
      for (let i = 0; i < rows.length;) {
        const k = Math.floor(rand() * 3000);
        parts.push(stored(spec, rows.slice(i, i + k)));
        i += k;
      }
      const r = await writeEncodedTable(spec, parts, join(dir, "b"));
      assert.equal(r.rows, rows.length);
      assert.ok(
        readFileSync(join(dir, "b.parquet")).equals(
          Buffer.from(toParquet(spec, rows as readonly never[])),
        ),
        `${spec.name}: parquet differs`,
      );
      assert.ok(
        readFileSync(join(dir, "b.csv")).equals(Buffer.from(toCsv(spec, rows as readonly never[]))),
        `${spec.name}: csv differs`,
      );
      await writeTableStreaming(spec, [rows.slice(0, 70_000), rows.slice(70_000)], join(dir, "a"));
      for (const ext of ["parquet", "csv"])
        assert.ok(
          readFileSync(join(dir, `a.${ext}`)).equals(readFileSync(join(dir, `b.${ext}`))),
          `${spec.name}: streaming ${ext} differs`,
        );
    }
    // An empty table still gets a valid file with the declared schema.
    const empty = await writeEncodedTable(sentencesTable, [], join(dir, "c"));
    assert.equal(empty.rows, 0);
    assert.ok(
      readFileSync(join(dir, "c.parquet")).equals(Buffer.from(toParquet(sentencesTable, []))),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("encoded CSV lines equal publish/csv.ts toCsv for the same rows (quoting, formulas, nulls)", () => {
  const rand = prng(23);
  const rows = randomTerms(rand, 2000).map((r, i) => ({
    ...r,
    term: ["=1+1", "+x", "-y", "@z", "\tt", "\rr", "a,b", 'q"q', "", r.term][i % 10]!,
  }));
  const e = encodeRows(termsTable, rows);
  assert.equal(
    "\uFEFF" + termsTable.columns.map((c) => c.name).join(",") + "\n" + e.csv,
    toCsv(termsTable, rows),
  );
  for (const col of [
    { name: "n", type: "number" as const, description: "", nullable: true },
    { name: "b", type: "boolean" as const, description: "", nullable: true },
    { name: "i", type: "integer" as const, description: "", nullable: true },
  ]) {
    const f = csvFormatter(col);
    for (const v of [null, 0, -1.5, 1e-7, 1 / 3, NaN, Infinity, true, false, 12345678901])
      if ((col.type === "boolean") === (typeof v === "boolean") || v === null)
        assert.equal(f(v), csvCell(v, col), `${col.type} ${v}`);
  }
});
