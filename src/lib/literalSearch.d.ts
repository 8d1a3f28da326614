// Types of src/lib/literalSearch.js for the TypeScript side (tests).
export interface Occurrence {
  speech_id: string;
  sentence_id: number;
  start: number;
  end: number;
  matched: string;
  s_start: number;
  text: string;
  local: number;
}
export type SentenceShard = Record<string, [number, number, string][]>;
export function findInShard(shard: SentenceShard, term: string): Occurrence[];
export function literalScan(
  term: string,
  urls: string[],
  load: (url: string) => Promise<SentenceShard>,
  options?: { limit?: number; ahead?: number },
): AsyncGenerator<{
  occurrences: Occurrence[];
  speeches: Set<string>;
  scanned: number;
  total: number;
  done: boolean;
}>;
