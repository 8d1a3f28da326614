// term_stats and collocations written in a worker thread while the main thread writes the
// per-speech tables: the two halves of publishing take similar time, and both are pure
// functions of their inputs, so running them side by side changes no byte. One thread for both,
// one after the other: on 2 cores a third busy thread only competes, and each thread holds its
// own heap, Parquet writer and vocabulary (10,000 speeches: two threads peaked at 1,080 MB and
// took 77 s; one thread 870 MB and 67 s). The compact per-speech arrays are packed into a few
// flat buffers and transferred (not copied).
import { join } from "node:path";
import { parentPort, Worker, workerData } from "node:worker_threads";
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

interface Packed {
  module: string;
  /** Tables this worker writes. */
  only: readonly CorpusTable[];
  out: string;
  words: readonly string[];
  meta: { speechId: string; speech: CompactSpeech["speech"] }[];
  /** Per speech: [termsStart, tokensStart, sentencesStart] offsets into the flat arrays. */
  starts: Int32Array;
  termIds: Int32Array;
  termCounts: Int32Array;
  tokens: Int32Array;
  sentenceEnds: Int32Array;
}

export interface TableResult {
  name: string;
  rows: number;
  parquet: { sha256: string; bytes: number };
  csv: { sha256: string; bytes: number };
  ms: number;
}

/** The arrays `only` needs, packed flat (term counts for term_stats, tokens for collocations). */
function pack(
  speeches: readonly CompactSpeech[],
  words: readonly string[],
  out: string,
  only: readonly CorpusTable[],
): Packed {
  const terms = only.includes("term_stats");
  const tokens = only.includes("collocations");
  let nt = 0,
    nk = 0,
    ns = 0;
  for (const s of speeches) {
    if (terms) nt += s.termIds.length;
    if (tokens) ((nk += s.tokens.length), (ns += s.sentenceEnds.length));
  }
  const p: Packed = {
    module: "corpus-tables.ts",
    only,
    out,
    words,
    meta: speeches.map((s) => ({
      speechId: s.speechId,
      speech: {
        han_chars: s.speech.han_chars,
        year: s.speech.year,
        level: s.speech.level,
        genre: s.speech.genre,
      },
    })),
    starts: new Int32Array(speeches.length * 3 + 3),
    termIds: new Int32Array(nt),
    termCounts: new Int32Array(nt),
    tokens: new Int32Array(nk),
    sentenceEnds: new Int32Array(ns),
  };
  nt = nk = ns = 0;
  for (const [i, s] of speeches.entries()) {
    p.starts.set([nt, nk, ns], i * 3);
    if (terms) {
      p.termIds.set(s.termIds, nt);
      p.termCounts.set(s.termCounts, nt);
      nt += s.termIds.length;
    }
    if (tokens) {
      p.tokens.set(s.tokens, nk);
      p.sentenceEnds.set(s.sentenceEnds, ns);
      ((nk += s.tokens.length), (ns += s.sentenceEnds.length));
    }
  }
  p.starts.set([nt, nk, ns], speeches.length * 3);
  return p;
}

function unpack(p: Packed): CompactSpeech[] {
  return p.meta.map((m, i) => {
    const [t0, k0, s0, t1, k1, s1] = p.starts.subarray(i * 3, i * 3 + 6);
    return {
      ...m,
      termIds: p.termIds.subarray(t0, t1),
      termCounts: p.termCounts.subarray(t0, t1),
      tokens: p.tokens.subarray(k0, k1),
      sentenceEnds: p.sentenceEnds.subarray(s0, s1),
    };
  });
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

/** Starts writing term_stats then collocations in a worker thread (side by side with the main
 *  thread's writes); the speeches' compact arrays are moved there (left empty here). Results
 *  come in CORPUS_TABLES order. */
export function writeCorpusTablesInWorker(
  speeches: CollectedSpeech[],
  words: readonly string[],
  out: string,
): Promise<TableResult[]> {
  const packed = pack(speeches, words, out, CORPUS_TABLES);
  for (const s of speeches)
    s.termIds = s.termCounts = s.tokens = s.sentenceEnds = new Int32Array(0);
  return runWorker(packed);
}

function runWorker(packed: Packed): Promise<TableResult[]> {
  const worker = new Worker(new URL("./worker-entry.mjs", import.meta.url), {
    workerData: packed,
    execArgv: [],
    transferList: [
      packed.starts.buffer,
      packed.termIds.buffer,
      packed.termCounts.buffer,
      packed.tokens.buffer,
      packed.sentenceEnds.buffer,
    ] as ArrayBuffer[],
  });
  return new Promise((resolve, reject) => {
    worker.once("message", (m: { results?: TableResult[]; error?: string }) => {
      void worker.terminate();
      if (m.results) resolve(m.results);
      else reject(new Error(`corpus tables worker failed: ${m.error}`));
    });
    worker.once("error", reject);
  });
}

if (parentPort && (workerData as Packed | undefined)?.module === "corpus-tables.ts") {
  const p = workerData as Packed;
  writeCorpusTables(unpack(p), p.words, p.out, p.only).then(
    (results) => parentPort!.postMessage({ results }),
    (err: Error) => parentPort!.postMessage({ error: err.stack ?? String(err) }),
  );
}
