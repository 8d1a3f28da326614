// Types of compareGroups.js (plain browser JS), for the Node tests.
export interface GroupSpec {
  years?: [number | null, number | null] | null;
  levels?: string[];
  genres?: string[];
  speakers?: string[];
  speeches?: string[];
}
export function groupPredicate(spec: GroupSpec): (d: Record<string, unknown>) => boolean;
export function describeGroup(
  spec: GroupSpec,
  labels?: {
    level?: (v: string) => string;
    genre?: (v: string) => string;
    speech?: (v: string) => string;
  },
): string;
export function parseYearRange(text: unknown): [number | null, number | null] | null;
export function isFragment(term: string, lexicon?: Set<string>): boolean;
export function sumCounts(maps: Iterable<Map<string, number>>): Map<string, number>;
export function logOddsInputCsv(
  corpus: { terms: string[]; counts: number[] },
  a: Map<string, number>,
  b: Map<string, number> | null,
): string;
export interface ScoredTerm {
  term: string;
  z: number;
  count_a: number;
  count_b: number;
  [column: string]: unknown;
}
export function distinctive<T extends ScoredTerm>(
  rows: readonly T[],
  options?: { lexicon?: Set<string>; minCount?: number; zFloor?: number; n?: number },
): { a: T[]; b: T[] };
export function statements(sql: string): string[];
