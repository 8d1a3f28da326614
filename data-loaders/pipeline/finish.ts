// From collected outcomes to the published folder: duplicates, manifest, corpus-level tables,
// then every table streamed to Parquet + CSV, datapackage.json and manifest.json — the same
// bytes as publish/writeOutputs would write for the same rows (tested in test/scale).
import { mkdir } from "node:fs/promises";
import { basename, join } from "node:path";
import { findDuplicates, type SimilarityMemo } from "../ingest/dedupe.ts";
import { rankCandidates } from "../language/candidates.ts";
import { formulationRows } from "../language/formulations.ts";
import { themeRows } from "../language/themes.ts";
import { writePackageFiles } from "../publish/package-files.ts";
import type { OutputFile } from "../publish/package-files.ts";
import * as tables from "../tables/index.ts";
import type { TableSpec } from "../tables/spec.ts";
import type { ManifestRow } from "../types.ts";
import { writeCorpusTables } from "./corpus-tables.ts";
import { corpusTasks } from "./corpus-tasks.ts";
import type { CollectedSpeech, Collector } from "./collector.ts";
import type { LexiconContext } from "./context.ts";
import type { SpeechTable } from "./file-work.ts";
import {
  planGroups,
  writeEncodedTable,
  writeSpeechGroupedTable,
  writeTableStreaming,
  type SpeechPart,
} from "./table-writer.ts";
import type { GroupCache } from "./group-cache.ts";

export interface FinishResult {
  manifest: ManifestRow[];
  outputs: OutputFile[];
  kept: CollectedSpeech[];
  /** Time (ms) spent computing and writing term_stats and collocations (maybe in a worker). */
  corpusTableMs: Record<string, number>;
  /** Row groups of the per-speech tables taken from the group cache, and encoded (`helped`:
   *  of those taken from the cache, how many the corpus-tables worker encoded in this run). */
  rowGroups: { reused: number; encoded: number; helped: number };
}

type Timer = <T>(stage: string, fn: () => Promise<T> | T) => Promise<T>;

/** Manifest rows (path order) and the kept speeches (speech_id order). */
export function settle(
  collector: Collector,
  nPaths: number,
  threshold: number,
  similarities?: SimilarityMemo,
): { manifest: ManifestRow[]; kept: CollectedSpeech[] } {
  const readable = [...collector.readable.values()].sort((a, b) => a.index - b.index);
  const duplicates = findDuplicates(
    readable.map((r) => ({
      key: r.path,
      text: () => collector.textOf(r),
      digest: r.textDigest,
      signature: r.minhash,
    })),
    threshold,
    similarities,
  );
  const idByPath = new Map(readable.map((r) => [r.path, r.speechId]));
  const manifest: ManifestRow[] = [];
  for (let i = 0; i < nPaths; i++) {
    const q = collector.quarantined.get(i);
    if (q) {
      manifest.push(q);
      continue;
    }
    const r = collector.readable.get(i);
    if (!r) throw new Error(`no outcome for path #${i}`);
    const dup = duplicates.get(r.path);
    manifest.push({
      path: r.path,
      sha256: r.sha256,
      bytes: r.bytes,
      encoding: r.encoding,
      status: dup ? "duplicate" : "ingested",
      reason: dup
        ? dup.exact
          ? `exact duplicate of ${dup.of}`
          : `near duplicate of ${dup.of} (shingle Jaccard ${dup.similarity.toFixed(4)})`
        : null,
      speech_id: dup ? idByPath.get(dup.of)! : r.speechId,
      similarity: dup ? dup.similarity : null,
    });
  }
  const kept = readable.filter((r) => !duplicates.has(r.path));
  kept.sort((a, b) => (a.speechId < b.speechId ? -1 : a.speechId > b.speechId ? 1 : 0));
  return { manifest, kept };
}

/** The per-speech tables in the order finish() writes them. */
const SPILLED: [TableSpec<any>, SpeechTable][] = [
  [tables.sectionsTable, "sections"],
  [tables.sentencesTable, "sentences"],
  [tables.removalsTable, "removals"],
  [tables.termsTable, "terms"],
  [tables.formulationHitsTable, "formulation_hits"],
  [tables.themeScoresTable, "theme_scores"],
];

