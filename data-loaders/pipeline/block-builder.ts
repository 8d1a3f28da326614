// Rows written straight into the table writer's form (column-blocks.ts RowBlock): CSV lines as
// UTF-8 bytes and binary columns, cell by cell, for the corpus-level tables (millions of rows).
// Building row objects, checking and formatting them column by column (encoded-rows.ts), then
// joining the CSV text and encoding it again took about as long as computing the rows. The bytes
// are the same: string cells go through csvFormatter (so the same quoting and formula guard) and
// are encoded once per distinct string; numbers are String(n), written as bytes: integers digit
// by digit (the same text: String of an integer below 2^31 is its decimal digits, and String(-0)
// is "0"), fractions by shortest-number.ts (String itself for what it leaves). Cells are encoded
// one at a time, which gives the same bytes as encoding the joined line:
// a comma or newline always sits between two cells, so no surrogate pair can form across them.
import { csvFormatter } from "../publish/csv.ts";
import type { ColumnSpec, TableSpec } from "../tables/spec.ts";
import type { ColumnBlock, RowBlock } from "./column-blocks.ts";
import { writeShortest } from "./shortest-number.ts";

const COMMA = 44;
const NEWLINE = 10;
/** Two ASCII digits for each of 0–99. */
const DIGIT_PAIRS = Uint8Array.from({ length: 200 }, (_, j) =>
  j % 2 ? 48 + ((j >> 1) % 10) : 48 + Math.floor((j >> 1) / 10),
);
/** Longest String(n) of a finite double: "-1.2345678901234567e-308". */
const MAX_NUMBER_CHARS = 24;

/** The strings a string column draws from (terms, group names), each formatted and encoded on
 *  first use: its CSV cell and its UTF-8 value, as ranges of one byte pool (most values need no
 *  quoting: then both are the same range). */
export class StringCells {
  private readonly format: (v: unknown) => string;
  pool = new Uint8Array(1 << 16);
  private used = 0;
  /** Per value: CSV cell start and length (-1: not encoded yet), UTF-8 value start and length. */
  readonly csvAt: Int32Array;
  readonly csvLength: Int32Array;
  readonly utf8At: Int32Array;
  readonly utf8Length: Int32Array;
  constructor(
    col: ColumnSpec,
    private readonly values: readonly string[],
  ) {
    if (col.type !== "string") throw new Error(`${col.name}: not a string column`);
    this.format = csvFormatter(col);
    this.csvAt = new Int32Array(values.length);
    this.csvLength = new Int32Array(values.length).fill(-1);
    this.utf8At = new Int32Array(values.length);
    this.utf8Length = new Int32Array(values.length);
  }

  /** Encodes value `id` if not yet done. */
  encode(id: number): void {
    if (this.csvLength[id]! >= 0) return;
    const value = this.values[id]!;
    const cell = this.format(value);
    [this.utf8At[id], this.utf8Length[id]] = this.put(value);
    [this.csvAt[id], this.csvLength[id]] =
      cell === value ? [this.utf8At[id]!, this.utf8Length[id]!] : this.put(cell);
  }

  private put(s: string): [number, number] {
    const bytes = Buffer.from(s, "utf8");
    if (this.used + bytes.length > this.pool.length) {
      const grown = new Uint8Array(Math.max(this.pool.length * 2, this.used + bytes.length));
      grown.set(this.pool.subarray(0, this.used));
      this.pool = grown;
    }
    this.pool.set(bytes, this.used);
    this.used += bytes.length;
    return [this.used - bytes.length, bytes.length];
  }
}

/** Copies from[at, at + n) into `to` at `toAt`; returns the end. A loop: values are short
 *  (most terms are a few characters), where TypedArray.set costs more than the copy. */
function copy(from: Uint8Array, at: number, n: number, to: Uint8Array, toAt: number): number {
  for (let i = 0; i < n; i++) to[toAt + i] = from[at + i]!;
  return toAt + n;
}

/** String(v) of a number that is not an int32 (nothing when it is not finite) at to[at…];
 *  returns the end. */
function writeNumber(v: number, to: Uint8Array, at: number): number {
  const end = writeShortest(v, to, at);
  if (end >= 0 || !Number.isFinite(v)) return Math.max(end, at);
  return writeAscii(String(v), to, at);
}

function writeAscii(s: string, to: Uint8Array, at: number): number {
  for (let i = 0; i < s.length; i++) to[at + i] = s.charCodeAt(i);
  return at + s.length;
}

type Column =
  | { kind: "utf8"; lengths: Int32Array; bytes: Uint8Array; at: number }
  | { kind: "int32"; values: Int32Array }
  | {
      kind: "float64";
      values: Float64Array;
      valid: Uint8Array;
      nulls: number;
    };

/**
 * Collects up to `capacity` rows; cells are given in column order (`c` = the column's index in
 * spec.columns), then end() closes the row. take() hands over the rows as a RowBlock and starts
 * an empty one (the block's buffers are its own: the writer may hold them until written).
 */
export class BlockBuilder {
  n = 0;
  private csv: Uint8Array;
  private csvAt = 0;
  private cols: Column[];
  constructor(
    private readonly spec: TableSpec<any>,
    private readonly capacity: number,
  ) {
    this.csv = new Uint8Array(capacity * 16);
    this.cols = this.fresh();
  }

