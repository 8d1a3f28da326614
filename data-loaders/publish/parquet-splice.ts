// Joins Parquet files with the same schema, each written by parquet-wasm (arrow-rs), into one
// file whose row groups are theirs, in order, their pages copied byte for byte. Why: a table is
// written as row groups that each hold whole speeches (row-groups.ts), and a row group that did
// not change since the last run is copied from the cache instead of encoded again.
//
// A Parquet file is "PAR1" | column chunks of each row group | column indexes | offset indexes
// | footer (FileMetaData, Thrift compact) | u32 footer length | "PAR1". Pages hold no absolute
// positions; the footer and the offset indexes do. So the splice shifts those few offsets
// (RowGroup.file_offset, ColumnMetaData.{data,index,dictionary}_page_offset and
// bloom_filter_offset, ColumnChunk.{offset,column}_index_offset, PageLocation.offset), renumbers
// RowGroup.ordinal, sums num_rows, and lays the indexes out after all chunks as arrow-rs does,
// column indexes first. Every other footer field is carried through as decoded. Joining files
// of one row group each gives the bytes arrow-rs writes for the same rows cut at the same places
// (test/publish/parquet-splice.test.ts).
import {
  decodeStruct,
  encodeStruct,
  field,
  T,
  type TField,
  type TList,
  type TStruct,
} from "./thrift-compact.ts";

const MAGIC = Buffer.from("PAR1", "latin1");

// Field ids (parquet.thrift).
const FMD = { version: 1, schema: 2, numRows: 3, rowGroups: 4, kv: 5, createdBy: 6, orders: 7 };
const RG = { columns: 1, numRows: 3, fileOffset: 5, ordinal: 7 };
const CC = { fileOffset: 2, meta: 3, oiOffset: 4, oiLength: 5, ciOffset: 6, ciLength: 7 };
const CMD = {
  compressedSize: 7,
  dataPage: 9,
  indexPage: 10,
  dictionaryPage: 11,
  bloomOffset: 14,
};

interface Footer {
  meta: TStruct;
  rowGroups: TStruct[];
}

function readFooter(file: Uint8Array): Footer {
  const n = file.length;
  if (n < 12 || !MAGIC.equals(file.subarray(0, 4)) || !MAGIC.equals(file.subarray(n - 4)))
    throw new Error("not a Parquet file (PAR1 magic missing)");
  const len = new DataView(file.buffer, file.byteOffset + n - 8, 4).getUint32(0, true);
  if (len + 12 > n) throw new Error("Parquet footer length runs past the file");
  const meta = decodeStruct(file.subarray(n - 8 - len, n - 8));
  const groups = field(meta, FMD.rowGroups);
  return { meta, rowGroups: groups ? ((groups.value as TList).items as TStruct[]) : [] };
}

const num = (f: TField | undefined): number => (f === undefined ? 0 : Number(f.value));

function shift(s: TStruct, id: number, by: number): void {
  const f = field(s, id);
  if (f) f.value = BigInt(f.value as bigint) + BigInt(by);
}

/** Column chunks of a file's row groups, with where their bytes are. */
function chunksOf(rowGroups: TStruct[]) {
  return rowGroups.flatMap((rg) =>
    ((field(rg, RG.columns)!.value as TList).items as TStruct[]).map((cc) => {
      const md = field(cc, CC.meta)!.value as TStruct;
      const start = num(field(md, CMD.dictionaryPage) ?? field(md, CMD.dataPage));
      return { cc, md, start, end: start + num(field(md, CMD.compressedSize)) };
    }),
  );
}

/**
 * Streams the joined file: `add(file)` returns the bytes to append for that file's row groups,
 * `finish()` the indexes and footer. Files must share a schema (checked on the Arrow schema and
 * the Parquet schema elements).
 */
export class ParquetSplicer {
  private at = 0;
  private first: Footer | null = null;
  private schemaBytes: Buffer | null = null;
  private rowGroups: TStruct[] = [];
  private numRows = 0n;
  /** Per column chunk, in row-group order: its column index bytes (copied as they are) and its
   *  offset index (decoded, offsets shifted). */
  private columnIndexes: (Uint8Array | null)[] = [];
  private offsetIndexes: (TStruct | null)[] = [];
  private chunkRefs: TStruct[] = [];

