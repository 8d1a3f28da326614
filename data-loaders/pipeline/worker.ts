// Pool worker: a child process (see pool.ts for why not a thread) that loads its own context
// once, then turns batches of corpus paths into outcomes, each speech's entry written to the
// store (cache.ts).
import { SpeechCache } from "./cache.ts";
import { loadContext } from "./context.ts";
import { processFile, type FileOutcome, type FileTimings } from "./file-work.ts";
import { contextFingerprint } from "./fingerprint.ts";
import type { BatchRequest, BatchReply, WorkerSetup } from "./pool.ts";

const setup = JSON.parse(process.argv[2]!) as WorkerSetup;
const send = (msg: unknown) => process.send!(msg);
const ctx = loadContext();
const store = new SpeechCache(setup.storeDir, contextFingerprint(ctx.versions));

async function handle(req: BatchRequest): Promise<void> {
  const timings: FileTimings = { read: 0, clean: 0, process: 0, cacheHits: 0 };
  try {
    const outcomes: [number, FileOutcome][] = [];
    for (const [index, path] of req.items) {
      outcomes.push([
        index,
        await processFile(setup.root, path, { maxBytes: setup.maxBytes }, ctx, store, timings),
      ]);
    }
    send({ batch: req.batch, outcomes, timings } satisfies BatchReply);
  } catch (err) {
    send({ batch: req.batch, error: (err as Error).stack ?? String(err) } satisfies BatchReply);
  }
}

process.on("message", (m) => void handle(m as BatchRequest));
send({ ready: true });