  private fresh(): Column[] {
    return this.spec.columns.map((col): Column => {
      const n = this.capacity;
      switch (col.type) {
        case "string":
          return { kind: "utf8", lengths: new Int32Array(n), bytes: new Uint8Array(n * 8), at: 0 };
        case "integer":
          return { kind: "int32", values: new Int32Array(n) };
        case "number":
          return {
            kind: "float64",
            values: new Float64Array(n),
            valid: new Uint8Array(n),
            nulls: 0,
          };
        case "boolean":
          throw new Error(`${col.name}: boolean columns are not built here`);
      }
    });
  }

  private room(bytes: number): void {
    if (this.csvAt + bytes <= this.csv.length) return;
    const grown = new Uint8Array(Math.max(this.csv.length * 2, this.csvAt + bytes));
    grown.set(this.csv.subarray(0, this.csvAt));
    this.csv = grown;
  }

  private separate(c: number): void {
    if (c > 0) this.csv[this.csvAt++] = COMMA;
  }

  /** A string cell: entry `id` of `cells`. */
  str(c: number, cells: StringCells, id: number): void {
    let cellLength = cells.csvLength[id]!;
    if (cellLength < 0) {
      cells.encode(id);
      cellLength = cells.csvLength[id]!;
    }
    const pool = cells.pool;
    this.room(cellLength + 1);
    this.separate(c);
    const col = this.cols[c] as Extract<Column, { kind: "utf8" }>;
    const length = cells.utf8Length[id]!;
    if (col.at + length > col.bytes.length) {
      const grown = new Uint8Array(Math.max(col.bytes.length * 2, col.at + length));
      grown.set(col.bytes.subarray(0, col.at));
      col.bytes = grown;
    }
    const from = cells.utf8At[id]!;
    if (cells.csvAt[id] === from) {
      // No quoting (most cells): one pass over the bytes for both.
      const csv = this.csv;
      const bytes = col.bytes;
      const at = this.csvAt;
      const colAt = col.at;
      for (let i = 0; i < length; i++) csv[at + i] = bytes[colAt + i] = pool[from + i]!;
      this.csvAt = at + length;
    } else {
      this.csvAt = copy(pool, cells.csvAt[id]!, cellLength, this.csv, this.csvAt);
      copy(pool, from, length, col.bytes, col.at);
    }
    col.at += length;
    col.lengths[this.n] = length;
  }

  /** An integer cell (an int32 column; the value is stored as Int32Array stores it). */
  int(c: number, v: number): void {
    this.room(MAX_NUMBER_CHARS + 1);
    this.separate(c);
    if ((v | 0) === v) this.digits(v);
    else this.csvAt = writeAscii(String(v), this.csv, this.csvAt);
    (this.cols[c] as Extract<Column, { kind: "int32" }>).values[this.n] = v;
  }

  /** A number cell (a float64 column); non-finite numbers have no CSV form (csv.ts). */
  num(c: number, v: number): void {
    this.room(MAX_NUMBER_CHARS + 1);
    this.separate(c);
    if ((v | 0) === v) this.digits(v);
    else this.csvAt = writeNumber(v, this.csv, this.csvAt);
    const col = this.cols[c] as Extract<Column, { kind: "float64" }>;
    col.values[this.n] = v;
    col.valid[this.n] = 1;
  }

  /** A null cell of a nullable number column. */
  nul(c: number): void {
    this.room(1);
    this.separate(c);
    const col = this.cols[c] as Extract<Column, { kind: "float64" }>;
    col.values[this.n] = 0;
    col.valid[this.n] = 0;
    col.nulls++;
  }

  end(): void {
    this.room(1);
    this.csv[this.csvAt++] = NEWLINE;
    this.n++;
  }

  get full(): boolean {
    return this.n >= this.capacity;
  }

  /** Decimal digits of an integer of int32 range: what String(v) gives. */
  private digits(v: number): void {
    const csv = this.csv;
    let at = this.csvAt;
    let x = v;
    if (x < 0) {
      csv[at++] = 45; // "-"
      x = -x; // 2^31 for -2^31: (x / 10) | 0 and (x / 100) | 0 are still right
    }
    let n = 1;
    for (let y = x; y >= 10; y = (y / 10) | 0) n++;
    // Right to left, two digits at a time.
    let end = at + n;
    this.csvAt = end;
    while (x >= 100) {
      const q = (x / 100) | 0;
      const pair = (x - q * 100) * 2;
      csv[--end] = DIGIT_PAIRS[pair + 1]!;
      csv[--end] = DIGIT_PAIRS[pair]!;
      x = q;
    }
    if (x >= 10) {
      csv[--end] = DIGIT_PAIRS[x * 2 + 1]!;
      csv[--end] = DIGIT_PAIRS[x * 2]!;
    } else csv[--end] = 48 + x;
  }

  take(): RowBlock {
    const n = this.n;
    const columns = this.cols.map((col): ColumnBlock => {
      switch (col.kind) {
        case "utf8":
          return {
            kind: "utf8",
            valid: null,
            lengths: col.lengths.subarray(0, n),
            bytes: col.bytes.subarray(0, col.at),
          };
        case "int32":
          return { kind: "int32", valid: null, values: col.values.subarray(0, n) };
        case "float64":
          return {
            kind: "float64",
            valid: col.nulls > 0 ? col.valid.subarray(0, n) : null,
            values: col.values.subarray(0, n),
          };
      }
    });
    const block: RowBlock = { n, csv: this.csv.subarray(0, this.csvAt), columns };
    this.csv = new Uint8Array(Math.max(this.csv.length, 1024));
    this.csvAt = 0;
    this.cols = this.fresh();
    this.n = 0;
    return block;
  }
}
