// Per-file work over the corpus, in-process (workers = 1) or in a pool of worker processes. Work
// goes out in batches (a worker spends ~0.5–1 s loading its dictionary; messages are cheap but
// not free), and outcomes come back tagged with their path index, so the caller's result never
// depends on which worker finished first.
import { availableParallelism } from "node:os";
import { fork, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { existsSync } from "node:fs";
import { SpeechCache } from "./cache.ts";
import { InputDigests } from "./input-digests.ts";
import type { PipelineContext } from "./context.ts";
import { processFile, type FileOutcome, type FileTimings } from "./file-work.ts";
import { contextFingerprint } from "./fingerprint.ts";

export interface WorkerSetup {
  root: string;
  maxBytes: number;
  /** Where outcomes are stored (cache.ts): the cache folder, or a temp folder of the run. */
  storeDir: string;
}
export interface BatchRequest {
  batch: number;
  items: [number, string][];
}
export type BatchReply =
  | { batch: number; outcomes: [number, FileOutcome][]; timings: FileTimings; error?: undefined }
  | { batch: number; error: string };

export interface PoolOptions extends WorkerSetup {
  /** Cache folder to look outcomes up in first (null: no lookups; storeDir is then a temp
   *  folder). */
  cacheDir: string | null;
  workers: number;
  batchSize?: number;
  /** How much older than its read a file must be for its digest to be reused (tests). */
  racyMs?: number;
}

export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * Calls onOutcome once per path (in completion order, with the path's index); sums timings.
 * With a cache, the main thread first serves every hit itself: a rerun after a small change
 * starts workers (and loads their dictionaries) only for the files that changed. The first
 * worker starts at the first miss, so that its start-up (~1 s: modules and dictionary) overlaps
 * the remaining lookups instead of following them.
 */
export async function processCorpusFiles(
  allPaths: readonly string[],
  opts: PoolOptions,
  ctx: { versions: Record<string, string>; full: () => PipelineContext },
  onOutcome: (index: number, outcome: FileOutcome) => void | Promise<void>,
): Promise<FileTimings> {
  const timings: FileTimings = { read: 0, clean: 0, process: 0, cacheHits: 0 };
  const setup: WorkerSetup = { root: opts.root, maxBytes: opts.maxBytes, storeDir: opts.storeDir };
  const pool: PoolWorker[] = [];
  try {
    let todo: [number, string][] = allPaths.map((p, i) => [i, p]);
    if (opts.cacheDir) {
      const cache = new SpeechCache(opts.cacheDir, contextFingerprint(ctx.versions));
      const digests = InputDigests.of(opts.cacheDir, opts.root, opts.racyMs);
      const t = performance.now();
      // The first worker starts as soon as a file is known to miss (see above).
      const startFirst = () => {
        if (pool.length === 0 && opts.workers > 1) pool.push(startWorker(setup));
      };
      const keys = await entryKeys(cache, digests, todo, opts, startFirst);
      digests.save();
      timings.read += performance.now() - t;
      timings.digestsReused = digests.reused;
      const misses: [number, string][] = [];
      // Synchronous lookups in a tight loop (cache.ts); only an asynchronous onOutcome is awaited.
      for (let k = 0; k < todo.length; k++) {
        const [i, path] = todo[k]!;
        const t = performance.now();
        const key = keys[k]!;
        const hit = key === null ? null : cache.get(key);
        timings.read += performance.now() - t;
        if (hit) {
          timings.cacheHits++;
          const pending = onOutcome(i, hit);
          if (pending) await pending;
        } else {
          startFirst(); // --workers 1 is in-process (below): nothing to start
          misses.push([i, path]);
        }
      }
      todo = misses;
    }
    if (todo.length === 0) return timings; // all from the cache: no dictionary to load
    // --workers 1 means in-process; otherwise even a single miss goes to a worker process, so
    // this process never loads a dictionary it cannot free (see below).
    const workers = Math.max(1, Math.min(opts.workers, Math.ceil(todo.length / 2)));
    if (opts.workers === 1) {
      const c = ctx.full();
      const store = new SpeechCache(opts.storeDir, contextFingerprint(c.versions));
      for (const [i, path] of todo)
        await onOutcome(i, await processFile(opts.root, path, opts, c, store, timings));
      return timings;
    }
    while (pool.length < workers) pool.push(startWorker(setup));
    await runBatches(todo, opts, pool, timings, onOutcome);
    return timings;
  } finally {
    await Promise.all(pool.map((w) => w.stop()));
  }
}

/** Each path's cache key (null: the file cannot be read), from the input digests where they
 *  vouch for the file and otherwise by reading it. A file
 *  read here is one that changed or was never looked up: when its entry does not exist, `miss`
 *  is called (the caller starts a worker while the lookups go on). */
async function entryKeys(
  cache: SpeechCache,
  digests: InputDigests,
  todo: readonly [number, string][],
  opts: PoolOptions,
  miss: () => void,
): Promise<(string | null)[]> {
  const keys: (string | null)[] = [];
  for (const [, path] of todo) {
    const { digest, read } = cache.inputDigest(opts.root, path, digests);
    const key = digest === null ? null : cache.key({ path, maxBytes: opts.maxBytes, raw: digest });
    if (read && (key === null || !existsSync(cache.files(key).outcome))) miss();
    keys.push(key);
  }
  return keys;
}

/** A worker process, listened to from its start: its "ready" (or its end) may come while this
 *  process is still busy with cache lookups, before the batches are handed out. */
interface PoolWorker {
  child: ChildProcess;
  /** Resolves when the worker has loaded its context; rejects if it fails or ends first. */
  ready: Promise<void>;
  /** Receives the worker's replies once the batches are handed out. */
  onReply: ((msg: BatchReply) => void) | null;
  /** Called if the worker fails or ends while it has work. */
  onFailure: ((err: Error) => void) | null;
  stop(): Promise<void>;
}

function startWorker(setup: WorkerSetup): PoolWorker {
  // Child processes, not worker threads: nodejieba never frees its dictionary, so each worker
  // thread leaves ~270 MB resident in this process after it ends (measured), which would hold
  // every worker's dictionary through the whole publishing phase. A process returns it on exit.
  // "advanced" serialization = structured clone, as for threads.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm")).href;
  const child = fork(new URL("./worker.ts", import.meta.url), [JSON.stringify(setup)], {
    execArgv: ["--import", tsx],
    serialization: "advanced",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let markReady: () => void = () => {};
  let failReady: (err: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failReady = reject;
  });
  ready.catch(() => {}); // observed through onFailure or runBatches; never unhandled
  let stopping = false;
  const w: PoolWorker = {
    child,
    ready,
    onReply: null,
    onFailure: null,
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill();
      }),
  };
  const fail = (err: Error) => {
    if (stopping) return;
    failReady(err);
    w.onFailure?.(err);
  };
  child.on("message", (msg: BatchReply | { ready: true }) => {
    if ("ready" in msg) markReady();
    else w.onReply?.(msg);
  });
  child.on("error", fail);
  child.on("exit", (code, signal) =>
    fail(new Error(`worker exited early (code ${code}, signal ${signal})`)),
  );
  return w;
}

/** Hands the paths out in batches to the workers and collects their outcomes. */
async function runBatches(
  todo: readonly [number, string][],
  opts: PoolOptions,
  pool: readonly PoolWorker[],
  timings: FileTimings,
  onOutcome: (index: number, outcome: FileOutcome) => void | Promise<void>,
): Promise<void> {
  // Batches small enough to balance the load at the end, large enough to amortise messaging.
  const size =
    opts.batchSize ?? Math.max(1, Math.min(64, Math.ceil(todo.length / (pool.length * 8))));
  const queue: BatchRequest[] = [];
  for (let i = 0, b = 0; i < todo.length; i += size, b++)
    queue.push({ batch: b, items: todo.slice(i, i + size) });
  // One chain for all workers: the caller's onOutcome never runs concurrently with itself.
  let chain = Promise.resolve();
  await Promise.all(
    pool.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          const next = () => {
            const req = queue.shift();
            if (req) worker.child.send(req);
            else resolve();
          };
          worker.onFailure = reject;
          worker.onReply = (msg) => {
            if (msg.error !== undefined) return reject(new Error(`worker failed: ${msg.error}`));
            for (const k of ["read", "clean", "process", "cacheHits"] as const)
              timings[k] += msg.timings[k];
            // Hand out the next batch before collecting this one: the worker never idles.
            next();
            chain = chain.then(async () => {
              for (const [i, outcome] of msg.outcomes) await onOutcome(i, outcome);
            });
            chain.catch(reject);
          };
          worker.ready.then(next, reject);
        }),
    ),
  );
  await chain;
}
