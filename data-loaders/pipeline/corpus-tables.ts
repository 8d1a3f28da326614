// term_stats and collocations written from the speeches' compact arrays: both are pure
// functions of them, so any thread may write either (corpus-tasks.ts shares them out between a
// worker thread and the main thread).
import { join } from "node:path";
import * as tables from "../tables/index.ts";
import type { TableSpec } from "../tables/spec.ts";
import type { SpeechRow } from "../types.ts";
import { collocationBlocks } from "./collocations-stream.ts";
import type { CollectedSpeech } from "./collector.ts";
import type { RowBlock } from "./column-blocks.ts";
import { CHUNK_ROWS, writeEncodedTable } from "./table-writer.ts";
import { termStatsBlocks } from "./term-stats-stream.ts";

/** What term_stats and collocations read of a speech. */
export type CompactSpeech = Pick<
  CollectedSpeech,
  "speechId" | "termIds" | "termCounts" | "tokens" | "sentenceEnds"
> & {
  speech: Pick<SpeechRow, "han_chars" | "year" | "level" | "genre">;
};

type CorpusTable = "term_stats" | "collocations";
const CORPUS_TABLES: readonly CorpusTable[] = ["term_stats", "collocations"];

export interface TableResult {
  name: string;
  rows: number;
  parquet: { sha256: string; bytes: number };
  csv: { sha256: string; bytes: number };
  ms: number;
}

/** Writes term_stats and collocations into `out`, in-process. */
export async function writeCorpusTables(
  speeches: readonly CompactSpeech[],
  words: readonly string[],
  out: string,
  only: readonly CorpusTable[] = CORPUS_TABLES,
): Promise<TableResult[]> {
  const results: TableResult[] = [];
  // Rows come as the writer's blocks, one row group each (block-builder.ts: no row objects).
  const write = async (spec: TableSpec<any>, blocks: Iterable<RowBlock>) => {
    const t = performance.now();
    const r = await writeEncodedTable(spec, blocks, join(out, spec.name));
    results.push({ name: spec.name, ...r, csv: r.csv!, ms: performance.now() - t });
  };
  if (only.includes("term_stats"))
    await write(tables.termStatsTable, termStatsBlocks(speeches, words, CHUNK_ROWS));
  if (only.includes("collocations"))
    await write(tables.collocationsTable, collocationBlocks(speeches, words, CHUNK_ROWS));
  return results;
}
