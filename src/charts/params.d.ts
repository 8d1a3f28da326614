// Types of params.js for the TypeScript side (the report command, tests); the module stays plain
// JS so Framework pages import it as is. The chart kinds' own modules are browser-only (Plot).
export type Normalisation = "rate" | "share";
export type ChartKind =
  | "theme-heatmap"
  | "theme-trend"
  | "formulation-trend"
  | "theme-bars"
  | "outline-profile"
  | "term-by-speech"
  | "term-trend"
  | "log-odds"
  | "reuse-ranking"
  | "reuse-groups";
export type Pool = "pooled" | "mean";
export type GroupKind = "speech" | "year" | "level" | "genre";
/** What a `term` parameter resolved to (src/lib/search.js resolveSearch). */
export type TermSearch =
  | { kind: "formulation"; formulation: FormulationLike; via: string | null }
  | { kind: "term"; term: string }
  | { kind: "empty" };
export interface SectionLike {
  speech_id: string;
  section_id: string;
  parent_id?: string | null;
  heading?: string | null;
  kind?: string | null;
  is_leaf: boolean;
  seq: number;
}
export interface SentenceLike {
  speech_id: string;
  text: string;
}
export interface SpeechTermLike {
  speech_id: string;
  term: string;
  count: number;
}

export interface SpeechLike {
  speech_id: string;
  title?: string | null;
  source_file?: string | null;
  year: number | null;
  han_chars: number;
  [k: string]: unknown;
}
export interface ThemeLike {
  theme_id: string;
  zh: string;
  en?: string;
  [k: string]: unknown;
}
export interface FormulationLike {
  formulation_id: string;
  canonical: string;
  variants?: string | string[];
  theme?: string;
  [k: string]: unknown;
}
export interface ThemeScoreLike {
  speech_id: string;
  section_id: string;
  theme_id: string;
  hits: number;
  han_chars: number;
  rate_per_10k: number;
  share: number;
  dominant?: boolean;
}
export interface HitLike {
  speech_id: string;
  formulation_id: string;
}
export interface Catalog {
  speeches: SpeechLike[];
  themes: ThemeLike[];
  formulations: FormulationLike[];
  formulationHits?: HitLike[];
}
export interface ChartParams {
  ok: true;
  kind: ChartKind;
  selected: SpeechLike[];
  years: { from: number; to: number } | null;
  themes: ThemeLike[];
  formulations: FormulationLike[];
  normalisation: Normalisation;
  params: Record<string, string>;
  /** true when no theme was named: the chart picks (theme trend: the five strongest) */
  themesDefault?: boolean;
  /** theme-trend: one plot of lines or small multiples */
  layout?: "lines" | "multiples";
  /** kinds with a `pool` parameter: the aggregations drawn */
  pools?: Pool[];
  /** term-by-speech, term-trend: the resolved term */
  search?: TermSearch;
  /** outline-profile: the speech */
  speech?: SpeechLike;
  /** log-odds: the two groups (b = "rest": all other speeches) and the bars per side */
  groups?: { kind: GroupKind; a: string; b: string; n: number };
  /** reuse-ranking, reuse-groups: bars or groups drawn */
  top?: number;
}
export type Row = Record<string, string | number | boolean | null>;

export const NORMALISATIONS: Normalisation[];
export const ALL_THEMES: "all";
export const LAYOUTS: ("lines" | "multiples")[];
export const POOLS: Pool[];
export const GROUP_KINDS: GroupKind[];
export const REST_PARAM: "rest";
export const TOP_N: { min: number; max: number; default: number };
export const TOP_ROWS: { min: number; max: number; default: number };
export const CHART_KINDS: Record<ChartKind, string[]>;
export function plainRows<T = Record<string, unknown>>(rows: Iterable<unknown>): T[];
export function parseList(value: unknown): string[];
export function parseYears(
  value: unknown,
):
  | { from: number; to: number; error?: undefined }
  | { error: string; from?: undefined; to?: undefined };
export function nearMatches(query: string, candidates: string[], k?: number): string[];
export function selectSpeeches<S extends SpeechLike>(
  speeches: S[],
  opts?: { ids?: string[]; years?: { from: number; to: number } | null },
): { selected: S[]; errors: string[] };
export function resolveThemes<T extends ThemeLike>(
  themes: T[],
  names: string[],
): { themes: T[]; errors: string[] };
export function resolveFormulations<F extends FormulationLike>(
  formulations: F[],
  terms: string[],
): { formulations: F[]; errors: string[] };
export function parseNormalisation(
  value: unknown,
):
  | { normalisation: Normalisation; error?: undefined }
  | { error: string; normalisation?: undefined };
export function parseChartParams(
  kind: string,
  get: (name: string) => string | null | undefined,
  catalog: Catalog,
): ChartParams | { ok: false; errors: string[] };
export function topFormulations<F extends FormulationLike>(
  hits: HitLike[],
  selected: SpeechLike[],
  formulations: F[],
  k?: number,
): F[];
export function fullTitle(speech: SpeechLike): string;
export function speechLabels(selected: SpeechLike[], max?: number): Map<string, string>;
export function themeName(theme: ThemeLike): string;
export function per10k(hits: number, chars: number): number;
export function yearTotals(
  selected: SpeechLike[],
): Map<number, { speeches: number; han_chars: number }>;
export function readerLink(speechId: string, opts?: { section?: string }): string;
export function groupValue(kind: GroupKind, speech: SpeechLike): string | null;
export function groupValues(kind: GroupKind, speeches: SpeechLike[]): string[];
export function dataDate(speeches: SpeechLike[], override?: string | null): string;
export function dataVersion(manifest: unknown): string;
export function sourceLine(opts: {
  manifest: unknown;
  selected: SpeechLike[];
  allSpeeches?: SpeechLike[];
  date?: string | null;
}): string;
