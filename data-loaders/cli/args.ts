// Command-line options of `speech-atlas` / `npm run data`, documented once here; --help prints
// this table.
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parseShard, type ShardSpec } from "../pipeline/shard.ts";
import { SPREADSHEET_ROWS, type CsvPolicy } from "../publish/tables.ts";

export interface CliOptions {
  corpus: string;
  out: string;
  maxFileMb: number;
  nearDuplicate: number;
  quiet: boolean;
  help: boolean;
  /** Worker processes for per-file work (1 = in-process). */
  workers: number;
  /** Cache folder, or null for --no-cache. */
  cacheDir: string | null;
  shard: ShardSpec | null;
  timings: boolean;
  /** Write the outputs even when the last run left them up to date. */
  rebuild: boolean;
  /** The user's metadata CSV (null: metadata.csv at the corpus root, if any). */
  metadata: string | null;
  /** Globs of corpus files not to read (listed in the manifest as excluded). */
  exclude: string[];
  /** Which tables also get a CSV (publish/tables.ts). */
  csv: CsvPolicy;
  /** DuckDB threads; undefined = all cores. */
  threads?: number;
  /** Detect text reuse (false: --no-reuse). */
  reuse: boolean;
}

export const HELP = `Usage: speech-atlas --corpus <dir> --out <dir> [options]
       npm run data -- --corpus <dir> --out <dir> [options]
       speech-atlas merge --out <dir> <shard dir>...   (also: npm run merge -- --out <dir> <shard dir>...)

Reads every file under --corpus (.txt, .md, .docx; any encoding among UTF-8, UTF-16, GB18030/GBK),
cleans, describes, outlines and counts each speech, and writes tables as Parquet and CSV with
datapackage.json and manifest.json into --out.

Options:
  --corpus <dir>            Folder of raw speeches, read recursively (default: corpus/sample)
  --out <dir>               Output folder, created if missing (default: out)
  --max-file-mb <n>         Quarantine files larger than this many MB (default: 10)
  --near-duplicate <0..1>   Jaccard similarity of character 5-gram shingles at or above which a
                            file counts as a near duplicate of an earlier one (default: 0.9)
  --workers <n>             Worker processes for reading, cleaning and processing speeches
                            (default: available parallelism; 1 = all in the main thread)
  --cache <dir>             Cache of per-file results keyed by content hash, lexicon files and
                            pipeline version; never stale, safe to delete (default: <out>/.cache)
  --no-cache                Neither read nor write the cache
  --rebuild                 Write every output even if nothing changed since the last run to
                            --out (by default such a run stops after reading the cache and
                            says the outputs are up to date)
  --shard <i>/<n>           Process only share i of n (0-based, by a hash of each file's path)
                            and keep in <out>/shard/ what merge needs to rebuild the whole run
  --metadata <file.csv>     Your own metadata, keyed by file path: title, speaker, date or year,
                            level, genre, place, any other columns kept as they are; a given
                            value overrides the inferred one (default: metadata.csv at the
                            corpus root, if present). Bad rows are reported and skipped
  --exclude <glob>          Do not read files matching the glob (repeatable; * ? ** [..]; a
                            glob without / matches names at any depth). README, LICENSE, .json,
                            .csv, .py … are skipped anyway; all are listed in the manifest
  --csv auto|all|none       Which tables also get a CSV next to their Parquet file: auto (default)
                            those of at most ${SPREADSHEET_ROWS.toLocaleString("en")} data rows, which a spreadsheet
                            opens; all; none. Any slice of a larger table is one SQL query away
                            (the Data page's SQL console, or DuckDB on the Parquet file)
  --threads <n>             DuckDB threads for writing the tables and the corpus statistics
                            (default: all cores; the outputs are the same bytes whatever it is)
  --no-reuse                Skip text-reuse detection (passages of 50+ Han characters shared
                            between speeches): reuse_passages is empty and the speeches' reuse
                            columns are null. Its cost grows with the pairs of speeches that
                            share passages: on a corpus assembled from one pool of paragraphs
                            it can exceed the rest of the run
  --timings                 Print stage timings (ms) to stderr as one JSON line
  --quiet                   No progress bar and no summary
  -h, --help                Show this help

Exit status: 0 when at least one speech was ingested (bad files are quarantined and listed in
manifest), 2 on a usage error, 1 when nothing could be ingested.`;

