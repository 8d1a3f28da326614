// The whole pipeline over a corpus folder: read every file (I/O edge), clean, drop duplicates,
// process each speech, compute corpus-level tables, publish (I/O edge). Every input file ends
// up in exactly one manifest row, whatever happens to it.
import { basename, resolve } from "node:path";
import { cleanText } from "./clean/clean-text.ts";
import { findDuplicates } from "./ingest/dedupe.ts";
import { listCorpusFiles } from "./ingest/list-files.ts";
import { readInput } from "./ingest/read-input.ts";
import { speechId } from "./ingest/speech-id.ts";
import { findCandidates } from "./language/candidates.ts";
import { collocations } from "./language/collocations.ts";
import { formulationRows } from "./language/formulations.ts";
import { termStats } from "./language/stats.ts";
import { themeRows } from "./language/themes.ts";
import { loadContext } from "./pipeline/context.ts";
import { processSpeech, type SpeechResult } from "./pipeline/process-speech.ts";
import { writeOutputs, type OutputFile } from "./publish/write-outputs.ts";
import * as tables from "./tables/index.ts";
import type { Cleaned, DecodedFile, ManifestRow } from "./types.ts";

export interface RunOptions {
  corpus: string;
  out: string;
  maxBytes: number;
  nearDuplicateThreshold: number;
  onProgress?: (done: number, total: number, label: string) => void;
}

export interface RunResult {
  manifest: ManifestRow[];
  outputs: OutputFile[];
  counts: { files: number; ingested: number; duplicates: number; quarantined: number };
}

const HAN = /\p{Script=Han}/u;

interface Readable {
  file: DecodedFile;
  id: string;
  cleaned: Cleaned;
}

export async function runPipeline(opts: RunOptions): Promise<RunResult> {
  const ctx = loadContext();
  const root = resolve(opts.corpus);
  const paths = await listCorpusFiles(root);
  const progress = opts.onProgress ?? (() => {});
  const total = paths.length * 2;

  // 1. Read, decode, normalize and clean every file; quarantine what cannot become a speech.
  const manifestByPath = new Map<string, ManifestRow>();
  const readable: Readable[] = [];
  for (const [i, path] of paths.entries()) {
    progress(i, total, `reading ${path}`);
    const result = await readInput(root, path, { maxBytes: opts.maxBytes });
    if (result.kind === "quarantined") {
      manifestByPath.set(path, result.row);
      continue;
    }
    const { file } = result;
    const cleaned = cleanText(file.text, ctx.cleaningRules);
    if (!HAN.test(cleaned.text)) {
      manifestByPath.set(path, quarantine(file, "no Chinese text left after removing boilerplate"));
      continue;
    }
    readable.push({ file, id: speechId(file.text), cleaned });
  }

  // 2. Duplicates, compared on the cleaned text so differing site ads do not hide a copy.
  const duplicates = findDuplicates(
    readable.map((r) => ({ key: r.file.path, text: r.cleaned.text })),
    opts.nearDuplicateThreshold,
  );
  const idByPath = new Map(readable.map((r) => [r.file.path, r.id]));
  const kept = readable.filter((r) => !duplicates.has(r.file.path));
  for (const r of readable) {
    const dup = duplicates.get(r.file.path);
    manifestByPath.set(r.file.path, {
      path: r.file.path,
      sha256: r.file.sha256,
      bytes: r.file.bytes,
      encoding: r.file.encoding,
      status: dup ? "duplicate" : "ingested",
      reason: dup
        ? dup.exact
          ? `exact duplicate of ${dup.of}`
          : `near duplicate of ${dup.of} (shingle Jaccard ${dup.similarity.toFixed(4)})`
        : null,
      speech_id: dup ? idByPath.get(dup.of)! : r.id,
      similarity: dup ? dup.similarity : null,
    });
  }

  // 3. Every kept speech through the per-speech stages.
  const results: SpeechResult[] = [];
  for (const [i, r] of kept.entries()) {
    progress(paths.length + i, total, `processing ${r.file.path}`);
    results.push(processSpeech({ speechId: r.id, file: r.file, cleaned: r.cleaned }, ctx));
  }
  // Output order follows speech_id, not file order, so renaming files changes nothing but paths.
  results.sort((a, b) => (a.speech.speech_id < b.speech.speech_id ? -1 : a.speech.speech_id > b.speech.speech_id ? 1 : 0));

  // 4. Corpus-level tables.
  const speeches = results.map((r) => r.speech);
  const terms = results.flatMap((r) => r.terms);
  const textById = new Map(kept.map((r) => [r.id, r.cleaned.text]));
  const candidates = findCandidates(
    speeches.map((s) => ({ speech_id: s.speech_id, text: textById.get(s.speech_id)! })),
    ctx.lexicon,
  );
  const stats = termStats(terms, speeches);
  const colloc = collocations(results.flatMap((r) => r.sentenceTokens));
  const manifest = paths.map((p) => manifestByPath.get(p)!);

  progress(total, total, "writing outputs");
  const outputs = await writeOutputs(
    opts.out,
    [
      { spec: tables.speechesTable, rows: speeches },
      { spec: tables.sectionsTable, rows: results.flatMap((r) => r.sections) },
      { spec: tables.sentencesTable, rows: results.flatMap((r) => r.sentences) },
      { spec: tables.removalsTable, rows: results.flatMap((r) => r.removals) },
      { spec: tables.manifestTable, rows: manifest },
      { spec: tables.termsTable, rows: terms },
      { spec: tables.formulationsTable, rows: formulationRows(ctx.lexicon) },
      { spec: tables.formulationHitsTable, rows: results.flatMap((r) => r.hits) },
      { spec: tables.formulationCandidatesTable, rows: candidates },
      { spec: tables.themesTable, rows: themeRows(ctx.codebook) },
      { spec: tables.themeScoresTable, rows: results.flatMap((r) => r.themeScores) },
      { spec: tables.termStatsTable, rows: stats },
      { spec: tables.collocationsTable, rows: colloc },
    ],
    { corpusName: basename(root), lexicons: ctx.versions, manifest },
  );

  return {
    manifest,
    outputs,
    counts: {
      files: manifest.length,
      ingested: manifest.filter((m) => m.status === "ingested").length,
      duplicates: manifest.filter((m) => m.status === "duplicate").length,
      quarantined: manifest.filter((m) => m.status === "quarantined").length,
    },
  };
}

function quarantine(file: DecodedFile, reason: string): ManifestRow {
  return { path: file.path, sha256: file.sha256, bytes: file.bytes, encoding: file.encoding, status: "quarantined", reason, speech_id: null, similarity: null };
}
