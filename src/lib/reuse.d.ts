// Types of reuse.js for the TypeScript side (the report command, tests).
import type { SpeechLike } from "../charts/params.js";

export interface ReuseGroupLike {
  speech_id: string;
  group_id: number;
  group_speeches: number;
  group_shared_chars: number;
}
export interface RankedSpeech {
  rank: number;
  speech_id: string;
  name: string;
  title: string;
  year: number | null;
  level: string | null;
  han_chars: number;
  reused_chars: number;
  reused_share: number;
  reuse_sources: number;
  from_earlier: boolean;
}
export interface GroupSummary {
  group_id: number;
  speeches: number;
  in_selection: number;
  year_min: number | null;
  year_max: number | null;
  undated: number;
  shared_chars: number;
  from_earlier: number;
  representative_id: string;
  representative: string;
  label: string;
}
export const REUSED_EARLIER_FLAG: "reused_from_earlier";
export function fromEarlier(s: SpeechLike): boolean;
export function reuseRanking(selected: SpeechLike[]): RankedSpeech[];
export function reuseGroupSummaries(
  speeches: SpeechLike[],
  groupRows: ReuseGroupLike[],
  selected?: SpeechLike[],
): GroupSummary[];
export function groupLabel(g: GroupSummary): string;
export function reuseGroupCells(
  summaries: GroupSummary[],
  speeches: SpeechLike[],
  groupRows: ReuseGroupLike[],
  top?: number,
): Record<string, string | number | null>[];
export function groupMembers(
  groupId: number,
  speeches: SpeechLike[],
  groupRows: ReuseGroupLike[],
): (SpeechLike & { group_shared_chars: number })[];
export function reuseShare(selected: SpeechLike[]): {
  speeches: number;
  with_reuse: number;
  share: number;
};
