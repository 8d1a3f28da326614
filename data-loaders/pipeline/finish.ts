// From collected outcomes to the published folder: duplicates, manifest, then every table
// through DuckDB (publish/tables.ts): the per-speech tables from the kept speeches' parts, the
// corpus statistics as SQL (data-loaders/sql/) over the published files, then datapackage.json
// and manifest.json listing exactly what was written.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findDuplicates, type SimilarityMemo } from "../ingest/dedupe.ts";
import { rankCandidates } from "../language/candidates.ts";
import { formulationRows } from "../language/formulations.ts";
import { themeRows } from "../language/themes.ts";
import { defineCorpusInputs } from "../publish/corpus-stats.ts";
import { literal, openEngine, type Engine } from "../publish/duckdb.ts";
import { writePackageFiles, type OutputFile } from "../publish/package-files.ts";
import { assembleParts, partsSource, sentenceTermsSource } from "../publish/speech-parts.ts";
import { PARQUET_OPTIONS, publishTable, rowsSource, type CsvPolicy } from "../publish/tables.ts";
import type { PairMemo } from "../reuse/detect.ts";
import { reuseGroups } from "../reuse/groups.ts";
import { reuseStage, withoutReuse } from "../reuse/stage.ts";
import { sqlText } from "../sql/index.ts";
import * as tables from "../tables/index.ts";
import type { TableSpec } from "../tables/spec.ts";
import type { ManifestRow } from "../types.ts";
import type { CollectedSpeech, Collector } from "./collector.ts";
import type { LexiconContext } from "./context.ts";

export interface FinishResult {
  manifest: ManifestRow[];
  outputs: OutputFile[];
  kept: CollectedSpeech[];
}

type Timer = <T>(stage: string, fn: () => Promise<T> | T) => Promise<T>;

export interface FinishOptions {
  out: string;
  corpusName: string;
  nearDuplicateThreshold: number;
  time: Timer;
  /** Which tables also get a CSV (publish/tables.ts). Default: auto. */
  csv?: CsvPolicy;
  /** DuckDB threads (default: all cores). */
  threads?: number;
  /** Similarities of near-duplicate candidates known from earlier runs (with a cache). */
  similarities?: SimilarityMemo | null;
  /** Detect text reuse (reuse_passages, speeches' reuse columns). Default: true. */
  reuse?: boolean;
  /** Aligned passages of reuse pairs known from earlier runs (with a cache: reuse-memo.ts). */
  reusePairs?: PairMemo | null;
  /** Also write hive-partitioned copies of the per-speech tables (`hive/<table>/year=…/`). */
  hive?: boolean;
}

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

