// Rows → RowBlock (column-bytes.ts) with the CSV lines as UTF-8 bytes: what a worker does to
// every per-speech table of every speech. The result equals toRowBlock(spec, encodeRows(spec,
// rows)) with its CSV text encoded as UTF-8 (what a speech-store file holds either way), checked
// by test/pipeline/row-block-encoder.test.ts.
//
// Why not that pair: it formats every cell as a JS string, concatenates cells into lines and
// lines into a text, and that text is encoded again when it is stored. Here each string column
// is encoded to UTF-8 once (one native call for the column), a value's CSV cell is its bytes
// (quoted only when the value needs it: rare, found with one test of the whole column), and the
// CSV is written into one buffer of the exact size.
import type { ColumnSpec, TableSpec } from "../tables/spec.ts";
import { csvFormatter } from "../publish/csv.ts";
import { utf8Length, type ColumnBlock, type RowBlock } from "./column-bytes.ts";

const COMMA = 0x2c;
const NEWLINE = 0x0a;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;

/** How a column's CSV cells are written: */
const Cells = {
  /** the same bytes on every row; */
  Same: 0,
  /** the bytes of each value in `bytes`, some quoted or prefixed (see `flags`); */
  Utf8: 1,
  /** int32 values ≥ 0 as digits, other values as `text`; */
  Integer: 2,
  /** each row's cell as a string (numbers, booleans: "" for null). */
  Text: 3,
} as const;
type Cells = (typeof Cells)[keyof typeof Cells];

/** Per string value: its first character starts a formula (= + - @ tab CR); it holds " , LF or
 *  CR (then it is quoted, its quotes doubled). As csvFormatter's "string" case decides. */
const FORMULA = 1;
const SPECIAL = 2;

interface Column {
  block: ColumnBlock;
  cells: Cells;
  /** Same: the cell; Utf8: all values back to back. */
  bytes: Uint8Array;
  /** Utf8: where each value starts in `bytes` (n + 1 entries). */
  offsets: Int32Array;
  flags: Uint8Array;
  /** Integer: the values (null: empty cell). */
  numbers: readonly unknown[];
  /** Text (and Integer cells that are not int32 ≥ 0). */
  text: (string | null)[];
  /** CSV bytes of the column's cells, all rows. */
  csvBytes: number;
}

const NONE = new Uint8Array(0);
const NO_OFFSETS = new Int32Array(0);

/** The rows of a table as binary columns and CSV bytes (each line ending in "\n"). */
export function encodeRowBlock(
  spec: TableSpec<any>,
  rows: readonly unknown[],
): RowBlock & { csv: Uint8Array } {
  const n = rows.length;
  const cols = spec.columns.map((col) => encodeColumn(spec, col, rows));
  let size = 0;
  for (const c of cols) size += c.csvBytes;
  size += n * cols.length; // a comma or newline after each cell
  const csv = new Uint8Array(size);
  let at = 0;
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < cols.length; c++) {
      if (c > 0) csv[at++] = COMMA;
      const col = cols[c]!;
      switch (col.cells) {
        case Cells.Same: {
          const b = col.bytes;
          for (let k = 0; k < b.length; k++) csv[at++] = b[k]!;
          break;
        }
        case Cells.Utf8:
          at = writeUtf8Cell(csv, at, col, i);
          break;
        case Cells.Integer: {
          const v = col.numbers[i];
          if (v === null) break;
          if (isDigits(v)) at = writeDigits(csv, at, v as number);
          else at = writeText(csv, at, col.text[i]!);
          break;
        }
        case Cells.Text: {
          const t = col.text[i];
          if (t !== null) at = writeText(csv, at, t!);
          break;
        }
      }
    }
    csv[at++] = NEWLINE;
  }
  if (at !== size) throw new Error(`${spec.name}: CSV size ${at}, expected ${size}`);
  return { n, csv, columns: cols.map((c) => c.block) };
}

/** The column's values, checked as publish/arrow.ts columnValues checks them. */
function valuesOf(spec: TableSpec<any>, col: ColumnSpec, rows: readonly unknown[]): unknown[] {
  const name = col.name;
  const values = new Array<unknown>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const v = (rows[i] as Record<string, unknown>)[name];
    if (v === undefined) throw new Error(`${spec.name}: row lacks column ${name}`);
    if (v === null && !col.nullable)
      throw new Error(`${spec.name}: null in non-nullable column ${name}`);
    values[i] = v;
  }
  return values;
}

function column(
  block: ColumnBlock,
  cells: Cells,
  csvBytes: number,
  parts: Partial<Column>,
): Column {
  return {
    block,
    cells,
    bytes: parts.bytes ?? NONE,
    offsets: parts.offsets ?? NO_OFFSETS,
    flags: parts.flags ?? NONE,
    numbers: parts.numbers ?? [],
    text: parts.text ?? [],
    csvBytes,
  };
}

