// Rows of a table in binary column form: what a worker stores per speech and table, and what the
// table writer regroups into Arrow record batches. Strings are UTF-8 bytes plus byte lengths,
// numbers typed arrays, nulls a byte per row: building a 64 Ki-row Arrow batch is then copying
// byte ranges, where the JSON form (arrays of JS values) had to be parsed, its strings joined
// and encoded again on the main thread (~60 % of writing the terms table at 10,000 speeches).
//
// The Arrow data equals what publish/arrow.ts builds from row objects (vectorFromArray): same
// types, offsets, validity bitmaps (none when a column has no null), zero bytes under nulls,
// so the Parquet files are byte-identical (test/scale/encoded-rows.test.ts).
import { Bool, Float64, Int32, makeData, makeVector, Table, Utf8, type Vector } from "apache-arrow";
import type { ColumnSpec, TableSpec } from "../tables/spec.ts";
import { utf8Length, type ColumnBlock, type RowBlock } from "./column-bytes.ts";
import type { EncodedRows } from "./encoded-rows.ts";

// The block types and their byte form live in column-bytes.ts, which does not load apache-arrow
// (~140 modules): pool workers only encode blocks and need neither Arrow nor the regrouping here.
export {
  deserializeColumns,
  serializeColumns,
  utf8Length,
  type ColumnBlock,
  type RowBlock,
} from "./column-bytes.ts";

function validOf(values: readonly unknown[]): Uint8Array | null {
  if (!values.includes(null)) return null;
  const valid = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) valid[i] = values[i] === null ? 0 : 1;
  return valid;
}

/** Strings → UTF-8 bytes + byte lengths, with one native encode of all values joined (per-value
 *  Buffer calls cost ~300 ns each on millions of short strings). */
function utf8Column(values: readonly unknown[]): ColumnBlock {
  const strings = values.map((v) => (v === null ? "" : String(v)));
  const lengths = new Int32Array(strings.length);
  let total = 0;
  for (let i = 0; i < strings.length; i++) total += lengths[i] = utf8Length(strings[i]!);
  let bytes = Buffer.from(strings.join(""), "utf8");
  if (bytes.byteLength !== total) {
    // A lone high surrogate ending one value and a lone low one starting the next became one
    // character when joined: encode value by value instead.
    bytes = Buffer.allocUnsafe(total);
    let at = 0;
    for (const s of strings) at += bytes.write(s, at, "utf8");
  }
  return { kind: "utf8", valid: validOf(values), lengths, bytes: new Uint8Array(bytes) };
}

/** Numbers into a typed array, 0 under nulls (loops: TypedArray.from with a map function is
 *  several times slower on millions of values). */
function numbers<T extends Int32Array | Float64Array>(out: T, values: readonly unknown[]): T {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v === null ? 0 : (v as number);
  }
  return out;
}

function blockOf(col: ColumnSpec, values: readonly unknown[]): ColumnBlock {
  if (col.type === "string") return utf8Column(values);
  const valid = validOf(values);
  switch (col.type) {
    case "integer":
      return { kind: "int32", valid, values: numbers(new Int32Array(values.length), values) };
    case "number":
      return { kind: "float64", valid, values: numbers(new Float64Array(values.length), values) };
    case "boolean": {
      const out = new Uint8Array(values.length);
      for (let i = 0; i < values.length; i++) out[i] = values[i] === true ? 1 : 0;
      return { kind: "bool", valid, values: out };
    }
  }
}

/** Encoded rows (checked values, encoded-rows.ts) → binary columns. */
export function toRowBlock(spec: TableSpec<any>, e: EncodedRows): RowBlock {
  return {
    n: e.n,
    csv: e.csv,
    columns: spec.columns.map((col, c) => {
      const encoded = e.columns[c]!;
      return Array.isArray(encoded)
        ? blockOf(col, encoded)
        : { kind: "same", value: (encoded as { same: unknown }).same };
    }),
  };
}

/** Rows [from, to) of one part, for one column. */
interface Slice {
  block: ColumnBlock;
  from: number;
  to: number;
  /** For utf8: byte offset of each row in block.bytes (computed once per part). */
  offsets?: Int32Array;
}

function byteOffsets(lengths: Int32Array): Int32Array {
  const offsets = new Int32Array(lengths.length + 1);
  for (let i = 0; i < lengths.length; i++) offsets[i + 1] = offsets[i]! + lengths[i]!;
  return offsets;
}

