// Aligned passages of text-reuse pairs, kept from one run to the next in the cache folder
// (`<cache>/reuse/pairs.json`, apart from the speech entries). Aligning the candidate pairs is
// most of the reuse stage; a rerun after one file changed meets the same pairs again. A pair's
// passages are a pure function of its two sequences (unit codes and masks) and the options, and
// it is remembered by their keys (reuse/detect.ts sequenceKey), so an entry never goes stale.
//
// What invalidates: a speech's key changes with its text, with the lexicon (formulations are
// masked) and with the corpus-wide stock phrases, which are part of its mask. So a changed speech
// recomputes its own pairs, and a change that moves a fingerprint across the stock threshold
// (reuse/options.ts stockThreshold: 20 speeches; under 100 speeches, 20 % and at least 5)
// changes the masks of the speeches holding it, whose pairs are then recomputed too (adding or
// removing speeches in a corpus under 100 moves the threshold itself). Nothing else is
// recomputed.
//
// One JSON file: {format, sequences: [key, ...], pairs: [[i, j, aStart, aEnd, bStart, bEnd,
// columns, equal, ...], ...]} (i, j index sequences; a pair without passages is [i, j]). save()
// writes the pairs this run looked up or computed, in key order, so the file holds one run's
// pairs (pruned as the speech entries are) and its bytes follow from them. A missing, damaged or
// foreign file is an empty memo. Shards and merges do not use it.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { PairMemo, PairPassage } from "../reuse/detect.ts";

/** Bumped when the file's layout changes (what a pair's passages are is in the sequence keys). */
export const REUSE_MEMO_FORMAT = 1;

const FIELDS = ["aStart", "aEnd", "bStart", "bEnd", "columns", "equal"] as const;
const KEY = /^[0-9a-f]{32}$/;

export class StoredReusePairs implements PairMemo {
  private known = new Map<string, readonly PairPassage[]>();
  private used = new Map<string, readonly PairPassage[]>();
  /** Pairs answered from the file, and computed in this run (for --timings). */
  hits = 0;
  added = 0;

  constructor(readonly file: string) {
    this.known = readPairs(file);
  }

  get(a: string, b: string): readonly PairPassage[] | undefined {
    const key = a + b;
    const passages = this.known.get(key);
    if (passages) {
      this.hits++;
      this.used.set(key, passages);
    }
    return passages;
  }

  set(a: string, b: string, passages: readonly PairPassage[]): void {
    if (!KEY.test(a) || !KEY.test(b)) return; // only what readPairs accepts back
    this.added++;
    this.known.set(a + b, passages);
    this.used.set(a + b, passages);
  }

  /** Writes the pairs of this run, in key order. */
  save(): void {
    const keys = [...this.used.keys()].sort();
    const sequences = [...new Set(keys.flatMap((k) => [k.slice(0, 32), k.slice(32)]))].sort();
    const at = new Map(sequences.map((s, i) => [s, i]));
    const pairs = keys.map((k) => [
      at.get(k.slice(0, 32))!,
      at.get(k.slice(32))!,
      ...this.used.get(k)!.flatMap((p) => FIELDS.map((f) => p[f])),
    ]);
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    writeFileSync(tmp, `${JSON.stringify({ format: REUSE_MEMO_FORMAT, sequences, pairs })}\n`);
    renameSync(tmp, this.file);
  }
}

/** The file's pairs by key, or none when it is missing, damaged or of another format. */
function readPairs(file: string): Map<string, readonly PairPassage[]> {
  const none = new Map<string, readonly PairPassage[]>();
  let body: { format?: unknown; sequences?: unknown; pairs?: unknown };
  try {
    body = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return none;
  }
  const { sequences, pairs } = body ?? {};
  if (body?.format !== REUSE_MEMO_FORMAT || !Array.isArray(sequences) || !Array.isArray(pairs))
    return none;
  if (!sequences.every((s) => typeof s === "string" && KEY.test(s))) return none;
  const known = new Map<string, readonly PairPassage[]>();
  for (const p of pairs) {
    const valid =
      Array.isArray(p) &&
      p.length >= 2 &&
      (p.length - 2) % FIELDS.length === 0 &&
      p.every((x) => Number.isInteger(x) && x >= 0) &&
      p[0] < sequences.length &&
      p[1] < sequences.length;
    if (!valid) return none;
    const passages: PairPassage[] = [];
    for (let k = 2; k < p.length; k += FIELDS.length) {
      const [aStart, aEnd, bStart, bEnd, columns, equal] = p.slice(k, k + FIELDS.length);
      passages.push({ aStart, aEnd, bStart, bEnd, columns, equal });
    }
    known.set(sequences[p[0]] + sequences[p[1]], passages);
  }
  return known;
}
