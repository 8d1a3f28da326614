// Exact shingle similarities of near-duplicate candidate pairs, kept from one run to the next in
// the cache folder. Duplicate detection verifies every LSH candidate pair with exact Jaccard,
// which needs both texts read back from the speech store and shingled: at 10,000 speeches ~1.5 s
// of a rerun's ~20 s, all of it before the corpus tables can start. A rerun meets almost the
// same pairs again; their similarity is a pure function of the two texts, so it is remembered
// by the texts' digests (sha256 of the cleaned text) and never goes stale.
//
// One JSON file: {format, shingleSize, pairs: [[digest, digest, similarity], ...]}, the digests
// in code-unit order, written under a temp name and renamed. save() writes the pairs this run
// looked up or computed (a pair no longer met is dropped, so the file stays the size of one
// run's candidates). A missing, damaged or foreign file is an empty memo. Shard runs sharing a
// cache each write their own pairs (the last one stays); that costs recomputation, never a
// different answer.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { SHINGLE_SIZE, type SimilarityMemo } from "../ingest/dedupe.ts";

/** Bumped when the similarity a pair gets could change (shingling, hashing, normalization). */
export const SIMILARITY_FORMAT = 1;

type Pair = [string, string, number];

export class StoredSimilarities implements SimilarityMemo {
  private known = new Map<string, number>();
  private used = new Map<string, Pair>();
  /** Pairs answered from the file, and computed in this run (for --timings). */
  hits = 0;
  added = 0;

  constructor(readonly file: string) {
    for (const [a, b, similarity] of readPairs(file)) this.known.set(pairKey(a, b)[0], similarity);
  }

  get(a: string, b: string): number | undefined {
    const [key, x, y] = pairKey(a, b);
    const similarity = this.known.get(key);
    if (similarity !== undefined) {
      this.hits++;
      this.used.set(key, [x, y, similarity]);
    }
    return similarity;
  }

  set(a: string, b: string, similarity: number): void {
    // Only sha256 digests are remembered (what readPairs accepts back).
    if (!DIGEST.test(a) || !DIGEST.test(b)) return;
    const [key, x, y] = pairKey(a, b);
    this.added++;
    this.known.set(key, similarity);
    this.used.set(key, [x, y, similarity]);
  }

  /** Writes the pairs of this run, in a fixed order (the file's bytes follow from the pairs). */
  save(): void {
    const pairs = [...this.used.values()].sort((p, q) =>
      p[0] !== q[0] ? (p[0] < q[0] ? -1 : 1) : p[1] < q[1] ? -1 : p[1] > q[1] ? 1 : 0,
    );
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    const body = { format: SIMILARITY_FORMAT, shingleSize: SHINGLE_SIZE, pairs };
    writeFileSync(tmp, `${JSON.stringify(body)}\n`);
    renameSync(tmp, this.file);
  }
}

const DIGEST = /^[0-9a-f]{64}$/;

/** A pair's map key and its two digests in code-unit order (Jaccard is symmetric). */
function pairKey(a: string, b: string): [key: string, first: string, second: string] {
  const [x, y] = a < b ? [a, b] : [b, a];
  return [`${x} ${y}`, x, y];
}

/** The file's pairs, or none when it is missing, damaged or of another format. */
function readPairs(file: string): Pair[] {
  let body: unknown;
  try {
    body = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return [];
  }
  const b = body as { format?: unknown; shingleSize?: unknown; pairs?: unknown };
  if (b?.format !== SIMILARITY_FORMAT || b.shingleSize !== SHINGLE_SIZE) return [];
  if (!Array.isArray(b.pairs)) return [];
  const valid = (p: unknown): p is Pair =>
    Array.isArray(p) &&
    p.length === 3 &&
    typeof p[0] === "string" &&
    typeof p[1] === "string" &&
    DIGEST.test(p[0]) &&
    DIGEST.test(p[1]) &&
    typeof p[2] === "number" &&
    p[2] >= 0 &&
    p[2] <= 1;
  return b.pairs.every(valid) ? (b.pairs as Pair[]) : [];
}
