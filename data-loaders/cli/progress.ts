// A one-line progress bar on stderr, only on a terminal and only once a run has lasted a
// second (short runs stay quiet; logs and CI never see carriage-return noise).
export interface Progress {
  tick(done: number, total: number, label: string): void;
  done(): void;
}

const QUIET: Progress = { tick() {}, done() {} };

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return QUIET;
  const started = Date.now();
  let shown = false;
  let last = 0;
  return {
    tick(done, total, label) {
      const now = Date.now();
      if (now - started < 1000 || (now - last < 100 && done < total)) return;
      last = now;
      shown = true;
      const width = 30;
      const frac = total > 0 ? done / total : 1;
      const bar = "█".repeat(Math.round(frac * width)).padEnd(width, "░");
      const text = `${bar} ${done}/${total} ${label}`.slice(0, (stream.columns ?? 80) - 1);
      stream.write(`\r\x1b[2K${text}`);
    },
    done() {
      if (shown) stream.write("\r\x1b[2K");
    },
  };
}