export class UsageError extends Error {}

export function parseCliArgs(argv: string[]): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        corpus: { type: "string", default: "corpus/sample" },
        out: { type: "string", default: "out" },
        "max-file-mb": { type: "string", default: "10" },
        "near-duplicate": { type: "string", default: "0.9" },
        quiet: { type: "boolean", default: false },
        workers: { type: "string" },
        cache: { type: "string" },
        "no-cache": { type: "boolean", default: false },
        rebuild: { type: "boolean", default: false },
        "no-reuse": { type: "boolean", default: false },
        shard: { type: "string" },
        timings: { type: "boolean", default: false },
        metadata: { type: "string" },
        exclude: { type: "string", multiple: true, default: [] },
        csv: { type: "string", default: "auto" },
        threads: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const maxFileMb = Number(values["max-file-mb"]);
  if (!(maxFileMb > 0))
    throw new UsageError(`invalid --max-file-mb: ${values["max-file-mb"]} (a positive number)`);
  const nearDuplicate = Number(values["near-duplicate"]);
  if (!(nearDuplicate > 0 && nearDuplicate <= 1))
    throw new UsageError(
      `invalid --near-duplicate: ${values["near-duplicate"]} (a number in (0, 1])`,
    );
  const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
  if (!(Number.isInteger(workers) && workers >= 1))
    throw new UsageError(`invalid --workers: ${values.workers} (a whole number ≥ 1)`);
  const shard = values.shard === undefined ? null : parseShard(values.shard);
  if (values.shard !== undefined && !shard)
    throw new UsageError(`invalid --shard: ${values.shard} (i/n with 0 ≤ i < n)`);
  if (values["no-cache"] && values.cache !== undefined)
    throw new UsageError("--cache and --no-cache exclude each other");
  const csv = parseCsvPolicy(values.csv!);
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1))
    throw new UsageError(`invalid --threads: ${values.threads} (a whole number ≥ 1)`);
  return {
    workers,
    shard,
    timings: values.timings!,
    rebuild: values.rebuild!,
    reuse: !values["no-reuse"],
    metadata: values.metadata ?? null,
    exclude: values.exclude!,
    csv,
    ...(threads !== undefined ? { threads } : {}),
    cacheDir: values["no-cache"] ? null : (values.cache ?? join(values.out!, ".cache")),
    corpus: values.corpus!,
    out: values.out!,
    maxFileMb,
    nearDuplicate,
    quiet: values.quiet!,
    help: values.help!,
  };
}

export interface MergeOptions {
  out: string;
  shards: string[];
  timings: boolean;
  quiet: boolean;
  csv: CsvPolicy;
}

export function parseMergeArgs(argv: string[]): MergeOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        out: { type: "string" },
        timings: { type: "boolean", default: false },
        quiet: { type: "boolean", default: false },
        csv: { type: "string", default: "auto" },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (!parsed.values.out) throw new UsageError("merge needs --out <dir>");
  if (parsed.positionals.length === 0)
    throw new UsageError("merge needs at least one shard folder");
  return {
    out: parsed.values.out,
    shards: parsed.positionals,
    timings: parsed.values.timings!,
    quiet: parsed.values.quiet!,
    csv: parseCsvPolicy(parsed.values.csv!),
  };
}

function parseCsvPolicy(value: string): CsvPolicy {
  if (value === "auto" || value === "all" || value === "none") return value;
  throw new UsageError(`invalid --csv: ${value} (auto, all or none)`);
}
