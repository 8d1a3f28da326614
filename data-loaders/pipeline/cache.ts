// Content-hash cache of per-file outcomes. Key = sha256(context fingerprint + the file's raw
// bytes hash + its path + the size limit), so any change to the input, the lexicon files or
// the pipeline version is a different key: entries are never stale, only unused, and the
// folder can be deleted at any time. Writes go to a temp name then rename, so a crashed or
// concurrent run never leaves a torn entry behind. Entries are V8-serialized (structured clone),
// gzip level 1: reading one back is ~10× faster than JSON.parse of the same outcome, which
// dominated a rerun from the cache.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { gunzipSync, gzipSync } from "node:zlib";
import type { ReadableOutcome } from "./file-work.ts";

/** Bumped when the shape of a stored outcome changes (old entries then simply stop matching). */
export const CACHE_FORMAT = 6;

export class SpeechCache {
  constructor(
    readonly dir: string,
    private fingerprint: string,
  ) {}

  key(parts: { path: string; maxBytes: number; raw: string }): string {
    return createHash("sha256")
      .update(
        JSON.stringify([CACHE_FORMAT, this.fingerprint, parts.raw, parts.path, parts.maxBytes]),
      )
      .digest("hex");
  }

  private file(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.v8.gz`);
  }

  /** The cached outcome of a corpus file, or null (missing, unreadable, or no entry). */
  async lookup(root: string, path: string, maxBytes: number): Promise<ReadableOutcome | null> {
    const raw = await readFile(join(root, path)).catch(() => null);
    if (!raw) return null;
    return this.get(
      this.key({ path, maxBytes, raw: createHash("sha256").update(raw).digest("hex") }),
    );
  }

  async get(key: string): Promise<ReadableOutcome | null> {
    const data = await readFile(this.file(key)).catch(() => null);
    if (!data) return null;
    try {
      const outcome = deserialize(gunzipSync(data)) as ReadableOutcome | null;
      return outcome?.kind === "readable" ? outcome : null;
    } catch {
      return null; // unreadable entry: recompute (and overwrite it)
    }
  }

  async put(key: string, outcome: ReadableOutcome): Promise<void> {
    const path = this.file(key);
    await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    const tmp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    await writeFile(tmp, gzipSync(serialize(outcome), { level: 1 }));
    await rename(tmp, path);
  }
}