export async function finish(
  collector: Collector,
  nPaths: number,
  ctx: Pick<LexiconContext, "lexicon" | "codebook" | "versions">,
  opts: FinishOptions,
): Promise<FinishResult> {
  const { time } = opts;
  const { manifest, kept } = await time("dedupe", () =>
    settle(collector, nPaths, opts.nearDuplicateThreshold, opts.similarities ?? undefined),
  );
  // Text reuse between the kept speeches (data-loaders/reuse/): the reuse_passages rows, and
  // each speech's reuse columns and reused_from_earlier flag.
  const reuse = await time("reuse", () => {
    if (opts.reuse === false) return withoutReuse(kept.map((k) => k.speech));
    const entryOf = new Map(kept.map((k) => [k.speechId, k]));
    return reuseStage(
      kept.map((k) => k.speech),
      (s) => collector.textOf(entryOf.get(s.speech_id)!),
      ctx.lexicon,
      { pairs: opts.reusePairs },
    );
  });
  const candidates = await time("candidates", () =>
    rankCandidates(
      kept.flatMap((k) => k.candidates),
      ctx.lexicon,
    ),
  );
  await mkdir(opts.out, { recursive: true });
  const scratch = await mkdtemp(join(tmpdir(), "speech-atlas-publish-"));
  const db = await openEngine({ threads: opts.threads, tempDir: join(scratch, "duckdb") });
  try {
    const outputs: OutputFile[] = [];
    const rowCounts: Record<string, number> = {};
    const csv = opts.csv ?? "auto";
    // The kept speeches' parts, appended table by table into one CSV each (read, not parsed).
    const parts = await time("assemble_parts", () =>
      assembleParts(
        kept.map((k) => ({ file: k.entry.parts, bytes: k.partBytes })),
        scratch,
      ),
    );
    const put = (spec: TableSpec<any>, source: string) =>
      time(`write_${spec.name}`, async () => {
        const r = await publishTable(db, spec, source, opts.out, csv);
        rowCounts[spec.name] = r.rows;
        outputs.push(...r.files);
      });
    const memory = (spec: TableSpec<any>, rows: readonly unknown[]) =>
      put(spec, rowsSource(spec, rows, scratch));
    const published = (name: string) =>
      `read_parquet(${literal(join(opts.out, `${name}.parquet`))})`;

    await memory(tables.speechesTable, reuse.speeches);
    await put(tables.sectionsTable, partsSource(tables.sectionsTable, parts));
    await put(tables.sentencesTable, partsSource(tables.sentencesTable, parts));
    await put(tables.removalsTable, partsSource(tables.removalsTable, parts));
    await memory(tables.manifestTable, manifest);
    await put(tables.termsTable, partsSource(tables.termsTable, parts));
    await memory(tables.formulationsTable, formulationRows(ctx.lexicon));
    await put(tables.formulationHitsTable, partsSource(tables.formulationHitsTable, parts));
    await memory(tables.formulationCandidatesTable, candidates);
    await memory(tables.themesTable, themeRows(ctx.codebook));
    await put(tables.themeScoresTable, partsSource(tables.themeScoresTable, parts));
    await memory(tables.reusePassagesTable, reuse.passages);
    await memory(tables.reuseGroupsTable, reuseGroups(reuse.passages));

    // Corpus statistics: the SQL files over the published tables (and the parts' sentences).
    await defineCorpusInputs(db, {
      speeches: `SELECT * FROM ${published("speeches")}`,
      terms: `SELECT * FROM ${published("terms")}`,
      sentenceTerms: sentenceTermsSource(parts),
    });
    await put(tables.termStatsTable, sqlText("term-stats"));
    await put(tables.collocationsTable, sqlText("collocations"));

    if (opts.hive) await time("hive", () => writeHive(db, opts.out));
    await writePackageFiles(opts.out, tables.ALL_TABLES as readonly TableSpec<any>[], outputs, {
      corpusName: opts.corpusName,
      lexicons: ctx.versions,
      manifest,
      rowCounts,
    });
    return { manifest, outputs, kept };
  } finally {
    db.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Tables that get a hive-partitioned copy, by the speech's year. */
const HIVE_TABLES: readonly TableSpec<any>[] = [
  tables.speechesTable,
  tables.sectionsTable,
  tables.sentencesTable,
  tables.removalsTable,
  tables.termsTable,
  tables.formulationHitsTable,
  tables.themeScoresTable,
];

/** `<out>/hive/<table>/year=YYYY/data_0.parquet` (year=unknown for null): the published rows,
 *  in their order, partitioned as DuckDB, Spark and Trino read them. The year is the folder's
 *  name, so it is not a column inside the files. */
async function writeHive(db: Engine, out: string): Promise<void> {
  const file = (name: string) => literal(join(out, `${name}.parquet`));
  const year = `coalesce(CAST(s.year AS VARCHAR), 'unknown')`;
  for (const spec of HIVE_TABLES) {
    const dir = join(out, "hive", spec.name);
    await rm(dir, { recursive: true, force: true });
    await mkdir(join(out, "hive"), { recursive: true });
    const cols = spec.columns.filter((c) => c.name !== "year").map((c) => `t."${c.name}"`);
    const source =
      spec === tables.speechesTable
        ? `SELECT ${cols.join(", ")}, ${year.replace("s.year", "t.year")} AS year, file_row_number AS rn FROM read_parquet(${file(spec.name)}, file_row_number = true) t`
        : `SELECT ${cols.join(", ")}, ${year} AS year, t.file_row_number AS rn FROM read_parquet(${file(spec.name)}, file_row_number = true) t JOIN read_parquet(${file("speeches")}) s USING (speech_id)`;
    await db.run(
      `COPY (SELECT * EXCLUDE (rn) FROM (${source}) ORDER BY rn) TO ${literal(dir)} (${PARQUET_OPTIONS}, PARTITION_BY (year))`,
    );
  }
}
