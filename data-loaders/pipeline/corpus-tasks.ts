// term_stats and collocations shared out between a worker thread and the main thread: the
// worker starts on them as soon as the kept speeches are known, while the main thread writes the
// per-speech tables; when the main thread is done with those, it takes whichever corpus table
// the worker has not started yet. On a cold run the main thread's writes take longest, so the
// worker does both (as before); on a rerun most row groups come from the cache, the main thread
// is free early, and the two tables are computed side by side instead of one after the other
// (10,000 speeches: ~4 s of a ~15 s rerun). Both tables are pure functions of the same inputs,
// so which thread computes one changes no byte.
//
// The speeches' compact arrays live in SharedArrayBuffers, so both threads read one copy. The
// thread itself is started before duplicate detection, so that its module loading and
// Parquet-encoder start-up overlap it; the data follow in one message.
import { parentPort, Worker, workerData } from "node:worker_threads";
import { writeCorpusTables, type CompactSpeech, type TableResult } from "./corpus-tables.ts";

const MODULE = "corpus-tasks.ts";
/** In the order a free thread takes them: term_stats takes longer, so the worker starts on it. */
const CORPUS_TABLES = ["term_stats", "collocations"] as const;
type CorpusTable = (typeof CORPUS_TABLES)[number];

/** The compact arrays of the kept speeches, flat, on shared memory. */
interface Shared {
  out: string;
  words: readonly string[];
  meta: { speechId: string; speech: CompactSpeech["speech"] }[];
  /** Per speech: [termsStart, tokensStart, sentencesStart] into the flat arrays (+ ends). */
  starts: Int32Array;
  termIds: Int32Array;
  termCounts: Int32Array;
  tokens: Int32Array;
  sentenceEnds: Int32Array;
  /** [0] = index into CORPUS_TABLES of the next table nobody has claimed. */
  next: Int32Array;
}

const sharedInts = (n: number) => new Int32Array(new SharedArrayBuffer(4 * Math.max(n, 1)), 0, n);

function share(speeches: readonly CompactSpeech[], words: readonly string[], out: string): Shared {
  let nt = 0,
    nk = 0,
    ns = 0;
  for (const s of speeches)
    ((nt += s.termIds.length), (nk += s.tokens.length), (ns += s.sentenceEnds.length));
  const p: Shared = {
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
    starts: sharedInts(speeches.length * 3 + 3),
    termIds: sharedInts(nt),
    termCounts: sharedInts(nt),
    tokens: sharedInts(nk),
    sentenceEnds: sharedInts(ns),
    next: sharedInts(1),
  };
  nt = nk = ns = 0;
  for (const [i, s] of speeches.entries()) {
    p.starts.set([nt, nk, ns], i * 3);
    p.termIds.set(s.termIds, nt);
    p.termCounts.set(s.termCounts, nt);
    p.tokens.set(s.tokens, nk);
    p.sentenceEnds.set(s.sentenceEnds, ns);
    nt += s.termIds.length;
    nk += s.tokens.length;
    ns += s.sentenceEnds.length;
  }
  p.starts.set([nt, nk, ns], speeches.length * 3);
  return p;
}

function views(p: Shared): CompactSpeech[] {
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

/** Writes the tables nobody has claimed yet, one at a time, in this thread. */
async function drain(p: Shared, speeches: readonly CompactSpeech[]): Promise<TableResult[]> {
  const results: TableResult[] = [];
  for (;;) {
    const i = Atomics.add(p.next, 0, 1);
    if (i >= CORPUS_TABLES.length) return results;
    results.push(...(await writeCorpusTables(speeches, p.words, p.out, [CORPUS_TABLES[i]!])));
  }
}

export interface CorpusTasks {
  /** Hands the kept speeches over (their compact arrays are copied to shared memory and
   *  emptied here); the worker starts on the first table. */
  start(speeches: CompactSpeech[], words: readonly string[], out: string): void;
  /** Takes the tables the worker has not started (computed in this thread), then waits for
   *  the worker's. Results in CORPUS_TABLES order, each with the thread that wrote it. */
  finish(): Promise<(TableResult & { thread: "worker" | "main" })[]>;
  /** Stops the worker (on an error elsewhere). */
  stop(): void;
}

/** Starts the worker thread now; its data follow with start(). */
export function corpusTasks(): CorpusTasks {
  const worker = new Worker(new URL("./worker-entry.mjs", import.meta.url), {
    workerData: { module: MODULE },
    execArgv: [],
  });
  // Not keeping the process alive until it has work: a run that fails before start() exits.
  worker.unref();
  let shared: Shared | null = null;
  const fromWorker = new Promise<TableResult[]>((resolve, reject) => {
    worker.once("message", (m: { results?: TableResult[]; error?: string }) => {
      void worker.terminate();
      if (m.results) resolve(m.results);
      else reject(new Error(`corpus tables worker failed: ${m.error}`));
    });
    worker.once("error", reject);
    worker.once("exit", (code) =>
      reject(new Error(`corpus tables worker exited early (code ${code})`)),
    );
  });
  fromWorker.catch(() => {}); // awaited in finish(); avoid an unhandled rejection meanwhile
  return {
    start(speeches, words, out) {
      shared = share(speeches, words, out);
      for (const s of speeches)
        s.termIds = s.termCounts = s.tokens = s.sentenceEnds = new Int32Array(0);
      worker.ref();
      worker.postMessage(shared);
    },
    async finish() {
      if (!shared) throw new Error("corpus tasks: finish() before start()");
      const p = shared;
      const mine = await drain(p, views(p));
      const theirs = await fromWorker;
      shared = null;
      const all = [
        ...theirs.map((r) => ({ ...r, thread: "worker" as const })),
        ...mine.map((r) => ({ ...r, thread: "main" as const })),
      ];
      const order = (name: string) => CORPUS_TABLES.indexOf(name as CorpusTable);
      return all.sort((a, b) => order(a.name) - order(b.name));
    },
    stop() {
      void worker.terminate();
    },
  };
}

if (parentPort && (workerData as { module?: string } | undefined)?.module === MODULE) {
  const port = parentPort;
  port.once("message", (p: Shared) => {
    drain(p, views(p)).then(
      (results) => port.postMessage({ results }),
      (err: Error) => port.postMessage({ error: err.stack ?? String(err) }),
    );
  });
}
