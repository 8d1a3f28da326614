// A table with every column type, all but the id nullable: exercises validity bitmaps and every
// encoder path (tests of row encoding and column blocks share it).
import { defineTable } from "../../data-loaders/tables/spec.ts";

export const mixedTable = defineTable<Record<string, unknown>>({
  name: "mixed",
  title: "",
  grain: "",
  primaryKey: [],
  columns: [
    { name: "id", type: "string", description: "" },
    { name: "s", type: "string", description: "", nullable: true },
    { name: "i", type: "integer", description: "", nullable: true },
    { name: "x", type: "number", description: "", nullable: true },
    { name: "b", type: "boolean", description: "", nullable: true },
  ],
  invariants: [],
});
