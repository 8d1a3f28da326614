// Reads ahead of a loop of small synchronous reads when the files are not in the page cache.
// A rerun serves its cache hits with synchronous reads, one file after another (cache.ts: with
// the files in memory that is the cheapest way, ~10 µs a file). The day after, with the page
// cache gone, each read waits on the disk: 10,000 entry headers took 2.8 s one at a time on the
// benchmark machine. With asynchronous reads of the next files in flight (libuv's thread pool
// reads them into a scratch buffer; only the page cache keeps what they read), the loop finds
// them in memory: 1.2 s. Warm, the same read-ahead costs ~0.1 s per 10,000 files for nothing,
// so it starts only once the loop's own reads show the disk: after PROBE files, when they took
// more than SLOW_MS each on average.
//
// The loop has to give the event loop a turn now and then (each read-ahead is an open, a read
// and a close, each continued from a callback): at() returns a promise every STEP files once
// reading ahead. Nothing read ahead is used, so it changes no result.
import { close, open, read } from "node:fs";

const PROBE = 64;
const SLOW_MS = 0.1;
const STEP = 32;
/** Files kept requested ahead of the loop. */
const DEPTH = 256;
/** Bytes read ahead from the start of each file (an entry's header and the kernel's own
 *  read-ahead window; a whole input of average size). */
const AHEAD_BYTES = 64 * 1024;

export class PageWarmer {
  private ahead = 0;
  private on = false;
  private startMs = 0;
  private readonly scratch = Buffer.allocUnsafeSlow(AHEAD_BYTES);
  /** Files read ahead (tests). */
  warmed = 0;

  /**
   * @param fileAt the file the loop reads at step i (null: none)
   * @param count the loop's steps
   * @param ioMs the loop's time spent reading so far (summed, ms)
   */
  constructor(
    private fileAt: (i: number) => string | null,
    private count: number,
    private ioMs: () => number,
  ) {}

  /** Call before step i's reads; await what it returns, when anything. */
  at(i: number): Promise<void> | undefined {
    if (!this.on) {
      if (i === 0) this.startMs = this.ioMs();
      else if (i === PROBE && (this.ioMs() - this.startMs) / PROBE > SLOW_MS) {
        this.on = true;
        this.ahead = i;
      }
      if (!this.on) return undefined;
    }
    if (i % STEP !== 0) return undefined;
    for (const end = Math.min(this.count, i + DEPTH); this.ahead < end; this.ahead++) {
      const file = this.fileAt(this.ahead);
      if (file !== null) this.warm(file);
    }
    return new Promise((resolve) => setImmediate(resolve));
  }

  private warm(file: string): void {
    this.warmed++;
    open(file, "r", (err, fd) => {
      if (err) return; // the loop's own read will say what is wrong
      read(fd, this.scratch, 0, AHEAD_BYTES, 0, () => close(fd, () => {}));
    });
  }
}
