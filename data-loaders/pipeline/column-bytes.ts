// Rows of a table in binary column form (column-blocks.ts) and their bytes: the types, the
// serialization a worker stores per speech and table, and UTF-8 lengths. Kept apart from column-blocks.ts so that a
// pool worker, which only encodes blocks, does not load apache-arrow.
import { deserialize, serialize } from "node:v8";

/** One column of a run of rows. `valid`: a byte per row, 1 = not null; null when no null. */
export type ColumnBlock =
  /** The same value on every row (speech_id, mostly): stored once. */
  | { kind: "same"; value: unknown }
  | { kind: "utf8"; valid: Uint8Array | null; lengths: Int32Array; bytes: Uint8Array }
  | { kind: "int32"; valid: Uint8Array | null; values: Int32Array }
  | { kind: "float64"; valid: Uint8Array | null; values: Float64Array }
  | { kind: "bool"; valid: Uint8Array | null; values: Uint8Array };

export interface RowBlock {
  n: number;
  /** CSV lines of the rows (each ending in "\n", no header), as text or UTF-8 bytes. */
  csv: string | Uint8Array;
  columns: ColumnBlock[];
}

/** The columns of a block as bytes (V8 serialization keeps typed arrays as raw bytes). */
export function serializeColumns(b: Pick<RowBlock, "n" | "columns">): Buffer {
  return serialize({ n: b.n, columns: b.columns });
}

export function deserializeColumns(bytes: Uint8Array): Pick<RowBlock, "n" | "columns"> {
  const { n, columns } = deserialize(bytes) as Pick<RowBlock, "n" | "columns">;
  if (typeof n !== "number" || !Array.isArray(columns)) throw new Error("not a column block");
  return { n, columns };
}

/** UTF-8 byte length of a JS string (a lone surrogate encodes as U+FFFD: 3 bytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}
