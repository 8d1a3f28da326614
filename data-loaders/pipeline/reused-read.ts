import { closeSync, fstatSync, openSync, readSync, type BigIntStats } from "node:fs";
// Whole-file reads into one buffer reused from call to call (grown as needed). Reruns read
// thousands of files back to back (every input to hash it, every cached row group to copy it):
// a fresh buffer per file costs an allocation each and leaves the process waiting for the GC to
// give the memory back, while it grows.

export class ReusedReader {
  private buffer: Buffer;
  /** The status of the file last read, taken once it was open (input-digests.ts records it). */
  lastStatus: BigIntStats | null = null;
  /** Time spent in read(), summed. */
  ms = 0;
  constructor(initialBytes = 1 << 16) {
    this.buffer = Buffer.allocUnsafeSlow(initialBytes);
  }

  /** The file's bytes (valid until the next read), or null when it cannot be opened or read.
   *  Reads to the end whatever fstat said: a file that grows meanwhile is returned as read. */
  read(path: string): Buffer | null {
    const t = performance.now();
    try {
      return this.readAll(path);
    } finally {
      this.ms += performance.now() - t;
    }
  }

  private readAll(path: string): Buffer | null {
    this.lastStatus = null;
    let fd: number;
    try {
      fd = openSync(path, "r");
    } catch {
      return null;
    }
    try {
      const status = fstatSync(fd, { bigint: true });
      const size = Number(status.size);
      if (size + 1 > this.buffer.length) this.buffer = Buffer.allocUnsafeSlow(2 * size + 1);
      let got = 0;
      for (;;) {
        if (got === this.buffer.length) {
          const bigger = Buffer.allocUnsafeSlow(2 * this.buffer.length);
          this.buffer.copy(bigger, 0, 0, got);
          this.buffer = bigger;
        }
        const n = readSync(fd, this.buffer, got, this.buffer.length - got, got);
        if (n === 0) break;
        got += n;
      }
      this.lastStatus = status;
      return this.buffer.subarray(0, got);
    } catch {
      return null;
    } finally {
      closeSync(fd);
    }
  }
}
