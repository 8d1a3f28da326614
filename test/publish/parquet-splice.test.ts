// The splice (publish/parquet-splice.ts) checked against arrow-rs itself: the same rows cut at
// the same places must give the very bytes arrow-rs writes in one go, and independent readers
// (parquet-wasm's reader, and DuckDB in the browser tests) read the joined file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { tableFromIPC } from "apache-arrow";
import { readParquet } from "parquet-wasm";
import { toParquet } from "../../data-loaders/publish/parquet.ts";
import { spliceParquet, ParquetSplicer } from "../../data-loaders/publish/parquet-splice.ts";
import { decodeStruct, encodeStruct } from "../../data-loaders/publish/thrift-compact.ts";
import { defineTable } from "../../data-loaders/tables/spec.ts";

interface Row {
  id: string;
  n: number;
  x: number | null;
  b: boolean;
  t: string | null;
}
const spec = defineTable<Row>({
  name: "t",
  title: "t",
  grain: "test",
  primaryKey: ["id", "n"],
  invariants: [],
  columns: [
    { name: "id", type: "string", description: "" },
    { name: "n", type: "integer", description: "" },
    { name: "x", type: "number", description: "", nullable: true },
    { name: "b", type: "boolean", description: "" },
    { name: "t", type: "string", description: "", nullable: true },
  ],
});

// Deterministic rows with nulls, repeats (dictionary pages) and long strings (several pages).
function rows(count: number, seed: number): Row[] {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) >>> 0), s);
  return Array.from({ length: count }, (_, i) => ({
    id: `s${String(next() % 500).padStart(4, "0")}`,
    n: (next() % 2000) - 1000,
    x: next() % 7 === 0 ? null : (next() % 100000) / 7,
    b: next() % 2 === 0,
    t: next() % 5 === 0 ? null : "同志们".repeat(next() % 40) + String(i),
  }));
}

const ROW_GROUP = 64 * 1024; // what toParquet cuts at

test("joining single-row-group files gives arrow-rs's own multi-row-group bytes", () => {
  const all = rows(2 * ROW_GROUP + 12345, 7);
  const whole = Buffer.from(toParquet(spec, all));
  const parts = [
    all.slice(0, ROW_GROUP),
    all.slice(ROW_GROUP, 2 * ROW_GROUP),
    all.slice(2 * ROW_GROUP),
  ].map((r) => toParquet(spec, r));
  assert.ok(Buffer.from(spliceParquet(parts)).equals(whole));
});

test("a joined file reads back as the rows in order, row groups as given", () => {
  const a = rows(1000, 1);
  const b = rows(1, 2);
  const c = rows(30000, 3);
  const joined = spliceParquet([a, b, c].map((r) => toParquet(spec, r)));
  const back = tableFromIPC(readParquet(joined).intoIPCStream());
  assert.equal(back.numRows, a.length + b.length + c.length);
  assert.deepEqual(
    back.toArray().map((r) => r.toJSON()),
    [...a, ...b, ...c],
  );
});

test("empty parts add no row group; an empty table alone stays a valid empty file", () => {
  const empty = toParquet(spec, []);
  assert.ok(Buffer.from(spliceParquet([empty])).equals(Buffer.from(empty)));
  const some = rows(10, 4);
  const joined = spliceParquet([empty, toParquet(spec, some), empty]);
  assert.ok(Buffer.from(joined).equals(Buffer.from(toParquet(spec, some))));
});

test("files of another schema, or not Parquet at all, are refused", () => {
  const other = defineTable<{ id: string }>({
    name: "o",
    title: "o",
    grain: "test",
    primaryKey: ["id"],
    invariants: [],
    columns: [{ name: "id", type: "string", description: "" }],
  });
  const s = new ParquetSplicer();
  s.add(toParquet(spec, rows(5, 5)));
  assert.throws(() => s.add(toParquet(other, [{ id: "x" }])), /different schemas/);
  assert.throws(() => new ParquetSplicer().add(new TextEncoder().encode("id,n\n1,2\n")), /PAR1/);
  assert.throws(() => new ParquetSplicer().finish(), /no file/);
});

test("Thrift compact structs decode and encode back to the same bytes", () => {
  const file = toParquet(spec, rows(70000, 9));
  const n = Buffer.from(file).readUInt32LE(file.length - 8);
  const footer = file.subarray(file.length - 8 - n, file.length - 8);
  assert.ok(Buffer.from(encodeStruct(decodeStruct(footer))).equals(Buffer.from(footer)));
});

test("the splicer keeps nothing of a file once add() returned (callers reuse read buffers)", () => {
  const files = [rows(3000, 11), rows(5000, 12)].map((r) => toParquet(spec, r));
  const expected = Buffer.from(spliceParquet(files));
  const s = new ParquetSplicer();
  const out: Buffer[] = [];
  const scratch = Buffer.alloc(Math.max(...files.map((f) => f.length)));
  for (const f of files) {
    scratch.set(f);
    out.push(Buffer.from(s.add(scratch.subarray(0, f.length)))); // copied out, as a write would
    scratch.fill(0xee); // the next read overwrites the buffer
  }
  out.push(Buffer.from(s.finish()));
  assert.ok(Buffer.concat(out).equals(expected));
});
