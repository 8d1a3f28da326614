// Types of src/lib/shards.js for the TypeScript side (config, loaders, tests).
export const SHARD_SETS: Record<string, { per: number; max: number }>;
export function shardCount(set: string, speeches: number): number;
export function shardOf(speechId: string, count: number): number;
export function shardFile(i: number): string;
export function shardPaths(speeches: number): string[];
export function shardUrl(set: string, speechId: string, speeches: number, prefix?: string): string;
export function packRows(
  rows: Record<string, unknown>[],
  columns: string[],
): { columns: string[]; rows: unknown[][] };
export function unpackRows(packed: {
  columns: string[];
  rows: unknown[][];
}): Record<string, unknown>[];
export function fetchShard(url: string): Promise<unknown>;
