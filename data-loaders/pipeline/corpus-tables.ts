// term_stats and collocations written in a worker thread while the main thread writes the
// per-speech tables: the two halves of publishing take similar time, and both are pure
// functions of their inputs, so running them side by side changes no byte. The compact
// per-speech arrays are packed into a few flat buffers and transferred (not copied).
import { join } from "node:path";
import { parentPort, Worker, workerData } from "node:worker_threads";
import * as tables from "../tables/index.ts";
import type { SpeechRow } from "../types.ts";
import { collocationChunks } from "./collocations-stream.ts";
import type { CollectedSpeech } from "./collector.ts";
import { writeTableStreaming } from "./table-writer.ts";
import { termStatsChunks } from "./term-stats-stream.ts";

/** What term_stats and collocations read of a speech. */
export type CompactSpeech = Pick<
  CollectedSpeech,
  "speechId" | "termIds" | "termCounts" | "tokens" | "sentenceEnds"
> & {
  speech: Pick<SpeechRow, "han_chars" | "year" | "level" | "genre">;
};

interface Packed {
  module: string;
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

function pack(speeches: readonly CompactSpeech[], words: readonly string[], out: string): Packed {
  let nt = 0,
    nk = 0,
    ns = 0;
  for (const s of speeches)
    ((nt += s.termIds.length), (nk += s.tokens.length), (ns += s.sentenceEnds.length));
  const p: Packed = {
    module: "corpus-tables.ts",
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
    p.termIds.set(s.termIds, nt);
    p.termCounts.set(s.termCounts, nt);
    p.tokens.set(s.tokens, nk);
    p.sentenceEnds.set(s.sentenceEnds, ns);
    ((nt += s.termIds.length), (nk += s.tokens.length), (ns += s.sentenceEnds.length));
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
): Promise<TableResult[]> {
  const results: TableResult[] = [];
  let t = performance.now();
  const ts = await writeTableStreaming(
    tables.termStatsTable,
    termStatsChunks(speeches, words),
    join(out, tables.termStatsTable.name),
  );
  results.push({
    name: tables.termStatsTable.name,
    rows: ts.rows,
    parquet: ts.parquet,
    csv: ts.csv!,
    ms: performance.now() - t,
  });
  t = performance.now();
  const co = await writeTableStreaming(
    tables.collocationsTable,
    collocationChunks(speeches, words),
    join(out, tables.collocationsTable.name),
  );
  results.push({
    name: tables.collocationsTable.name,
    rows: co.rows,
    parquet: co.parquet,
    csv: co.csv!,
    ms: performance.now() - t,
  });
  return results;
}

/** Starts writing term_stats and collocations in a worker thread; the speeches' compact arrays
 *  are moved there (left empty here). */
export function writeCorpusTablesInWorker(
  speeches: CollectedSpeech[],
  words: readonly string[],
  out: string,
): Promise<TableResult[]> {
  const packed = pack(speeches, words, out);
  for (const s of speeches)
    s.termIds = s.termCounts = s.tokens = s.sentenceEnds = new Int32Array(0);
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
  writeCorpusTables(unpack(p), p.words, p.out).then(
    (results) => parentPort!.postMessage({ results }),
    (err: Error) => parentPort!.postMessage({ error: err.stack ?? String(err) }),
  );
}
