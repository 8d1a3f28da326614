// Thrift compact protocol, generically: a struct decodes to its fields in the order they came
// (id, wire type, value) and encodes back to the same bytes. Parquet's footer (FileMetaData) and
// page indexes are Thrift compact structs; splicing row groups of several files into one
// (parquet-splice.ts) only has to shift a few offsets, so everything else is carried through
// untouched rather than modelled field by field.

/** Compact protocol wire types. */
export const T = {
  TRUE: 1,
  FALSE: 2,
  BYTE: 3,
  I16: 4,
  I32: 5,
  I64: 6,
  DOUBLE: 7,
  BINARY: 8,
  LIST: 9,
  SET: 10,
  MAP: 11,
  STRUCT: 12,
} as const;

export interface TField {
  id: number;
  type: number;
  value: TValue;
}
export type TStruct = TField[];
export interface TList {
  elemType: number;
  items: TValue[];
}
export interface TMap {
  keyType: number;
  valueType: number;
  entries: [TValue, TValue][];
}
/** Booleans are numbers: in a field, the wire type carries them; in a list, the raw byte
 *  (kept as read, so it round-trips whatever convention the writer used). */
export type TValue = number | bigint | Uint8Array | TList | TMap | TStruct;

export class ThriftReader {
  at: number;
  constructor(
    private buf: Uint8Array,
    at = 0,
  ) {
    this.at = at;
  }

  private byte(): number {
    if (this.at >= this.buf.length) throw new Error("Thrift: unexpected end of input");
    return this.buf[this.at++]!;
  }

  private varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const b = this.byte();
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
      shift += 7n;
      if (shift > 63n) throw new Error("Thrift: varint too long");
    }
  }

  private zigzag(): bigint {
    const n = this.varint();
    return (n >> 1n) ^ -(n & 1n);
  }

  private value(type: number): TValue {
    switch (type) {
      case T.TRUE:
      case T.FALSE:
        return this.byte(); // only inside lists/maps; fields carry the value in their type
      case T.BYTE:
        return (this.byte() << 24) >> 24;
      case T.I16:
      case T.I32:
        return Number(this.zigzag());
      case T.I64:
        return this.zigzag();
      case T.DOUBLE: {
        const v = new DataView(this.buf.buffer, this.buf.byteOffset + this.at, 8).getFloat64(
          0,
          true,
        );
        this.at += 8;
        return v;
      }
      case T.BINARY: {
        const n = Number(this.varint());
        if (this.at + n > this.buf.length) throw new Error("Thrift: binary past end of input");
        // A copy (Uint8Array's slice, also for a Buffer, whose slice is a view): the source may
        // be a reused read buffer.
        const v = Uint8Array.prototype.slice.call(this.buf, this.at, this.at + n);
        this.at += n;
        return v;
      }
      case T.LIST:
      case T.SET: {
        const head = this.byte();
        const elemType = head & 0x0f;
        const size = head >> 4 === 0x0f ? Number(this.varint()) : head >> 4;
        const items: TValue[] = [];
        for (let i = 0; i < size; i++) items.push(this.value(elemType));
        return { elemType, items };
      }
      case T.MAP: {
        const size = Number(this.varint());
        if (size === 0) return { keyType: 0, valueType: 0, entries: [] };
        const kv = this.byte();
        const entries: [TValue, TValue][] = [];
        for (let i = 0; i < size; i++) entries.push([this.value(kv >> 4), this.value(kv & 0x0f)]);
        return { keyType: kv >> 4, valueType: kv & 0x0f, entries };
      }
      case T.STRUCT:
        return this.struct();
      default:
        throw new Error(`Thrift: unknown compact type ${type}`);
    }
  }

  struct(): TStruct {
    const fields: TStruct = [];
    let last = 0;
    for (;;) {
      const head = this.byte();
      if (head === 0) return fields;
      const type = head & 0x0f;
      const delta = head >> 4;
      const id = delta ? last + delta : Number(this.zigzag());
      last = id;
      const value = type === T.TRUE ? 1 : type === T.FALSE ? 0 : this.value(type);
      fields.push({ id, type, value });
    }
  }
}

export class ThriftWriter {
  private chunks: number[] = [];

  private varint(n: bigint): void {
    if (n < 0n) throw new Error("Thrift: negative varint");
    do {
      const b = Number(n & 0x7fn);
      n >>= 7n;
      this.chunks.push(n ? b | 0x80 : b);
    } while (n);
  }

  private zigzag(n: bigint): void {
    this.varint(BigInt.asUintN(64, (n << 1n) ^ (n >> 63n)));
  }

  private value(type: number, v: TValue): void {
    switch (type) {
      case T.TRUE:
      case T.FALSE:
      case T.BYTE:
        this.chunks.push((v as number) & 0xff);
        return;
      case T.I16:
      case T.I32:
        this.zigzag(BigInt(v as number));
        return;
      case T.I64:
        this.zigzag(v as bigint);
        return;
      case T.DOUBLE: {
        const b = new Uint8Array(8);
        new DataView(b.buffer).setFloat64(0, v as number, true);
        this.chunks.push(...b);
        return;
      }
      case T.BINARY: {
        const bytes = v as Uint8Array;
        this.varint(BigInt(bytes.length));
        for (const b of bytes) this.chunks.push(b);
        return;
      }
      case T.LIST:
      case T.SET: {
        const { elemType, items } = v as TList;
        if (items.length < 15) this.chunks.push((items.length << 4) | elemType);
        else {
          this.chunks.push(0xf0 | elemType);
          this.varint(BigInt(items.length));
        }
        for (const item of items) this.value(elemType, item);
        return;
      }
      case T.MAP: {
        const { keyType, valueType, entries } = v as TMap;
        this.varint(BigInt(entries.length));
        if (!entries.length) return;
        this.chunks.push((keyType << 4) | valueType);
        for (const [k, val] of entries) {
          this.value(keyType, k);
          this.value(valueType, val);
        }
        return;
      }
      case T.STRUCT:
        this.struct(v as TStruct);
        return;
      default:
        throw new Error(`Thrift: unknown compact type ${type}`);
    }
  }

  struct(fields: TStruct): this {
    let last = 0;
    for (const f of fields) {
      const type = f.type === T.TRUE || f.type === T.FALSE ? (f.value ? T.TRUE : T.FALSE) : f.type;
      const delta = f.id - last;
      if (delta > 0 && delta <= 15) this.chunks.push((delta << 4) | type);
      else {
        this.chunks.push(type);
        this.zigzag(BigInt(f.id));
      }
      last = f.id;
      if (type !== T.TRUE && type !== T.FALSE) this.value(type, f.value);
    }
    this.chunks.push(0);
    return this;
  }

  bytes(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}

export const decodeStruct = (buf: Uint8Array, at = 0): TStruct =>
  new ThriftReader(buf, at).struct();
export const encodeStruct = (s: TStruct): Uint8Array => new ThriftWriter().struct(s).bytes();

/** The field `id` of a struct (first occurrence), or undefined. */
export function field(s: TStruct, id: number): TField | undefined {
  return s.find((f) => f.id === id);
}