/** The speeches' shares of a per-speech table, for writeSpeechGroupedTable. A speech's store
 *  key is its speech-store file's name (cache.ts); outcomes without one (shard files) have
 *  none, and their row groups are always encoded. */
function speechParts(
  collector: Collector,
  speeches: readonly CollectedSpeech[],
  table: SpeechTable,
): SpeechPart[] {
  return speeches.map((s) => {
    const file = s.spill[table].file;
    return {
      speechId: s.speechId,
      rows: s.rowCounts[table],
      storeKey: typeof file === "string" ? basename(file, ".sas") : null,
      read: () => collector.rowsOf(s, table),
    };
  });
}

export async function finish(
  collector: Collector,
  nPaths: number,
  ctx: Pick<LexiconContext, "lexicon" | "codebook" | "versions">,
  opts: {
    out: string;
    corpusName: string;
    nearDuplicateThreshold: number;
    time: Timer;
    parallel: boolean;
    /** Similarities of near-duplicate candidates known from earlier runs (with a cache). */
    similarities?: SimilarityMemo | null;
    /** Encoded row groups kept between runs (with a cache), or null. */
    groups?: GroupCache | null;
  },
): Promise<FinishResult> {
  const { time } = opts;
  // Started now so that its start-up overlaps duplicate detection; it gets its data below.
  const tasks = opts.parallel ? corpusTasks() : null;
  try {
    return await publish(collector, nPaths, ctx, opts, tasks);
  } catch (err) {
    tasks?.stop();
    throw err;
  }
}

