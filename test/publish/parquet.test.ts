import { test } from "node:test";
import assert from "node:assert/strict";
import { tableFromIPC } from "apache-arrow";
import { readParquet, readSchema } from "parquet-wasm";
import { toParquet } from "../../data-loaders/publish/parquet.ts";
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
];

test("Parquet round trip keeps every value, Unicode included", () => {
  const bytes = toParquet(spec, rows);
  assert.equal(new TextDecoder().decode(bytes.slice(0, 4)), "PAR1");
  const back = tableFromIPC(readParquet(bytes).intoIPCStream());
  assert.deepEqual(
    back.toArray().map((r) => r.toJSON()),
    rows,
  );
});

test("Parquet output is byte-identical for identical input and typed from the spec", () => {
  assert.deepEqual(toParquet(spec, rows), toParquet(spec, rows));
  const empty = toParquet(spec, []);
  const schema = tableFromIPC(readParquet(empty).intoIPCStream()).schema;
  assert.deepEqual(
    schema.fields.map((f) => [f.name, String(f.type)]),
    [
      ["s", "Utf8"],
      ["i", "Int32"],
      ["x", "Float64"],
      ["b", "Bool"],
    ],
  );
  void readSchema;
});

test("null in a non-nullable column is refused with the column named", () => {
  assert.throws(
    () => toParquet(spec, [{ s: "a", i: null as unknown as number, x: 1, b: true }]),
    /column i/,
  );
});
