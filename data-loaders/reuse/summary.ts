// The reuse columns of one speech from its reuse_passages rows: how much of it is shared, with
// how many speeches, and whether it is mostly (>= half) found in a speech dated earlier.
import type { ReusePassageRow } from "../tables/reuse.ts";
import { hanIn, textUnits, type Units } from "./units.ts";

export interface SpeechReuse {
  reused_chars: number;
  reused_share: number;
  reuse_sources: number;
  /** >= earlierShare of the speech's Han characters lie in passages shared with earlier speeches. */
  reused_from_earlier: boolean;
}

export const DEFAULT_EARLIER_SHARE = 0.5;

/** `rows`: this speech's rows (speech_id = the speech); `text`: its cleaned text. */
export function speechReuse(
  text: string | Units,
  rows: readonly Pick<ReusePassageRow, "start" | "end" | "other_speech_id" | "direction">[],
  earlierShare = DEFAULT_EARLIER_SHARE,
): SpeechReuse {
  const units = typeof text === "string" ? textUnits(text) : text;
  const han = units.hanBefore[units.hanBefore.length - 1]!;
  const reused = hanInUnion(units, rows);
  const earlier = hanInUnion(
    units,
    rows.filter((r) => r.direction === "earlier"),
  );
  return {
    reused_chars: reused,
    reused_share: han > 0 ? Math.round((reused / han) * 10_000) / 10_000 : 0,
    reuse_sources: new Set(rows.map((r) => r.other_speech_id)).size,
    reused_from_earlier: han > 0 && earlier >= earlierShare * han,
  };
}

/** Han characters covered by the union of the spans (each counted once). */
function hanInUnion(units: Units, spans: readonly { start: number; end: number }[]): number {
  const sorted = [...spans].sort((x, y) => x.start - y.start || x.end - y.end);
  let total = 0;
  let curStart = -1;
  let curEnd = -1;
  for (const { start, end } of sorted) {
    if (start > curEnd) {
      if (curEnd > curStart) total += hanIn(units, curStart, curEnd);
      curStart = start;
      curEnd = end;
    } else curEnd = Math.max(curEnd, end);
  }
  if (curEnd > curStart) total += hanIn(units, curStart, curEnd);
  return total;
}