async function publish(
  collector: Collector,
  nPaths: number,
  ctx: Pick<LexiconContext, "lexicon" | "codebook" | "versions">,
  opts: Parameters<typeof finish>[3],
  tasks: ReturnType<typeof corpusTasks> | null,
): Promise<FinishResult> {
  const { time } = opts;
  const { manifest, kept } = await time("dedupe", () =>
    settle(collector, nPaths, opts.nearDuplicateThreshold, opts.similarities ?? undefined),
  );
  const speeches = kept.map((k) => k.speech);
  const candidates = await time("candidates", () =>
    rankCandidates(
      kept.flatMap((k) => k.candidates),
      ctx.lexicon,
    ),
  );

  await mkdir(opts.out, { recursive: true });
  const outputs: OutputFile[] = [];
  const rowCounts: Record<string, number> = {};
  const put = async (spec: TableSpec<any>, chunks: Iterable<readonly unknown[]>) =>
    record(spec, await writeTableStreaming(spec, chunks, join(opts.out, spec.name)));
  const record = (spec: TableSpec<any>, r: Awaited<ReturnType<typeof writeEncodedTable>>) => {
    rowCounts[spec.name] = r.rows;
    outputs.push({ path: `${spec.name}.parquet`, ...r.parquet, rows: r.rows });
    outputs.push({ path: `${spec.name}.csv`, ...r.csv!, rows: r.rows });
  };
  const groupStats = { reused: 0, encoded: 0, helped: 0 };
  // The per-speech tables, in the order they are written (the worker helps from the last).
  const perSpeech = SPILLED.map(([spec, table]) => {
    const parts = speechParts(collector, kept, table);
    return { spec, table, parts, groups: planGroups(spec, parts, opts.groups ?? null) };
  });
  const spilled = (spec: TableSpec<any>, table: SpeechTable) =>
    time(`write_${spec.name}`, async () => {
      const i = perSpeech.findIndex((t) => t.table === table);
      const r = await writeSpeechGroupedTable(
        spec,
        perSpeech[i]!.parts,
        join(opts.out, spec.name),
        opts.groups ?? null,
        { claims: tasks?.claims(i) ?? null },
      );
      groupStats.reused += r.reused;
      groupStats.encoded += r.encoded;
      record(spec, r);
    });
  const inMemory = (spec: TableSpec<any>, rows: readonly unknown[]) =>
    time(`write_${spec.name}`, () => put(spec, [rows]));

  // term_stats and collocations go to a worker thread (when allowed) while this one writes the
  // per-speech tables, and this one takes what the worker has not started once it is done
  // (corpus-tasks.ts); the outputs list keeps the published order either way.
  const byId = new Map(kept.map((s) => [s.speechId, s]));
  tasks?.start(
    kept,
    collector.words,
    opts.out,
    opts.groups
      ? {
          cacheDir: opts.groups.dir,
          tables: perSpeech.map(({ spec, table, groups }) => ({
            spec,
            groups,
            refs: (id: string) => {
              const s = byId.get(id)!;
              return { cols: s.spill[table], csv: s.spill[`${table}.csv`] };
            },
          })),
        }
      : undefined,
  );
  await inMemory(tables.speechesTable, speeches);
  await spilled(tables.sectionsTable, "sections");
  await spilled(tables.sentencesTable, "sentences");
  await spilled(tables.removalsTable, "removals");
  await inMemory(tables.manifestTable, manifest);
  await spilled(tables.termsTable, "terms");
  await inMemory(tables.formulationsTable, formulationRows(ctx.lexicon));
  await spilled(tables.formulationHitsTable, "formulation_hits");
  await inMemory(tables.formulationCandidatesTable, candidates);
  await inMemory(tables.themesTable, themeRows(ctx.codebook));
  await spilled(tables.themeScoresTable, "theme_scores");
  const corpusTableMs: Record<string, number> = {};
  const corpusResults = await time("wait_corpus_tables", async () => {
    if (!tasks) return writeCorpusTables(kept, collector.words, opts.out);
    const { tables, groupsHelped } = await tasks.finish();
    corpusTableMs.corpus_tables_on_main = tables.filter((r) => r.thread === "main").length;
    groupStats.helped = groupsHelped;
    return tables;
  });
  for (const r of corpusResults) {
    rowCounts[r.name] = r.rows;
    outputs.push({ path: `${r.name}.parquet`, ...r.parquet, rows: r.rows });
    outputs.push({ path: `${r.name}.csv`, ...r.csv, rows: r.rows });
    corpusTableMs[r.name] = Math.round(r.ms);
  }
  for (const s of kept) s.termIds = s.termCounts = s.tokens = s.sentenceEnds = new Int32Array(0);

  await writePackageFiles(opts.out, tables.ALL_TABLES as readonly TableSpec<any>[], outputs, {
    corpusName: opts.corpusName,
    lexicons: ctx.versions,
    manifest,
    rowCounts,
  });
  return { manifest, outputs, kept, corpusTableMs, rowGroups: groupStats };
}

/** Per-speech tables that get a hive-partitioned copy (by the speech's year). */
const HIVE_TABLES: [TableSpec<any>, SpeechTable | null][] = [
  [tables.speechesTable, null],
  [tables.sectionsTable, "sections"],
  [tables.sentencesTable, "sentences"],
  [tables.removalsTable, "removals"],
  [tables.termsTable, "terms"],
  [tables.formulationHitsTable, "formulation_hits"],
  [tables.themeScoresTable, "theme_scores"],
];

/** `<out>/hive/<table>/year=YYYY/part-0.parquet` (year=unknown for null), rows in speech_id order. */
export async function writeHive(
  collector: Collector,
  kept: readonly CollectedSpeech[],
  out: string,
): Promise<void> {
  const byYear = new Map<string, CollectedSpeech[]>();
  for (const s of kept) {
    const y = s.speech.year === null ? "unknown" : String(s.speech.year);
    let list = byYear.get(y);
    if (!list) byYear.set(y, (list = []));
    list.push(s);
  }
  for (const [spec, table] of HIVE_TABLES) {
    for (const [year, speeches] of [...byYear].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const dir = join(out, "hive", spec.name, `year=${year}`);
      await mkdir(dir, { recursive: true });
      const base = join(dir, "part-0");
      if (table)
        await writeSpeechGroupedTable(spec, speechParts(collector, speeches, table), base, null, {
          csv: false,
        });
      else await writeTableStreaming(spec, [speeches.map((s) => s.speech)], base, { csv: false });
    }
  }
}