/** Concatenates slices of one column into one Arrow vector of `n` rows. */
function concatColumn(col: ColumnSpec, slices: readonly Slice[], n: number): Vector {
  // The Arrow validity bitmap, only when some row is null (as vectorFromArray builds it).
  const isNull = (s: Slice, i: number) =>
    s.block.kind === "same"
      ? s.block.value === null
      : s.block.valid !== null && s.block.valid[i] === 0;
  let nulls = 0;
  for (const s of slices) {
    if (s.block.kind === "same") nulls += s.block.value === null ? s.to - s.from : 0;
    else if (s.block.valid)
      for (let i = s.from; i < s.to; i++) nulls += s.block.valid[i] === 0 ? 1 : 0;
  }
  let bitmap: Uint8Array | undefined;
  let row = 0;
  if (nulls > 0) {
    bitmap = new Uint8Array(((n + 63) >> 6) << 3);
    for (const s of slices)
      for (let i = s.from; i < s.to; i++, row++)
        if (!isNull(s, i)) bitmap[row >> 3]! |= 1 << (row & 7);
  }
  const base = { length: n, nullCount: nulls, nullBitmap: bitmap };

  if (col.type === "string") {
    const valueOffsets = new Int32Array(n + 1);
    let total = 0;
    const sameBytes = new Map<ColumnBlock, Buffer>();
    for (const s of slices) {
      if (s.block.kind === "same") {
        const b = Buffer.from(s.block.value === null ? "" : String(s.block.value), "utf8");
        sameBytes.set(s.block, b);
        total += b.length * (s.to - s.from);
      } else if (s.block.kind === "utf8") total += s.offsets![s.to]! - s.offsets![s.from]!;
    }
    const data = new Uint8Array(total);
    let at = 0;
    row = 0;
    for (const s of slices) {
      if (s.block.kind === "same") {
        const b = sameBytes.get(s.block)!;
        for (let i = s.from; i < s.to; i++) {
          data.set(b, at);
          at += b.length;
          valueOffsets[++row] = at;
        }
      } else if (s.block.kind === "utf8") {
        const { lengths, bytes } = s.block;
        const start = s.offsets![s.from]!;
        const end = s.offsets![s.to]!;
        data.set(bytes.subarray(start, end), at);
        for (let i = s.from; i < s.to; i++) {
          at += lengths[i]!;
          valueOffsets[++row] = at;
        }
      } else throw new Error(`${col.name}: ${s.block.kind} block in a string column`);
    }
    return makeVector(makeData({ type: new Utf8(), ...base, valueOffsets, data }));
  }
  if (col.type === "boolean") {
    const data = new Uint8Array(((n + 63) >> 6) << 3);
    row = 0;
    for (const s of slices) {
      for (let i = s.from; i < s.to; i++, row++) {
        const on =
          s.block.kind === "same"
            ? s.block.value === true
            : (s.block as { values: Uint8Array }).values[i] === 1;
        if (on) data[row >> 3]! |= 1 << (row & 7);
      }
    }
    return makeVector(makeData({ type: new Bool(), ...base, data }));
  }
  const data = col.type === "integer" ? new Int32Array(n) : new Float64Array(n);
  row = 0;
  for (const s of slices) {
    if (s.block.kind === "same") {
      data.fill(s.block.value === null ? 0 : (s.block.value as number), row, row + s.to - s.from);
    } else
      data.set(
        (s.block as { values: Int32Array | Float64Array }).values.subarray(s.from, s.to),
        row,
      );
    row += s.to - s.from;
  }
  return col.type === "integer"
    ? makeVector(makeData({ type: new Int32(), ...base, data: data as Int32Array }))
    : makeVector(makeData({ type: new Float64(), ...base, data: data as Float64Array }));
}

/** Arrow table of `n` rows from per-column slices, in spec order. */
function tableOf(spec: TableSpec<any>, slices: Slice[][], n: number): Table {
  const columns: Record<string, Vector> = {};
  spec.columns.forEach((col, c) => (columns[col.name] = concatColumn(col, slices[c]!, n)));
  return new Table(columns);
}

/**
 * Regroups parts into Arrow tables of exactly `size` rows, as parts come: push() yields each
 * table completed, finish() the last, shorter one (or one empty table when there were no rows,
 * so an empty file still gets its schema). One table = one Parquet row group, whatever the
 * parts' sizes. A part is referenced only until its rows are in a table.
 */
export class BlockRegrouper {
  private slices: Slice[][];
  private n = 0;
  private emitted = false;
  constructor(
    private spec: TableSpec<any>,
    private size: number,
  ) {
    this.slices = spec.columns.map(() => []);
  }

  *push(part: Pick<RowBlock, "n" | "columns">): Generator<Table> {
    const offsets = part.columns.map((b) =>
      b.kind === "utf8" ? byteOffsets(b.lengths) : undefined,
    );
    let from = 0;
    while (from < part.n) {
      const take = Math.min(this.size - this.n, part.n - from);
      this.slices.forEach((list, c) =>
        list.push({ block: part.columns[c]!, from, to: from + take, offsets: offsets[c] }),
      );
      this.n += take;
      from += take;
      if (this.n === this.size) yield this.take();
    }
  }

  *finish(): Generator<Table> {
    if (this.n > 0 || !this.emitted) yield this.take();
  }

  private take(): Table {
    const table = tableOf(this.spec, this.slices, this.n);
    this.slices = this.spec.columns.map(() => []);
    this.n = 0;
    this.emitted = true;
    return table;
  }
}

/** All parts regrouped at once (tests). */
export function* regroupBlocks(
  spec: TableSpec<any>,
  parts: Iterable<Pick<RowBlock, "n" | "columns">>,
  size: number,
): Generator<Table> {
  const r = new BlockRegrouper(spec, size);
  for (const part of parts) yield* r.push(part);
  yield* r.finish();
}

/** Values of a block's column as JS values (tests, and readers that want rows). */
export function blockValues(b: ColumnBlock, n: number): unknown[] {
  if (b.kind === "same") return new Array<unknown>(n).fill(b.value);
  const valid = b.valid;
  if (b.kind === "utf8") {
    const out: unknown[] = [];
    let at = 0;
    for (let i = 0; i < n; i++) {
      const end = at + b.lengths[i]!;
      out.push(valid && !valid[i] ? null : Buffer.from(b.bytes.subarray(at, end)).toString("utf8"));
      at = end;
    }
    return out;
  }
  return Array.from({ length: n }, (_, i) =>
    valid && !valid[i] ? null : b.kind === "bool" ? b.values[i] === 1 : b.values[i],
  );
}
