// Types of formulationView.js (plain browser JS), for the Node tests.
export interface FormulationLike {
  formulation_id: string;
  canonical: string;
  variants: string;
}
export interface HitLike {
  formulation_id: string;
  speech_id: string;
  section_id?: string | null;
  sentence_id: number;
  start: number;
  end: number;
  matched: string;
  s_start: number;
  text: string;
  local: number;
}
export type Nested<T> = T & { nested_in: string; nested_matched: string };
export function formsOf(f: FormulationLike): string[];
export function nestedOccurrences<T extends HitLike>(
  f: FormulationLike,
  hits: readonly T[],
): Nested<T>[];
export function variantCounts(
  occurrences: readonly HitLike[],
  f: FormulationLike,
): { form: string; count: number; canonical: boolean }[];
export function firstAppearance<T extends HitLike>(
  occurrences: readonly T[],
  speechById: Map<string, { year: number | null; name: string }>,
): T | null;
export function cooccurring(
  occurrences: readonly HitLike[],
  hits: readonly HitLike[],
  formulationId: string,
): { formulation_id: string; sentences: number; sections: number }[];
