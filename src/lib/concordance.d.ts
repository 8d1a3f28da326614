// Types of concordance.js (plain browser JS), for the Node tests.
export interface ConcordanceContext {
  left: string;
  keyword: string;
  right: string;
  cutLeft: boolean;
  cutRight: boolean;
}
export function concordanceLine(
  text: string,
  start: number,
  end: number,
  width: number,
): ConcordanceContext;
export function compareLeft(a: string, b: string): number;
export const SORTS: Record<"year" | "speech" | "left" | "right", string>;
export function sortConcordance<
  T extends {
    year: number | null;
    name: string;
    speech_id: string;
    start: number;
    left: string;
    right: string;
  },
>(lines: readonly T[], by?: string): T[];
export const CSV_COLUMNS: string[];
export function concordanceCsv(lines: readonly Record<string, unknown>[]): string;