function encodeColumn(spec: TableSpec<any>, col: ColumnSpec, rows: readonly unknown[]): Column {
  const values = valuesOf(spec, col, rows);
  const n = values.length;
  // As encodeRows: a column of one value on more than one row is stored, and formatted, once.
  let same = n > 1;
  for (let i = 1; same && i < n; i++) same = values[i] === values[0];
  if (same) {
    const cell = utf8Of(csvFormatter(col)(values[0]));
    return column({ kind: "same", value: values[0] }, Cells.Same, n * cell.length, { bytes: cell });
  }
  let valid: Uint8Array | null = null;
  if (values.includes(null)) {
    valid = new Uint8Array(n);
    for (let i = 0; i < n; i++) valid[i] = values[i] === null ? 0 : 1;
  }
  switch (col.type) {
    case "string":
      return stringColumn(values, valid);
    case "integer": {
      const out = new Int32Array(n);
      const text: (string | null)[] = new Array(n).fill(null);
      let csvBytes = 0;
      for (let i = 0; i < n; i++) {
        const v = values[i];
        out[i] = v === null ? 0 : (v as number);
        if (v === null) continue;
        if (isDigits(v)) csvBytes += digitCount(v as number);
        else csvBytes += utf8Length((text[i] = String(v)));
      }
      return column({ kind: "int32", valid, values: out }, Cells.Integer, csvBytes, {
        numbers: values,
        text,
      });
    }
    case "number": {
      const out = new Float64Array(n);
      const format = csvFormatter(col);
      const text: (string | null)[] = new Array(n);
      let csvBytes = 0;
      for (let i = 0; i < n; i++) {
        const v = values[i];
        out[i] = v === null ? 0 : (v as number);
        csvBytes += (text[i] = format(v)).length; // digits, ".", "e", "+", "-": ASCII
      }
      return column({ kind: "float64", valid, values: out }, Cells.Text, csvBytes, { text });
    }
    case "boolean": {
      const out = new Uint8Array(n);
      const format = csvFormatter(col);
      const text: (string | null)[] = new Array(n);
      let csvBytes = 0;
      for (let i = 0; i < n; i++) {
        out[i] = values[i] === true ? 1 : 0;
        csvBytes += (text[i] = format(values[i])).length;
      }
      return column({ kind: "bool", valid, values: out }, Cells.Text, csvBytes, { text });
    }
  }
}

/** Encodes value by value in the rare case the joined column does not (see stringColumn). */
const encoder = new TextEncoder();
const NEEDS_QUOTES = /[",\n\r]/;

function stringColumn(values: readonly unknown[], valid: Uint8Array | null): Column {
  const n = values.length;
  const strings = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    strings[i] = v === null ? "" : String(v);
  }
  const joined = strings.join("");
  const offsets = new Int32Array(n + 1);
  const lengths = new Int32Array(n);
  const flags = new Uint8Array(n);
  let at = 0;
  let csvBytes = 0;
  const special = NEEDS_QUOTES.test(joined);
  for (let i = 0; i < n; i++) {
    const s = strings[i]!;
    let f = 0;
    let quotes = 0;
    if (s.length > 0) {
      const c = s.charCodeAt(0);
      if (c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13) f = FORMULA;
    }
    if (special && NEEDS_QUOTES.test(s)) {
      f |= SPECIAL;
      for (let k = s.indexOf('"'); k >= 0; k = s.indexOf('"', k + 1)) quotes++;
    }
    const len = utf8Length(s);
    at += len;
    offsets[i + 1] = at;
    lengths[i] = len;
    flags[i] = f;
    csvBytes += len + (f & FORMULA ? 1 : 0) + (f & SPECIAL ? 2 + quotes : 0);
  }
  let bytes = new Uint8Array(Buffer.from(joined, "utf8"));
  if (bytes.length !== at) {
    // A lone high surrogate ending one value and a lone low one starting the next became one
    // character when joined: encode value by value instead.
    bytes = new Uint8Array(at);
    for (let i = 0; i < n; i++) encoder.encodeInto(strings[i]!, bytes.subarray(offsets[i]!));
  }
  return column({ kind: "utf8", valid, lengths, bytes }, Cells.Utf8, csvBytes, {
    bytes,
    offsets,
    flags,
  });
}

function writeUtf8Cell(csv: Uint8Array, at: number, col: Column, i: number): number {
  const bytes = col.bytes;
  const start = col.offsets[i]!;
  const end = col.offsets[i + 1]!;
  const f = col.flags[i]!;
  if (f === 0) {
    if (end - start < 32) for (let k = start; k < end; k++) csv[at++] = bytes[k]!;
    else {
      csv.set(bytes.subarray(start, end), at);
      at += end - start;
    }
    return at;
  }
  if (f & SPECIAL) csv[at++] = QUOTE;
  if (f & FORMULA) csv[at++] = APOSTROPHE;
  for (let k = start; k < end; k++) {
    const b = bytes[k]!;
    csv[at++] = b;
    if (b === QUOTE && f & SPECIAL) csv[at++] = QUOTE;
  }
  if (f & SPECIAL) csv[at++] = QUOTE;
  return at;
}

/** A value whose String() is its decimal digits: an int32 ≥ 0. */
function isDigits(v: unknown): boolean {
  return typeof v === "number" && (v | 0) === v && v >= 0;
}

function digitCount(v: number): number {
  let d = 1;
  while (v >= 10) {
    v = Math.floor(v / 10);
    d++;
  }
  return d;
}

function writeDigits(csv: Uint8Array, at: number, v: number): number {
  const end = at + digitCount(v);
  let k = end;
  do {
    csv[--k] = 0x30 + (v % 10);
    v = Math.floor(v / 10);
  } while (v > 0);
  return end;
}

/** A cell given as a string (ASCII, or any text for the rare non-number in a number column). */
function writeText(csv: Uint8Array, at: number, t: string): number {
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c >= 0x80) {
      const b = utf8Of(t.slice(k));
      csv.set(b, at);
      return at + b.length;
    }
    csv[at++] = c;
  }
  return at;
}

/** UTF-8 bytes of a string, as Buffer.from(s, "utf8") gives them. */
function utf8Of(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, "utf8"));
}
