// The whole pipeline over a corpus folder, on one screen: list the files → per-speech work in a
// pool of worker processes (read, clean, describe, segment, tokenise, count; each speech's rows
// written as a part into the content-addressed cache) → duplicates → DuckDB: every table COPY'd
// from the parts, corpus statistics in SQL (data-loaders/sql/) → datapackage.json and
// manifest.json. Every input file ends up in exactly one manifest row, whatever happens to it.
// The output is byte-identical whatever --workers is (test/pipeline/determinism.test.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { listCorpus } from "./ingest/list-files.ts";
import {
  loadMetadata,
  locateMetadata,
  recordMetadataReport,
  type MetadataReport,
} from "./metadata/index.ts";
import { Collector } from "./pipeline/collector.ts";
import { loadContext, loadLexiconContext } from "./pipeline/context.ts";
import { finish } from "./pipeline/finish.ts";
import { StoredSimilarities } from "./pipeline/similarity-memo.ts";
import { StoredReusePairs } from "./pipeline/reuse-memo.ts";
import { contextFingerprint } from "./pipeline/fingerprint.ts";
import { defaultWorkers, processCorpusFiles } from "./pipeline/pool.ts";
import { ShardWriter, shardOf, type ShardSpec } from "./pipeline/shard.ts";
import { clearStamp, runKey, upToDate, writeStamp } from "./pipeline/up-to-date.ts";
import type { OutputFile } from "./publish/package-files.ts";
import type { CsvPolicy } from "./publish/tables.ts";
import { SpeechCache } from "./pipeline/cache.ts";
import type { ManifestRow } from "./types.ts";

export interface RunOptions {
  corpus: string;
  out: string;
  maxBytes: number;
  nearDuplicateThreshold: number;
  onProgress?: (done: number, total: number, label: string) => void;
  /** Worker processes for per-file work; 1 = in-process. Default: available parallelism. */
  workers?: number;
  /** Folder of the per-file result cache; null/undefined = no cache. */
  cacheDir?: string | null;
  /** Process only this share of the files, and keep what merge needs in `<out>/shard/`. */
  shard?: ShardSpec | null;
  /** Receives stage timings (ms) when given. */
  onTimings?: (timings: Record<string, number>) => void;
  /** Write the outputs even when the last run to `out` left them up to date (up-to-date.ts). */
  rebuild?: boolean;
  /** The user's metadata CSV; default: metadata.csv at the corpus root, if present. */
  metadata?: string | null;
  /** Globs of corpus files not to read (ingest/hygiene.ts). */
  exclude?: readonly string[];
  /** Which tables also get a CSV: auto (those a spreadsheet opens), all, none. */
  csv?: CsvPolicy;
  /** DuckDB's threads (default: all cores). */
  threads?: number;
  /** Detect text reuse between the speeches (data-loaders/reuse/). Default: true. */
  reuse?: boolean;
}

export interface RunResult {
  manifest: ManifestRow[];
  outputs: OutputFile[];
  /** True when nothing was written: the last run to this folder left it up to date. */
  upToDate: boolean;
  counts: { files: number; ingested: number; duplicates: number; quarantined: number };
  /** What the metadata CSV did (also in manifest.json), when there was one. */
  metadata?: MetadataReport;
}

export function stageTimer() {
  const timings: Record<string, number> = {};
  /** Resident memory (MB) at the end of each stage: where a peak comes from. */
  const rss: Record<string, number> = {};
  const time = async <T>(stage: string, fn: () => Promise<T> | T): Promise<T> => {
    const t = performance.now();
    try {
      return await fn();
    } finally {
      timings[stage] = Math.round((timings[stage] ?? 0) + performance.now() - t);
      rss[stage] = Math.round(process.memoryUsage().rss / 2 ** 20);
    }
  };
  return { timings, rss, time };
}

