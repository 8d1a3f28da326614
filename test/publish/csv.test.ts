import { test } from "node:test";
import assert from "node:assert/strict";
import { csvCell, toCsv } from "../../data-loaders/publish/csv.ts";
import { defineTable } from "../../data-loaders/tables/spec.ts";

const spec = defineTable<{ s: string | null; n: number; b: boolean }>({
  name: "t",
  title: "t",
  grain: "test",
  primaryKey: ["s"],
  invariants: [],
  columns: [
    { name: "s", type: "string", description: "", nullable: true },
    { name: "n", type: "number", description: "" },
    { name: "b", type: "boolean", description: "" },
  ],
});

test("CSV starts with a BOM and quotes commas, quotes and newlines", () => {
  const csv = toCsv(spec, [
    { s: "两个确立，“两个维护”", n: 1.5, b: true },
    { s: 'a,"b"\nc', n: -2, b: false },
  ]);
  assert.ok(csv.startsWith("\uFEFFs,n,b\n"));
  assert.equal(csv, '\uFEFFs,n,b\n两个确立，“两个维护”,1.5,true\n"a,""b""\nc",-2,false\n');
});

test("string cells that could be formulas are neutralised; numbers are not", () => {
  const col = spec.columns[0]!;
  for (const bad of ["=SUM(A1)", "+1", "-cmd", "@x", "\tx"]) {
    assert.ok(csvCell(bad, col).replace(/^"/, "").startsWith("'"), bad);
  }
  assert.equal(csvCell("正常文本", col), "正常文本");
  assert.equal(csvCell(-1.25, spec.columns[1]!), "-1.25");
  assert.equal(csvCell(null, col), "");
});
