// Types of src/lib/groups.js for the TypeScript side (tests).
export const GROUP_THRESHOLD: number;
export function cmp(a: unknown, b: unknown): number;
export interface ThemeGroup {
  year: number | null;
  level: string | null;
  genre: string | null;
  theme_id: string;
  speeches: number;
  hits: number;
  han_chars: number;
  sum_rate: number;
  sum_share: number;
  n_share: number;
}
/** Additive fields of a ThemeGroup. */
export const SUM_FIELDS: readonly (
  "speeches" | "hits" | "han_chars" | "sum_rate" | "sum_share" | "n_share"
)[];
export type GroupSums = Pick<ThemeGroup, (typeof SUM_FIELDS)[number]>;
export function emptySums(): GroupSums;
export function addSums<T extends GroupSums>(t: T, g: GroupSums): T;
export function unpackGroups(packed: { columns: string[]; rows: unknown[][] }): ThemeGroup[];
export function filterGroups(
  groups: ThemeGroup[],
  filter?: { year?: unknown; level?: unknown; genre?: unknown },
): ThemeGroup[];
export interface GroupThemeRow {
  year: number | null;
  level: string | null;
  speeches: number;
  theme_id: string;
  hits: number;
  han_chars: number;
  rate_per_10k: number;
  share: number;
  mean_rate: number;
  mean_share: number | null;
}
export function groupThemeRows(groups: ThemeGroup[], themes: string[]): GroupThemeRow[];
export interface YearThemeRow {
  year: number;
  theme_id: string;
  speeches: number;
  hits: number;
  pooled_rate: number;
  mean_rate: number;
  pooled_share: number;
  mean_share: number | null;
}
export function yearThemeRows(groups: ThemeGroup[]): YearThemeRow[];
export function groupHref(group: { year: unknown; level: unknown }, prefix?: string): string;
