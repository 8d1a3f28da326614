// Entry point of `npm run data` and the `speech-atlas` bin: parse options, run, summarise.
// Exit 2 for usage errors, 1 when nothing could be ingested, 0 otherwise.
import { stat } from "node:fs/promises";
import { HELP, parseCliArgs, parseMergeArgs, UsageError } from "./cli/args.ts";
import { evaluateCommand } from "./evaluate/command.ts";
import { mergeShards } from "./pipeline/merge.ts";
import { terminalProgress } from "./cli/progress.ts";
import { runPipeline, type RunResult } from "./run.ts";
import { MetadataFormatError } from "./metadata/index.ts";

async function main(argv: string[]): Promise<number> {
  if (argv[0] === "merge") return merge(argv.slice(1));
  if (argv[0] === "evaluate") return evaluateCommand(argv.slice(1));
  let opts;
  try {
    opts = parseCliArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`speech-atlas: ${err.message}\nTry --help.`);
      return 2;
    }
    throw err;
  }
  if (opts.help) {
    console.log(HELP);
    return 0;
  }
  const info = await stat(opts.corpus).catch(() => null);
  if (!info?.isDirectory()) {
    console.error(`speech-atlas: corpus folder not found: ${opts.corpus}`);
    return 2;
  }
  const progress = opts.quiet ? undefined : terminalProgress();
  let result: RunResult;
  try {
    result = await runPipeline({
      corpus: opts.corpus,
      out: opts.out,
      maxBytes: Math.round(opts.maxFileMb * 1024 * 1024),
      nearDuplicateThreshold: opts.nearDuplicate,
      onProgress: progress ? (d, t, l) => progress.tick(d, t, l) : undefined,
      workers: opts.workers,
      cacheDir: opts.cacheDir,
      shard: opts.shard,
      rebuild: opts.rebuild,
      metadata: opts.metadata,
      exclude: opts.exclude,
      csv: opts.csv,
      threads: opts.threads,
      reuse: opts.reuse,
      onTimings: opts.timings ? (t) => console.error(JSON.stringify({ timings: t })) : undefined,
    });
  } catch (err) {
    // A metadata file that cannot be read at all is a usage error: nothing was written.
    if (!(err instanceof MetadataFormatError)) throw err;
    progress?.done();
    console.error(`speech-atlas: metadata: ${err.message}`);
    return 2;
  }
  progress?.done();
  const c = result.counts;
  if (!opts.quiet) {
    console.error(
      `speech-atlas: ${c.files} files: ${c.ingested} ingested, ${c.duplicates} duplicate, ${c.quarantined} quarantined → ${opts.out}` +
        (result.upToDate
          ? " (unchanged since the last run: outputs up to date, --rebuild to rewrite)"
          : ""),
    );
    for (const m of result.manifest.filter((m) => m.status !== "ingested")) {
      console.error(`  ${m.status}: ${m.path} (${m.reason})`);
    }
    const md = result.metadata;
    if (md) {
      console.error(
        `speech-atlas: metadata ${md.file}: ${md.applied.length} rows applied, ${md.rejected.length} skipped`,
      );
      for (const r of md.rejected) console.error(`  ${md.file} line ${r.line}: ${r.reason}`);
      for (const r of md.not_ingested)
        console.error(`  ${md.file} line ${r.line}: ${r.path} was not ingested (${r.status})`);
    }
  }
  if (c.ingested === 0) {
    console.error(`speech-atlas: nothing could be ingested from ${opts.corpus} (${c.files} files)`);
    return 1;
  }
  return 0;
}

async function merge(argv: string[]): Promise<number> {
  let opts;
  try {
    opts = parseMergeArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`speech-atlas merge: ${err.message}\nTry --help.`);
      return 2;
    }
    throw err;
  }
  const result = await mergeShards({
    out: opts.out,
    shards: opts.shards,
    csv: opts.csv,
    onTimings: opts.timings ? (t) => console.error(JSON.stringify({ timings: t })) : undefined,
  });
  const c = result.counts;
  if (!opts.quiet)
    console.error(
      `speech-atlas merge: ${opts.shards.length} shards, ${c.files} files: ${c.ingested} ingested → ${opts.out}`,
    );
  return c.ingested === 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`speech-atlas: internal error: ${(err as Error).stack ?? err}`);
    process.exit(1);
  },
);
