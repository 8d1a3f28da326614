// term_stats and collocations shared out between a worker thread and the main thread: the
// worker starts on them as soon as the kept speeches are known, while the main thread writes the
// per-speech tables; when the main thread is done with those, it takes whichever corpus table
// the worker has not started yet. On a cold run the main thread's writes take longest, so the
// worker does both (as before); on a rerun most row groups come from the cache, the main thread
// is free early, and the two tables are computed side by side instead of one after the other
// (10,000 speeches: ~4 s of a ~15 s rerun). Both tables are pure functions of the same inputs,
// so which thread computes one changes no byte.
//
// Once no corpus table is left, the worker helps with the per-speech tables: it encodes their
// row groups into the group cache from the last one backwards, while the main thread writes them
// from the first one forwards, taking each group from the cache; they meet in the middle (a
// shared claim per group). On a cold run the worker finishes its tables well before the main
// thread finishes its own, so both cores work to the end.
//
// The speeches' compact arrays live in SharedArrayBuffers, so both threads read one copy. The
// thread itself is started before duplicate detection, so that its module loading and
// Parquet-encoder start-up overlap it; the data follow in one message.
import { parentPort, Worker, workerData } from "node:worker_threads";
import { ALL_TABLES } from "../tables/index.ts";
import type { TableSpec } from "../tables/spec.ts";
import { readRows, type PartRef } from "./collector.ts";
import { writeCorpusTables, type CompactSpeech, type TableResult } from "./corpus-tables.ts";
import { GroupCache } from "./group-cache.ts";
import { encodeGroup, type GroupClaims, type PlannedGroup } from "./table-writer.ts";

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
  /** Row groups the worker may encode ahead of the main thread, or null (no group cache). */
  help: HelpPlan | null;
}

/** A claim per row group of the per-speech tables, in the main thread's writing order. */
const FREE = 0,
  MAIN = 1,
  WORKER = 2,
  DONE = 3;

/** The per-speech tables' row groups as the worker sees them: where each speech's rows are. */
export interface HelpPlan {
  cacheDir: string;
  tables: {
    name: string;
    /** Index of its first group's claim in `claims`. */
    first: number;
    groups: {
      key: string | null;
      rows: number;
      parts: { speechId: string; rows: number; cols: PartRef; csv: PartRef }[];
    }[];
  }[];
  claims: Int32Array;
}

/** One table's row groups (table-writer.ts planGroups) and where each speech's rows are. */
export interface TableToHelp {
  spec: TableSpec<any>;
  groups: readonly PlannedGroup[];
  refs: (speechId: string) => { cols: PartRef; csv: PartRef };
}

const sharedInts = (n: number) => new Int32Array(new SharedArrayBuffer(4 * Math.max(n, 1)), 0, n);

function helpPlan(cacheDir: string, tables: readonly TableToHelp[]): HelpPlan {
  let first = 0;
  const planned = tables.map(({ spec, groups, refs }) => {
    const table = {
      name: spec.name,
      first,
      groups: groups.map((g) => ({
        key: g.key,
        rows: g.rows,
        parts: g.members.map((m) => ({ speechId: m.speechId, rows: m.rows, ...refs(m.speechId) })),
      })),
    };
    first += groups.length;
    return table;
  });
  return { cacheDir, tables: planned, claims: sharedInts(first) };
}

/** The worker's side: encodes row groups into the cache from the last one back, until it meets
 *  one the main thread has claimed. Returns how many it encoded. */
function helpWithGroups(plan: HelpPlan): number {
  const cache = new GroupCache(plan.cacheDir);
  const specs = new Map<string, TableSpec<any>>(ALL_TABLES.map((t) => [t.name, t]));
  let encoded = 0;
  for (const table of [...plan.tables].reverse()) {
    const spec = specs.get(table.name)!;
    for (let g = table.groups.length - 1; g >= 0; g--) {
      const { key, rows, parts } = table.groups[g]!;
      if (key === null) continue; // not cacheable: the main thread encodes it
      const at = table.first + g;
      if (Atomics.compareExchange(plan.claims, at, FREE, WORKER) !== FREE) return encoded;
      try {
        if (!cache.holds(key, rows)) {
          const members = parts.map((p) => ({
            speechId: p.speechId,
            rows: p.rows,
            storeKey: null,
            read: () => readRows(p.cols, p.csv),
          }));
          cache.put(key, encodeGroup(spec, members));
          encoded++;
        }
      } catch {
        // Left to the main thread, which encodes a group it does not find in the cache and
        // reports what goes wrong with it.
      } finally {
        Atomics.store(plan.claims, at, DONE);
      }
    }
  }
  return encoded;
}

/** The main thread's claims on one table's groups (table-writer.ts GroupClaims). */
function mainClaims(plan: HelpPlan, table: number, workerGone: () => boolean): GroupClaims {
  const first = plan.tables[table]!.first;
  return {
    async claim(group) {
      const at = first + group;
      if (Atomics.compareExchange(plan.claims, at, FREE, MAIN) !== WORKER) return;
      // The worker is encoding it: wait (a group takes tens of ms; ES2023 has no waitAsync).
      while (Atomics.load(plan.claims, at) === WORKER && !workerGone())
        await new Promise((r) => setTimeout(r, 2));
    },
  };
}

