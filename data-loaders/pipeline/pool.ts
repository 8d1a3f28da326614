// Per-file work over the corpus, in-process (workers = 1) or in a pool of worker processes. Work
// goes out in batches (a worker spends ~0.5–1 s loading its dictionary; messages are cheap but
// not free), and outcomes come back tagged with their path index, so the caller's result never
// depends on which worker finished first.
import { availableParallelism } from "node:os";
import { fork, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { SpeechCache } from "./cache.ts";
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
}

export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * Calls onOutcome once per path (in completion order, with the path's index); sums timings.
 * With a cache, the main thread first serves every hit itself: a rerun after a small change
 * starts workers (and loads their dictionaries) only for the files that changed.
 */
export async function processCorpusFiles(
  allPaths: readonly string[],
  opts: PoolOptions,
  ctx: { versions: Record<string, string>; full: () => PipelineContext },
  onOutcome: (index: number, outcome: FileOutcome) => void | Promise<void>,
): Promise<FileTimings> {
  const timings: FileTimings = { read: 0, clean: 0, process: 0, cacheHits: 0 };
  let todo: [number, string][] = allPaths.map((p, i) => [i, p]);
  if (opts.cacheDir) {
    const cache = new SpeechCache(opts.cacheDir, contextFingerprint(ctx.versions));
    const misses: [number, string][] = [];
    // Synchronous lookups in a tight loop (cache.ts); only an asynchronous onOutcome is awaited.
    for (const [i, path] of todo) {
      const t = performance.now();
      const hit = cache.lookup(opts.root, path, opts.maxBytes);
      timings.read += performance.now() - t;
      if (hit) {
        timings.cacheHits++;
        const pending = onOutcome(i, hit);
        if (pending) await pending;
      } else misses.push([i, path]);
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

  // Batches small enough to balance the load at the end, large enough to amortise messaging.
  const size = opts.batchSize ?? Math.max(1, Math.min(64, Math.ceil(todo.length / (workers * 8))));
  const queue: BatchRequest[] = [];
  for (let i = 0, b = 0; i < todo.length; i += size, b++)
    queue.push({ batch: b, items: todo.slice(i, i + size) });
  const setup: WorkerSetup = { root: opts.root, maxBytes: opts.maxBytes, storeDir: opts.storeDir };
  // Child processes, not worker threads: nodejieba never frees its dictionary, so each worker
  // thread leaves ~270 MB resident in this process after it ends (measured), which would hold
  // every worker's dictionary through the whole publishing phase. A process returns it on exit.
  // "advanced" serialization = structured clone, as for threads.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm")).href;
  const pool: ChildProcess[] = Array.from({ length: workers }, () =>
    fork(new URL("./worker.ts", import.meta.url), [JSON.stringify(setup)], {
      execArgv: ["--import", tsx],
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    }),
  );
  // One chain for all workers: the caller's onOutcome never runs concurrently with itself.
  let chain = Promise.resolve();
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const req = queue.shift();
              if (req) worker.send(req);
              else resolve();
            };
            worker.on("error", reject);
            worker.on("exit", (code, signal) =>
              reject(new Error(`worker exited early (code ${code}, signal ${signal})`)),
            );
            worker.on("message", (msg: BatchReply | { ready: true }) => {
              if ("ready" in msg) return next();
              if (msg.error !== undefined) return reject(new Error(`worker failed: ${msg.error}`));
              for (const k of ["read", "clean", "process", "cacheHits"] as const)
                timings[k] += msg.timings[k];
              // Hand out the next batch before collecting this one: the worker never idles.
              next();
              chain = chain.then(async () => {
                for (const [i, outcome] of msg.outcomes) await onOutcome(i, outcome);
              });
              chain.catch(reject);
            });
          }),
      ),
    );
    await chain;
  } finally {
    await Promise.all(
      pool.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.exitCode !== null || w.signalCode !== null) return resolve();
            w.once("exit", () => resolve());
            w.kill();
          }),
      ),
    );
  }
  return timings;
}
