// Encoded rows (what workers, spill files and the cache hold) publish the same bytes as rows
// written directly, however the rows are split into parts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { prng } from "../../scripts/bench/generate.ts";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  decodeRows,
  encodeRows,
  rechunkColumns,
} from "../../data-loaders/pipeline/encoded-rows.ts";
import { csvCell, csvFormatter, toCsv } from "../../data-loaders/publish/csv.ts";
import { utf8Length } from "../../data-loaders/pipeline/fast-arrow.ts";
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

test("rechunkColumns regroups parts into blocks of exactly the given size, in order", () => {
  const rand = prng(11);
  const rows = randomTerms(rand, 500);
  const parts = randomParts(rand, rows).map((p) => encodeRows(termsTable, p));
  const blocks = [...rechunkColumns(termsTable.columns.length, parts, 64)];
  assert.ok(blocks.slice(0, -1).every((b) => b.n === 64));
  const back = blocks.flatMap((b) =>
    Array.from({ length: b.n }, (_, i) =>
      Object.fromEntries(termsTable.columns.map((c, j) => [c.name, b.columns[j]![i]])),
    ),
  );
  assert.deepEqual(back, rows);
});

test("writeEncodedTable writes the bytes writeTableStreaming writes for the same rows", async () => {
  const dir = mkdtempSync(join(tmpdir(), "atlas-encoded-"));
  try {
    const rand = prng(5);
    // Enough rows for several row groups (CHUNK_ROWS = 65,536).
    const rows = randomTerms(rand, 150_000);
    await writeTableStreaming(termsTable, [rows], join(dir, "a"));
    const parts: TermRow[][] = [];
    for (let i = 0; i < rows.length;) {
      const k = Math.floor(rand() * 3000);
      parts.push(rows.slice(i, i + k));
      i += k;
    }
    const r = await writeEncodedTable(
      termsTable,
      parts.map((p) => JSON.parse(JSON.stringify(encodeRows(termsTable, p)))),
      join(dir, "b"),
    );
    assert.equal(r.rows, rows.length);
    for (const ext of ["parquet", "csv"])
      assert.ok(
        readFileSync(join(dir, `a.${ext}`)).equals(readFileSync(join(dir, `b.${ext}`))),
        `${ext} differs`,
      );
    // An empty table still gets a valid file with the declared schema.
    const empty = await writeEncodedTable(sentencesTable, [], join(dir, "c"));
    await writeTableStreaming(sentencesTable, [], join(dir, "d"));
    assert.equal(empty.rows, 0);
    assert.ok(readFileSync(join(dir, "c.parquet")).equals(readFileSync(join(dir, "d.parquet"))));
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
