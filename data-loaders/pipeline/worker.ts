// Worker-thread side of the pool: loads its own context (nodejieba keeps one dictionary per
// thread's module instance) once, then turns batches of corpus paths into outcomes.
import { parentPort, workerData } from "node:worker_threads";
import { SpeechCache } from "./cache.ts";
import { loadContext } from "./context.ts";
import { processFile, type FileOutcome, type FileTimings } from "./file-work.ts";
import { contextFingerprint } from "./fingerprint.ts";
import type { BatchRequest, BatchReply, WorkerSetup } from "./pool.ts";

const setup = workerData as WorkerSetup;
const ctx = loadContext();
const cache = setup.cacheDir ? new SpeechCache(setup.cacheDir, contextFingerprint(ctx.versions)) : null;

parentPort!.on("message", async (req: BatchRequest) => {
  const timings: FileTimings = { read: 0, clean: 0, process: 0, cacheHits: 0 };
  try {
    const outcomes: [number, FileOutcome][] = [];
    for (const [index, path] of req.items) {
      outcomes.push([index, await processFile(setup.root, path, { maxBytes: setup.maxBytes }, ctx, cache, timings)]);
    }
    parentPort!.postMessage({ batch: req.batch, outcomes, timings } satisfies BatchReply);
  } catch (err) {
    parentPort!.postMessage({ batch: req.batch, error: (err as Error).stack ?? String(err) } satisfies BatchReply);
  }
});
parentPort!.postMessage({ ready: true });
