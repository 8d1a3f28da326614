// Where a per-speech table's Parquet row groups end: always between two speeches, at places
// chosen by the speeches themselves (content-defined, like rsync's or restic's chunking), so
// that changing, adding or removing one speech changes the row group that holds it and, at
// most, the next one; every other row group keeps its exact rows, and its encoded bytes can be
// reused from the last run (pipeline/group-cache.ts) instead of being encoded again. Cutting at
// a fixed row count (what Parquet writers do) would shift every later row group by the change.
//
// Rule, for speeches in output order: a row group ends after speech s when it holds at least
// MIN_ROWS rows and hash(s's id) < s's rows / SPREAD_ROWS, or when it reaches MAX_ROWS rows.
// Each row of s is an equal chance to cut, so groups average MIN_ROWS + SPREAD_ROWS rows
// whatever the table, and a speech without rows never ends a group.
import { createHash } from "node:crypto";

/** Rows a group holds before it may end; groups average MIN_ROWS + SPREAD_ROWS (64 Ki). */
export const MIN_ROWS = 16 * 1024;
export const SPREAD_ROWS = 48 * 1024;
/** Bounds a group's memory whatever the hashes say. */
export const MAX_ROWS = 256 * 1024;

/** A uniform number in [0, 1) fixed by the speech id, independent of the id's sort order. */
export function cutDraw(speechId: string): number {
  return createHash("sha256").update(speechId).digest().readUInt32LE(0) / 2 ** 32;
}

/** Decides group ends speech by speech (streaming). */
export class RowGroupCutter {
  private rows = 0;
  /** Adds a speech's rows; true when its row group ends after it. */
  push(speechId: string, rows: number): boolean {
    this.rows += rows;
    const cut =
      this.rows >= MAX_ROWS ||
      (rows > 0 && this.rows >= MIN_ROWS && cutDraw(speechId) < rows / SPREAD_ROWS);
    if (cut) this.rows = 0;
    return cut;
  }
}

/** Groups of consecutive speeches (as [from, to) index ranges) covering all of them; the last
 *  group ends with the last speech, and no range is empty. */
export function speechRowGroups(
  speeches: readonly { speechId: string; rows: number }[],
): [number, number][] {
  const cutter = new RowGroupCutter();
  const groups: [number, number][] = [];
  let from = 0;
  speeches.forEach((s, i) => {
    if (cutter.push(s.speechId, s.rows)) {
      groups.push([from, i + 1]);
      from = i + 1;
    }
  });
  if (from < speeches.length) groups.push([from, speeches.length]);
  return groups;
}
