// Column values → Arrow table like publish/arrow.ts toArrowTable (same schema, same values and
// nulls; the values were checked when encoded, encoded-rows.ts), filling typed buffers directly
// instead of apache-arrow's generic vectorFromArray builders, which cost ~9 µs a row and
// dominated writing the large tables.
import { Bool, Float64, Int32, makeData, makeVector, Table, Utf8, type Vector } from "apache-arrow";
import type { ColumnSpec, TableSpec } from "../tables/spec.ts";

function validity(values: readonly unknown[]): { bitmap: Uint8Array | undefined; nulls: number } {
  let nulls = 0;
  for (const v of values) if (v === null) nulls++;
  if (nulls === 0) return { bitmap: undefined, nulls };
  const bitmap = new Uint8Array(((values.length + 63) >> 6) << 3);
  for (let i = 0; i < values.length; i++) if (values[i] !== null) bitmap[i >> 3]! |= 1 << (i & 7);
  return { bitmap, nulls };
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

function column(col: ColumnSpec, values: readonly unknown[]): Vector {
  const length = values.length;
  const { bitmap, nulls } = validity(values);
  switch (col.type) {
    case "string": {
      // Byte offsets counted in JS and one native UTF-8 encode of all values joined: per-value
      // Buffer calls (byteLength, write) cost ~300 ns each on millions of short strings.
      const offsets = new Int32Array(length + 1);
      const strings: string[] = new Array(length);
      let total = 0;
      for (let i = 0; i < length; i++) {
        const v = values[i];
        const s = v === null ? "" : String(v);
        strings[i] = s;
        total += utf8Length(s);
        offsets[i + 1] = total;
      }
      let data = Buffer.from(strings.join(""), "utf8");
      if (data.byteLength !== total) {
        // A lone high surrogate at the end of one value and a lone low one at the start of the
        // next became one character when joined: encode value by value instead.
        data = Buffer.allocUnsafe(total);
        let at = 0;
        for (const s of strings) at += data.write(s, at, "utf8");
      }
      return makeVector(
        makeData({
          type: new Utf8(),
          length,
          nullCount: nulls,
          nullBitmap: bitmap,
          valueOffsets: offsets,
          data: new Uint8Array(data.buffer, data.byteOffset, total),
        }),
      );
    }
    case "integer": {
      const data = new Int32Array(length);
      for (let i = 0; i < length; i++) data[i] = values[i] === null ? 0 : (values[i] as number);
      return makeVector(
        makeData({ type: new Int32(), length, nullCount: nulls, nullBitmap: bitmap, data }),
      );
    }
    case "number": {
      const data = new Float64Array(length);
      for (let i = 0; i < length; i++) data[i] = values[i] === null ? 0 : (values[i] as number);
      return makeVector(
        makeData({ type: new Float64(), length, nullCount: nulls, nullBitmap: bitmap, data }),
      );
    }
    case "boolean": {
      const data = new Uint8Array(((length + 63) >> 6) << 3);
      for (let i = 0; i < length; i++) if (values[i] === true) data[i >> 3]! |= 1 << (i & 7);
      return makeVector(
        makeData({ type: new Bool(), length, nullCount: nulls, nullBitmap: bitmap, data }),
      );
    }
  }
}

/** Arrow table from values already checked column by column (encoded-rows.ts), in spec order. */
export function arrowTableFromColumns(
  spec: TableSpec<any>,
  values: readonly (readonly unknown[])[],
): Table {
  const columns: Record<string, Vector> = {};
  spec.columns.forEach((col, c) => (columns[col.name] = column(col, values[c]!)));
  return new Table(columns);
}
