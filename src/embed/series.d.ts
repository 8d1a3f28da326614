// Types of series.js for the TypeScript side (the report command); the module stays plain JS so
// Framework pages import it as is.
export type Normalisation = "rate" | "share";
export type ChartKind = "theme-heatmap" | "theme-trend" | "formulation-trend";

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
}
export type Row = Record<string, string | number | boolean | null>;

export const NORMALISATIONS: Normalisation[];
export const CHART_KINDS: Record<ChartKind, string[]>;
export function plainRows<T = Record<string, unknown>>(rows: Iterable<unknown>): T[];
export function parseList(value: unknown): string[];
export function parseYears(value: unknown): { from: number; to: number; error?: undefined } | { error: string; from?: undefined; to?: undefined };
export function nearMatches(query: string, candidates: string[], k?: number): string[];
export function selectSpeeches<S extends SpeechLike>(speeches: S[], opts?: { ids?: string[]; years?: { from: number; to: number } | null }): { selected: S[]; errors: string[] };
export function resolveThemes<T extends ThemeLike>(themes: T[], names: string[]): { themes: T[]; errors: string[] };
export function resolveFormulations<F extends FormulationLike>(formulations: F[], terms: string[]): { formulations: F[]; errors: string[] };
export function parseNormalisation(value: unknown): { normalisation: Normalisation; error?: undefined } | { error: string; normalisation?: undefined };
export function parseChartParams(kind: string, get: (name: string) => string | null | undefined, catalog: Catalog): ChartParams | { ok: false; errors: string[] };
export function topFormulations<F extends FormulationLike>(hits: HitLike[], selected: SpeechLike[], formulations: F[], k?: number): F[];
export function speechLabels(selected: SpeechLike[], max?: number): Map<string, string>;
export function themeHeatmapRows(scores: ThemeScoreLike[], selected: SpeechLike[], themes: ThemeLike[], opts?: { normalisation?: Normalisation }): Row[];
export function themeTrendRows(scores: ThemeScoreLike[], selected: SpeechLike[], themes: ThemeLike[], opts?: { normalisation?: Normalisation }): Row[];
export function formulationTrendRows(hits: HitLike[], selected: SpeechLike[], formulations: FormulationLike[]): Row[];
export function dataDate(speeches: SpeechLike[], override?: string | null): string;
export function dataVersion(manifest: unknown): string;
export function sourceLine(opts: { manifest: unknown; selected: SpeechLike[]; allSpeeches?: SpeechLike[]; date?: string | null }): string;
