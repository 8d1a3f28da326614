// Encoded row groups of the per-speech tables, kept from one run to the next. A row group holds
// whole speeches (publish/row-groups.ts); its entry is the Parquet file of that one row group
// (parquet-splice.ts joins them) and the speeches' CSV lines, so an unchanged group is copied,
// neither read back speech by speech nor encoded again. After one changed file of 10,000, all
// but a row group or two of each table come from here.
//
// Key = sha256(format, table spec, the speech-store keys of its speeches in order): a store key
// already covers the file's bytes, path, size limit, pipeline and lexicon versions (cache.ts),
// so a group's key changes whenever any of its rows could. Entries never go stale, only unused;
// prune() removes those a run did not use, so the folder holds about one copy of the outputs.
//
// Layout: "SAG1" | u32 LE rows | u32 LE Parquet bytes | u32 LE CSV bytes | Parquet | CSV,
// written under a temp name and renamed. An entry of the wrong size or without Parquet's magic
// is treated as missing (and rewritten), never used.
import { createHash, randomBytes } from "node:crypto";
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, join } from "node:path";
import type { TableSpec } from "../tables/spec.ts";
import { ReusedReader } from "./reused-read.ts";

const MAGIC = Buffer.from("SAG1", "latin1");
const HEAD = 16;
/** Bumped when an entry's content or the row-group rule changes. */
export const GROUP_FORMAT = 2; // 2: floating-point columns without a dictionary (publish/parquet.ts)

export interface EncodedGroup {
  rows: number;
  /** A Parquet file of this group's rows (one row group, or none when it has no rows). */
  parquet: Uint8Array;
  csv: Uint8Array;
}

export class GroupCache {
  private used = new Set<string>();
  /** Entries are read into one reused buffer: a rerun copies hundreds of MB of them. */
  private reader = new ReusedReader(0);
  constructor(readonly dir: string) {}

  /** The key of a group of speeches, from their speech-store keys (in order). */
  key(spec: TableSpec<any>, storeKeys: readonly string[]): string {
    const h = createHash("sha256").update(
      JSON.stringify([GROUP_FORMAT, spec.name, spec.columns, spec.rowGroups]),
    );
    for (const k of storeKeys) h.update("\n").update(k);
    return h.digest("hex");
  }

  private file(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.sag`);
  }

  /** The entry, or null; its bytes are valid until the next get(). */
  get(key: string): EncodedGroup | null {
    this.used.add(key);
    const buf = this.reader.read(this.file(key));
    if (!buf) return null;
    if (buf.length < HEAD || !MAGIC.equals(buf.subarray(0, 4))) return null;
    const rows = buf.readUInt32LE(4);
    const pq = buf.readUInt32LE(8);
    const csv = buf.readUInt32LE(12);
    if (buf.length !== HEAD + pq + csv) return null;
    const parquet = buf.subarray(HEAD, HEAD + pq);
    if (pq < 12 || !parquet.subarray(pq - 4).equals(Buffer.from("PAR1", "latin1"))) return null;
    return { rows, parquet, csv: buf.subarray(HEAD + pq) };
  }

  /** Whether an entry of `rows` rows is there, from its header alone (a helper thread checks
   *  this before encoding a group the writer will then read: get() checks it fully). */
  holds(key: string, rows: number): boolean {
    let fd: number;
    try {
      fd = openSync(this.file(key), "r");
    } catch {
      return false;
    }
    try {
      const head = Buffer.alloc(HEAD);
      if (readSync(fd, head, 0, HEAD, 0) !== HEAD || !MAGIC.equals(head.subarray(0, 4)))
        return false;
      const size = fstatSync(fd).size;
      return (
        head.readUInt32LE(4) === rows &&
        size === HEAD + head.readUInt32LE(8) + head.readUInt32LE(12)
      );
    } finally {
      closeSync(fd);
    }
  }

  put(key: string, group: EncodedGroup): void {
    this.used.add(key);
    const file = this.file(key);
    mkdirSync(join(this.dir, key.slice(0, 2)), { recursive: true });
    const head = Buffer.alloc(HEAD);
    MAGIC.copy(head);
    head.writeUInt32LE(group.rows, 4);
    head.writeUInt32LE(group.parquet.length, 8);
    head.writeUInt32LE(group.csv.length, 12);
    const tmp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
    writeFileSync(tmp, Buffer.concat([head, group.parquet, group.csv]));
    renameSync(tmp, file);
  }

  /** Removes the entries this instance neither read nor wrote, and temp files left over by a
   *  run that died (older than an hour: a younger one may be another run's entry being
   *  written, e.g. shard runs sharing a --cache). Returns how many entries it removed. */
  prune(): number {
    let removed = 0;
    let subdirs: string[];
    try {
      subdirs = readdirSync(this.dir);
    } catch {
      return 0;
    }
    const stale = Date.now() - 3600_000;
    for (const sub of subdirs) {
      let names: string[];
      try {
        names = readdirSync(join(this.dir, sub));
      } catch {
        continue;
      }
      for (const name of names) {
        const file = join(this.dir, sub, name);
        if (name.endsWith(".sag")) {
          if (this.used.has(basename(name, ".sag"))) continue;
          rmSync(file, { force: true });
          removed++;
        } else if (name.endsWith(".tmp")) {
          const mtime = statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Infinity;
          if (mtime < stale) rmSync(file, { force: true });
        }
      }
    }
    return removed;
  }
}
