// Types of src/lib/logOdds.js for the TypeScript side (loaders, tests).
export interface LogOddsRow {
  term: string;
  ya: number;
  yb: number;
  na: number;
  nb: number;
  alpha_w: number;
  alpha0: number;
  delta: number;
  variance: number;
  z: number;
}
export function scoreLogOdds(
  counted: Iterable<{ term: string; ya: number; yb: number; prior: number }>,
  totals: { na: number; nb: number; alpha0: number },
): LogOddsRow[];
export function logOddsFromCounts(
  corpus: { terms: string[]; counts: number[] },
  a: Map<string, number>,
  b: Map<string, number> | null,
  outside?: Map<string, number>,
): LogOddsRow[];
export function groupCounts(
  file: { groups: Record<string, [number, number][]> },
  corpus: { terms: string[]; counts: number[] },
  value: string,
): Map<string, number>;
export function speechCounts(
  entry: [number[], number[]] | undefined,
  corpus: { terms: string[]; counts: number[] },
): Map<string, number>;
export function groupKey(value: unknown): string;

/** Speech × term counts → scored terms of group A vs group B (b = "rest": all other speeches). */
export function logOddsScores(
  speechTerms: { speech_id: string; term: string; count: number }[],
  speeches: import("../charts/params.js").SpeechLike[],
  groups: { kind: import("../charts/params.js").GroupKind; a: string; b: string },
): LogOddsRow[];
/** The n most A-leaning (z > 0) and the n most B-leaning (z < 0) terms, each with its side. */
export function logOddsTop(
  scored: LogOddsRow[],
  n: number,
  sides: [string, string],
): (LogOddsRow & { side: string })[];