export async function runPipeline(opts: RunOptions): Promise<RunResult> {
  const { timings, rss, time } = stageTimer();
  const start = performance.now();
  const ctx = await time("load_lexicons", () => loadLexiconContext());
  const root = resolve(opts.corpus);
  const metadataFile = locateMetadata(root, opts.metadata);
  const listing = await time("list_files", () =>
    listCorpus(root, { exclude: opts.exclude, metadataFile: metadataFile?.inCorpus }),
  );
  const allPaths = listing.paths;
  const metadata = metadataFile ? loadMetadata(metadataFile, allPaths) : null;
  const shard = opts.shard ?? null;
  const mine = shard
    ? allPaths.flatMap((p, i) => (shardOf(p, shard.count) === shard.index ? [i] : []))
    : allPaths.map((_, i) => i);
  const paths = mine.map((i) => allPaths[i]!);
  const progress = opts.onProgress ?? (() => {});

  const collector = new Collector();
  // Without a cache, the entries (text, part, outcome) go to a folder of this run, removed when
  // it ends: the parts are what DuckDB reads.
  const tempStore = opts.cacheDir ? null : mkdtempSync(join(tmpdir(), "speech-atlas-store-"));
  const shardWriter = shard
    ? await ShardWriter.create(opts.out, {
        shard,
        corpusName: basename(root),
        fingerprint: contextFingerprint(ctx.versions),
        nearDuplicateThreshold: opts.nearDuplicateThreshold,
        paths: allPaths,
      })
    : null;
  try {
    let done = 0;
    // Files the listing set aside (not speeches, excluded, bad links) are accounted for as they
    // are; the others are read. `toRead[j]` is the index in `paths` of the j-th file read.
    const toRead: number[] = [];
    for (const [i, path] of paths.entries()) {
      const row = listing.skipped.get(path);
      if (!row) toRead.push(i);
      else {
        const outcome = { kind: "quarantined" as const, path, row };
        shardWriter?.add(mine[i]!, outcome);
        collector.add(i, outcome);
        progress(++done, paths.length + 1, `skipped ${path}`);
      }
    }
    const fileTimings = await time("per_file_wall", () =>
      processCorpusFiles(
        toRead.map((i) => paths[i]!),
        {
          root,
          maxBytes: opts.maxBytes,
          cacheDir: opts.cacheDir ?? null,
          storeDir: opts.cacheDir ?? tempStore!,
          workers: opts.workers ?? defaultWorkers(),
        },
        { versions: ctx.versions, full: loadContext },
        (j, outcome) => {
          const i = toRead[j]!;
          // The user's metadata, after describe: before the outcome is kept, so shards and the
          // corpus-level tables (year groups, hive partitions) see the given values.
          if (outcome.kind === "readable")
            outcome.speech = metadata
              ? metadata.apply(outcome.speech)
              : { ...outcome.speech, metadata: null };
          shardWriter?.add(mine[i]!, outcome);
          collector.add(i, outcome);
          progress(++done, paths.length + 1, `processed ${outcome.path}`);
        },
      ),
    );
    shardWriter?.close();
    timings.read_cpu = Math.round(fileTimings.read);
    timings.clean_cpu = Math.round(fileTimings.clean);
    timings.process_cpu = Math.round(fileTimings.process);
    timings.cache_hits = fileTimings.cacheHits;
    timings.input_digests_reused = fileTimings.digestsReused ?? 0;
    // Nothing changed since the last run to this folder: its files are what this run would write.
    const key =
      opts.cacheDir && !shard
        ? runKey(collector, paths.length, {
            out: resolve(opts.out),
            corpusName: basename(root),
            maxBytes: opts.maxBytes,
            nearDuplicateThreshold: opts.nearDuplicateThreshold,
            versions: ctx.versions,
            metadata: metadata?.sha256 ?? null,
            reuse: opts.reuse ?? true,
          })
        : null;
    const last = key && !opts.rebuild ? upToDate(opts.cacheDir!, opts.out, key) : null;
    if (last) {
      progress(paths.length + 1, paths.length + 1, "outputs up to date");
      timings.up_to_date = 1;
      timings.total = Math.round(performance.now() - start);
      opts.onTimings?.(timings);
      return { ...last, upToDate: true, counts: countsOf(last.manifest) };
    }
    if (key) clearStamp(opts.cacheDir!, opts.out);
    progress(paths.length, paths.length + 1, "writing outputs");
    // The similarities of near-duplicate candidates are kept in the cache (a rerun meets the
    // same pairs).
    const similarities = opts.cacheDir
      ? new StoredSimilarities(join(opts.cacheDir, "dedupe", "similarities.json"))
      : null;
    // So are the aligned passages of text-reuse pairs (a rerun aligns only the pairs it has not
    // met: those of changed speeches); a shard sees part of the pairs, so only a whole run.
    const reusePairs =
      opts.cacheDir && opts.reuse !== false && !shard
        ? new StoredReusePairs(join(opts.cacheDir, "reuse", "pairs.json"))
        : null;
    const { manifest, outputs } = await finish(collector, paths.length, ctx, {
      out: opts.out,
      corpusName: basename(root),
      nearDuplicateThreshold: opts.nearDuplicateThreshold,
      time,
      csv: opts.csv,
      threads: opts.threads,
      reuse: opts.reuse,
      similarities,
      reusePairs,
    });
    if (similarities) {
      similarities.save();
      timings.similarities_reused = similarities.hits;
      timings.similarities_computed = similarities.added;
    }
    if (reusePairs) {
      reusePairs.save();
      timings.reuse_pairs_reused = reusePairs.hits;
      timings.reuse_pairs_computed = reusePairs.added;
    }
    // Entries this run did not use would only be used again if the same inputs came back. A
    // shard sees part of the corpus, so only a whole run prunes.
    if (opts.cacheDir && !shard) {
      const used = new Set([...collector.readable.values()].map((r) => r.entry.key));
      const cache = new SpeechCache(opts.cacheDir, contextFingerprint(ctx.versions));
      timings.cache_entries_pruned = await time("prune", () => cache.prune(used));
    }
    const metadataReport = metadata?.report(manifest);
    if (metadataReport) await recordMetadataReport(opts.out, metadataReport);
    if (key) writeStamp(opts.cacheDir!, opts.out, key, manifest, outputs);
    timings.total = Math.round(performance.now() - start);
    // Peak resident memory of the whole process (all threads) so far, in MB.
    timings.max_rss_mb = Math.round(process.resourceUsage().maxRSS / 1024);
    for (const [stage, mb] of Object.entries(rss)) timings[`rss_mb_after_${stage}`] = mb;
    opts.onTimings?.(timings);
    return {
      manifest,
      outputs,
      upToDate: false,
      counts: countsOf(manifest),
      ...(metadataReport ? { metadata: metadataReport } : {}),
    };
  } finally {
    if (tempStore) rmSync(tempStore, { recursive: true, force: true });
  }
}

export function countsOf(manifest: readonly ManifestRow[]): RunResult["counts"] {
  return {
    files: manifest.length,
    ingested: manifest.filter((m) => m.status === "ingested").length,
    duplicates: manifest.filter((m) => m.status === "duplicate").length,
    quarantined: manifest.filter((m) => m.status === "quarantined").length,
  };
}

/** Default cache folder of a run writing to `out`. */
export const defaultCacheDir = (out: string) => join(out, ".cache");