function share(
  speeches: readonly CompactSpeech[],
  words: readonly string[],
  out: string,
  help: HelpPlan | null,
): Shared {
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
    help,
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
   *  emptied here); the worker starts on the first table. With a group cache, `help` lists the
   *  per-speech tables, in the order this thread will write them, whose row groups the worker
   *  may encode once the corpus tables are taken; claims(i) are then table i's claims. */
  start(
    speeches: CompactSpeech[],
    words: readonly string[],
    out: string,
    help?: { cacheDir: string; tables: readonly TableToHelp[] },
  ): void;
  /** This thread's claims on the row groups of the i-th table handed to start() (or null). */
  claims(table: number): GroupClaims | null;
  /** Takes the tables the worker has not started (computed in this thread), then waits for
   *  the worker's. Results in CORPUS_TABLES order, each with the thread that wrote it. */
  finish(): Promise<{
    tables: (TableResult & { thread: "worker" | "main" })[];
    /** Row groups the worker encoded for this thread. */
    groupsHelped: number;
  }>;
  /** Stops the worker (on an error elsewhere). */
  stop(): void;
  /** Resolves once the worker has written the corpus tables it claimed and none is left to
   *  claim (tests: the worker then has them all unless this thread took one). */
  workerTablesDone(): Promise<void>;
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
  let gone = false;
  let tablesDone = () => {};
  const workerTables = new Promise<void>((resolve) => (tablesDone = resolve));
  const fromWorker = new Promise<Done>((resolve, reject) => {
    let results: TableResult[] = [];
    worker.on("message", (m: Message) => {
      if ("results" in m) {
        // No corpus table is left to claim: the compact arrays can go (this thread's own
        // drain, if running, holds its views until it ends).
        results = m.results;
        if (shared) shared = release(shared);
        tablesDone();
        return;
      }
      void worker.terminate();
      if ("groupsHelped" in m) resolve({ results, groupsHelped: m.groupsHelped });
      else reject(new Error(`corpus tables worker failed: ${m.error}`));
    });
    worker.once("error", (err) => ((gone = true), reject(err)));
    worker.once("exit", (code) => {
      gone = true;
      reject(new Error(`corpus tables worker exited early (code ${code})`));
    });
  });
  fromWorker.catch(() => {}); // awaited in finish(); avoid an unhandled rejection meanwhile
  return {
    start(speeches, words, out, help) {
      shared = share(speeches, words, out, help ? helpPlan(help.cacheDir, help.tables) : null);
      for (const s of speeches)
        s.termIds = s.termCounts = s.tokens = s.sentenceEnds = new Int32Array(0);
      worker.ref();
      worker.postMessage(shared);
    },
    claims(table) {
      const help = shared?.help;
      return help ? mainClaims(help, table, () => gone) : null;
    },
    async finish() {
      if (!shared) throw new Error("corpus tasks: finish() before start()");
      const p = shared;
      const mine = await drain(p, views(p));
      const theirs = await fromWorker;
      shared = null;
      const all = [
        ...theirs.results.map((r) => ({ ...r, thread: "worker" as const })),
        ...mine.map((r) => ({ ...r, thread: "main" as const })),
      ];
      const order = (name: string) => CORPUS_TABLES.indexOf(name as CorpusTable);
      return {
        tables: all.sort((a, b) => order(a.name) - order(b.name)),
        groupsHelped: theirs.groupsHelped,
      };
    },
    workerTablesDone: () => Promise.race([workerTables, fromWorker.then(() => {})]),
    stop() {
      void worker.terminate();
    },
  };
}

interface Done {
  results: TableResult[];
  groupsHelped: number;
}
/** The worker's messages: its tables once none is left to claim, then how many row groups it
 *  encoded (last), or an error. */
type Message = { results: TableResult[] } | { groupsHelped: number } | { error: string };

/** Drops the compact arrays (the help plan and claims stay). */
function release(p: Shared): Shared {
  const none = new Int32Array(0);
  return { ...p, meta: [], termIds: none, termCounts: none, tokens: none, sentenceEnds: none };
}

if (parentPort && (workerData as { module?: string } | undefined)?.module === MODULE) {
  const port = parentPort;
  port.once("message", (data: Shared) => {
    let p: Shared | null = data;
    drain(p, views(p)).then(
      (results) => {
        const help = p!.help;
        p = null; // the compact arrays are not needed while helping
        port.postMessage({ results } satisfies Message);
        const groupsHelped = help ? helpWithGroups(help) : 0;
        port.postMessage({ groupsHelped } satisfies Message);
      },
      (err: Error) => port.postMessage({ error: err.stack ?? String(err) } satisfies Message),
    );
  });
}
