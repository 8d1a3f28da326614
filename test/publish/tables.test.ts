// publish/tables.ts: what DuckDB's COPY writes for a table — Parquet typed by the contract that
// the site's reader (parquet-wasm) decodes, CSV with a BOM, RFC 4180 quoting and formula-safe
// cells, the CSV policy, and the same bytes twice.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { readParquet } from "parquet-wasm";
import { openEngine } from "../../data-loaders/publish/duckdb.ts";
import { publishTable, rowsSource, type CsvPolicy } from "../../data-loaders/publish/tables.ts";
import { defineTable } from "../../data-loaders/tables/spec.ts";

const spec = defineTable<{ s: string | null; i: number; x: number; b: boolean }>({
  name: "t",
  title: "t",
  grain: "test",
  primaryKey: ["i"],
  invariants: [],
  columns: [
    { name: "s", type: "string", description: "", nullable: true },
    { name: "i", type: "integer", description: "" },
    { name: "x", type: "number", description: "" },
    { name: "b", type: "boolean", description: "" },
  ],
});

const rows = [
  { s: "习近平新时代中国特色社会主义思想", i: 0, x: 0.5, b: true },
  { s: null, i: 2147483647, x: -1e-9, b: false },
  { s: "emoji 😀 and 𠮷", i: -3, x: 12345.678, b: true },
  { s: '两个确立，“两个维护”,"quoted"\nnext line', i: 4, x: -2, b: false },
  { s: "=SUM(A1)", i: 5, x: 1.5, b: true },
  { s: "-cmd", i: 6, x: 0, b: true },
  { s: "+1", i: 7, x: 0, b: true },
  { s: "@x", i: 8, x: 0, b: true },
  { s: "\tx", i: 9, x: 0, b: true },
];

async function publish(data: readonly object[], csv: CsvPolicy = "auto") {
  const out = mkdtempSync(join(tmpdir(), "tables-test-"));
  const db = await openEngine({ threads: 2 });
  try {
    const r = await publishTable(db, spec, rowsSource(spec, data, out), out, csv);
    return { out, ...r };
  } finally {
    db.close();
  }
}

test("Parquet (ZSTD) round trip through the site's reader keeps every value, typed by the contract", async () => {
  const { out, rows: n, files } = await publish(rows);
  const bytes = readFileSync(join(out, "t.parquet"));
  assert.equal(n, rows.length);
  assert.equal(bytes.subarray(0, 4).toString(), "PAR1");
  const back = tableFromIPC(readParquet(bytes).intoIPCStream());
  assert.deepEqual(
    back.toArray().map((r) => r.toJSON()),
    rows,
  );
  assert.deepEqual(
    back.schema.fields.map((f) => [f.name, String(f.type)]),
    [
      ["s", "Utf8"],
      ["i", "Int32"],
      ["x", "Float64"],
      ["b", "Bool"],
    ],
  );
  assert.deepEqual(
    files.map((f) => [f.path, f.rows]),
    [
      ["t.parquet", rows.length],
      ["t.csv", rows.length],
    ],
  );
  rmSync(out, { recursive: true });
});

test("CSV: BOM, header, quotes where needed, formula-like strings neutralised, NULL empty", async () => {
  const { out } = await publish(rows);
  const csv = readFileSync(join(out, "t.csv"), "utf8");
  assert.ok(csv.startsWith("\uFEFFs,i,x,b\n"));
  const lines = csv.slice(1).split("\n");
  assert.equal(lines[1], "习近平新时代中国特色社会主义思想,0,0.5,true");
  assert.equal(lines[2], ",2147483647,-1e-09,false");
  assert.equal(lines[4], '"两个确立，“两个维护”,""quoted""');
  assert.equal(lines[5], 'next line",4,-2.0,false');
  for (const [k, bad] of ["=SUM(A1)", "-cmd", "+1", "@x", "\tx"].entries())
    assert.ok(lines[6 + k]!.replace(/^"/, "").startsWith(`'${bad}`), lines[6 + k]);
  assert.ok(csv.endsWith("\n"));
  rmSync(out, { recursive: true });
});

test("the same rows give the same bytes; --csv none writes Parquet only and removes a stale CSV", async () => {
  const a = await publish(rows);
  const b = await publish(rows);
  for (const f of ["t.parquet", "t.csv"])
    assert.deepEqual(readFileSync(join(a.out, f)), readFileSync(join(b.out, f)), f);
  assert.deepEqual(a.files, b.files);
  const db = await openEngine({ threads: 1 });
  try {
    writeFileSync(join(a.out, "t.csv"), "stale");
    const r = await publishTable(db, spec, rowsSource(spec, rows, a.out), a.out, "none");
    assert.deepEqual(
      r.files.map((f) => f.path),
      ["t.parquet"],
    );
    assert.ok(!existsSync(join(a.out, "t.csv")));
  } finally {
    db.close();
  }
});

test("an empty table still gets its typed columns; a null where the contract forbids it is refused", async () => {
  const { out, rows: n } = await publish([]);
  assert.equal(n, 0);
  const back = tableFromIPC(readParquet(readFileSync(join(out, "t.parquet"))).intoIPCStream());
  assert.deepEqual(
    back.schema.fields.map((f) => String(f.type)),
    ["Utf8", "Int32", "Float64", "Bool"],
  );
  assert.equal(readFileSync(join(out, "t.csv"), "utf8"), "\uFEFFs,i,x,b\n");
  await assert.rejects(publish([{ s: "a", i: null, x: 1, b: true }]), /column i/);
});

test("a table of several row groups: the same Parquet and CSV bytes with 1 and 4 DuckDB threads", async () => {
  // 300,000 rows (5 row groups) from a query DuckDB runs in parallel; the CSV writer once
  // reordered rows with 4 threads (publish/tables.ts orders them by the Parquet file's rows).
  const source = `SELECT CASE WHEN i % 7 = 0 THEN '=' || i::VARCHAR ELSE 'speech ' || (i // 100)::VARCHAR END AS s,
    i::INTEGER AS i, i / 7 AS x, i % 2 = 0 AS b FROM range(300000) t(i)`;
  const digests = [];
  for (const threads of [1, 4]) {
    const out = mkdtempSync(join(tmpdir(), `tables-threads-${threads}-`));
    const db = await openEngine({ threads });
    try {
      const r = await publishTable(db, spec, source, out, "auto");
      assert.equal(r.rows, 300000);
      digests.push(r.files.map((f) => [f.path, f.sha256]));
      const csv = readFileSync(join(out, "t.csv"), "utf8").split("\n");
      assert.equal(csv[1], "'=0,0,0.0,true");
      assert.equal(csv[300000], "'=299999,299999,42857.0,false");
      assert.equal(csv[299999], "speech 2999,299998,42856.857142857145,true");
    } finally {
      db.close();
      rmSync(out, { recursive: true, force: true });
    }
  }
  assert.deepEqual(digests[1], digests[0]);
});
