// The corpus files' SHA-256 digests, kept from one run to the next in the cache folder, so that a
// rerun finds each unchanged file's cache entry without reading and hashing the file. At 10,000
// speeches (108 MB) reading and hashing every input costs ~0.4 s with the files in the page
// cache and most of the cache-hit phase when they are not (a rerun the next day: ~20,000 small
// reads one after another, half of them the inputs).
//
// As in git's index, a file whose status (device, inode, size, modification and change time, in
// nanoseconds) is the one recorded when its bytes were hashed is taken to hold the same bytes.
// The change time (ctime) is what makes this safe: every write, rename or `touch` sets it to
// the current time, and no tool can set it back (`touch -d`, `cp -p`, `rsync -t` and tar set
// the modification time only), so an edit that restores a file's size and modification time
// still shows. What remains is the racy case: a file written again within the same timestamp
// tick as a write just before it was hashed keeps its times. So an entry is trusted only when
// the file's ctime was at least RACY_MS older than the moment its bytes were read: any later
// write then sets a ctime that differs. An entry written moments after its file (as a benchmark
// or a test does) is hashed again next time, and trusted from then on.
//
// One JSON file per corpus folder (`<cache>/inputs/<sha256(absolute folder)>.json`): {format,
// files: {path: [dev, ino, size, mtimeNs, ctimeNs, readAtMs, digest]}}, written under a temp
// name and renamed, holding the files this run looked up. A missing, damaged or foreign file is
// an empty memo: everything is hashed, as without it. Like the rest of the cache, it can be
// deleted at any time. Shard runs sharing a cache each write the files they looked up (the last
// one stays): the others' files are hashed again next time, which costs time, never an answer.
import { createHash, randomBytes } from "node:crypto";
import {
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
  type BigIntStats,
} from "node:fs";
import { join, resolve } from "node:path";

/** Bumped when an entry's meaning changes. */
export const INPUT_DIGESTS_FORMAT = 1;

/** How much older than its read a file's ctime must be for its entry to be trusted: more than
 *  any file system's timestamp tick (FAT's 2 s included). */
export const RACY_MS = 3000;

/** [dev, ino, size, mtimeNs, ctimeNs] as decimal strings (bigints do not fit JSON numbers). */
type Status = [string, string, string, string, string];
type Entry = [...Status, readAtMs: number, digest: string];

/** The status fields an entry compares, from a bigint stat. */
export function statusOf(s: BigIntStats): Status {
  return [String(s.dev), String(s.ino), String(s.size), String(s.mtimeNs), String(s.ctimeNs)];
}

/** Whether a recorded entry still vouches for a file whose status is `now`: the same status,
 *  and read at least `racyMs` after the file last changed. */
export function trusted(entry: Entry, now: Status, racyMs: number): boolean {
  for (let i = 0; i < 5; i++) if (entry[i] !== now[i]) return false;
  const ctimeMs = Number(BigInt(entry[4]) / 1_000_000n);
  return entry[5] - ctimeMs >= racyMs;
}

export class InputDigests {
  private known: Map<string, Entry>;
  private used = new Map<string, Entry>();
  private changed = false;
  /** Digests answered from the memo, and recorded after a read, this run (for --timings). */
  reused = 0;
  recorded = 0;

  constructor(
    readonly file: string,
    private racyMs = RACY_MS,
  ) {
    this.known = readEntries(file);
  }

  /** The memo of the corpus folder `root` in the cache folder `cacheDir`. */
  static of(cacheDir: string, root: string, racyMs = RACY_MS): InputDigests {
    const id = createHash("sha256").update(resolve(root)).digest("hex").slice(0, 32);
    return new InputDigests(join(cacheDir, "inputs", `${id}.json`), racyMs);
  }

  /** Whether an entry for `path` was recorded (it may no longer vouch for the file). */
  has(path: string): boolean {
    return this.known.has(path);
  }

  /** The digest of file `path` (absolute as `file`) if its entry still vouches for it. */
  digest(path: string, file: string): string | null {
    const entry = this.known.get(path);
    if (!entry) return null;
    let stat: BigIntStats | undefined;
    try {
      stat = statSync(file, { bigint: true, throwIfNoEntry: false });
    } catch {
      return null;
    }
    if (!stat || !trusted(entry, statusOf(stat), this.racyMs)) return null;
    this.reused++;
    this.used.set(path, entry);
    return entry[6];
  }

  /** Records that `digest` is the hash of the bytes read from `path` starting at `readAtMs`
   *  (wall clock, before opening it), its status taken once they were read. */
  record(path: string, status: Status, readAtMs: number, digest: string): void {
    const entry: Entry = [...status, readAtMs, digest];
    this.recorded++;
    this.changed = true;
    this.used.set(path, entry);
  }

  /** Writes the entries of the files this run looked up, when they differ from the file's. */
  save(): void {
    if (!this.changed && this.used.size === this.known.size) return;
    const files: Record<string, Entry> = {};
    for (const path of [...this.used.keys()].sort()) files[path] = this.used.get(path)!;
    mkdirSync(join(this.file, ".."), { recursive: true });
    const tmp = `${this.file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    writeFileSync(tmp, `${JSON.stringify({ format: INPUT_DIGESTS_FORMAT, files })}\n`);
    renameSync(tmp, this.file);
  }
}

const DECIMAL = /^\d+$/;
const DIGEST = /^[0-9a-f]{64}$/;

function validEntry(e: unknown): e is Entry {
  return (
    Array.isArray(e) &&
    e.length === 7 &&
    e.slice(0, 5).every((x) => typeof x === "string" && DECIMAL.test(x)) &&
    typeof e[5] === "number" &&
    Number.isFinite(e[5]) &&
    typeof e[6] === "string" &&
    DIGEST.test(e[6])
  );
}

/** The file's entries, or none when it is missing, damaged or of another format. */
function readEntries(file: string): Map<string, Entry> {
  const out = new Map<string, Entry>();
  let body: unknown;
  try {
    body = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return out;
  }
  const b = body as { format?: unknown; files?: unknown };
  if (b?.format !== INPUT_DIGESTS_FORMAT || typeof b.files !== "object" || b.files === null)
    return out;
  for (const [path, entry] of Object.entries(b.files as Record<string, unknown>))
    if (validEntry(entry)) out.set(path, entry);
  return out;
}