  add(file: Uint8Array): Uint8Array {
    const footer = readFooter(file);
    const schema = Buffer.from(
      encodeStruct(footer.meta.filter((f) => f.id === FMD.schema || f.id === FMD.kv)),
    );
    if (!this.first) {
      this.first = footer;
      this.schemaBytes = schema;
    } else if (!schema.equals(this.schemaBytes!))
      throw new Error("Parquet splice: files have different schemas");
    const head = this.at === 0 ? MAGIC : new Uint8Array(0);
    if (this.at === 0) this.at = MAGIC.length;
    const chunks = chunksOf(footer.rowGroups);
    if (!chunks.length) return head;
    // arrow-rs writes the chunks back to back right after the magic; anything else (a gap, a
    // bloom filter) is refused rather than guessed at.
    let expect = MAGIC.length;
    for (const c of chunks) {
      if (c.start !== expect) throw new Error("Parquet splice: column chunks are not contiguous");
      expect = c.end;
    }
    const by = this.at - MAGIC.length;
    for (const rg of footer.rowGroups) {
      const f = field(rg, RG.ordinal);
      if (f) f.value = this.rowGroups.length;
      shift(rg, RG.fileOffset, by);
      this.numRows += BigInt(num(field(rg, RG.numRows)));
      this.rowGroups.push(rg);
    }
    for (const { cc, md } of chunks) {
      if (field(md, CMD.bloomOffset)) throw new Error("Parquet splice: bloom filters unsupported");
      // ColumnChunk.file_offset is deprecated; arrow-rs writes 0, which is kept as it is.
      if (num(field(cc, CC.fileOffset)) !== 0) shift(cc, CC.fileOffset, by);
      shift(md, CMD.dataPage, by);
      shift(md, CMD.indexPage, by);
      shift(md, CMD.dictionaryPage, by);
      const ci = field(cc, CC.ciOffset);
      this.columnIndexes.push(
        // Copied (a Buffer's slice would be a view of a buffer the caller may reuse).
        ci
          ? Uint8Array.prototype.slice.call(file, num(ci), num(ci) + num(field(cc, CC.ciLength)))
          : null,
      );
      const oi = field(cc, CC.oiOffset);
      let offsetIndex: TStruct | null = null;
      if (oi) {
        offsetIndex = decodeStruct(file.subarray(num(oi), num(oi) + num(field(cc, CC.oiLength))));
        const pages = field(offsetIndex, 1);
        for (const loc of pages ? ((pages.value as TList).items as TStruct[]) : [])
          shift(loc, 1, by);
      }
      this.offsetIndexes.push(offsetIndex);
      this.chunkRefs.push(cc);
    }
    const body = file.subarray(MAGIC.length, expect);
    this.at += body.length;
    if (!head.length) return body;
    const out = new Uint8Array(head.length + body.length);
    out.set(head);
    out.set(body, head.length);
    return out;
  }

  /** The indexes and the footer; needs at least one file added (an empty table is a file too). */
  finish(): Uint8Array {
    if (!this.first) throw new Error("Parquet splice: no file to join");
    const parts: Uint8Array[] = [];
    let at = this.at;
    const put = (b: Uint8Array) => {
      parts.push(b);
      at += b.length;
    };
    // Index offsets and lengths are fields of ColumnChunk: set them as the indexes are laid out.
    const setField = (s: TStruct, id: number, value: number | bigint) => {
      const f = field(s, id);
      if (!f) throw new Error(`Parquet splice: field ${id} missing`);
      f.value = value;
    };
    this.columnIndexes.forEach((b, i) => {
      if (!b) return;
      setField(this.chunkRefs[i]!, CC.ciOffset, BigInt(at));
      setField(this.chunkRefs[i]!, CC.ciLength, b.length);
      put(b);
    });
    this.offsetIndexes.forEach((s, i) => {
      if (!s) return;
      const b = encodeStruct(s);
      setField(this.chunkRefs[i]!, CC.oiOffset, BigInt(at));
      setField(this.chunkRefs[i]!, CC.oiLength, b.length);
      put(b);
    });
    const meta = this.first.meta.map((f): TField => {
      if (f.id === FMD.numRows) return { ...f, value: this.numRows };
      if (f.id === FMD.rowGroups)
        return { ...f, value: { elemType: T.STRUCT, items: this.rowGroups } };
      return f;
    });
    const footer = encodeStruct(meta);
    put(footer);
    const tail = new Uint8Array(8);
    new DataView(tail.buffer).setUint32(0, footer.length, true);
    tail.set(MAGIC, 4);
    put(tail);
    const out = new Uint8Array(at - this.at);
    let o = 0;
    for (const p of parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  }
}

/** Joins whole files in memory (tests, small tables). */
export function spliceParquet(files: readonly Uint8Array[]): Uint8Array {
  const s = new ParquetSplicer();
  const parts = files.map((f) => s.add(f));
  parts.push(s.finish());
  return Buffer.concat(parts);
}
