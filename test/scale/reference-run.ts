// The pipeline as it ran before the scale work: one thread, every row in memory, the language
// functions and publish/writeOutputs called directly. Kept as the oracle the scalable run
// (workers, spill files, streaming writers, cache, shards) must match byte for byte.
import { basename, resolve } from "node:path";
import { cleanText } from "../../data-loaders/clean/clean-text.ts";
import { findDuplicates } from "../../data-loaders/ingest/dedupe.ts";
import { listCorpusFiles } from "../../data-loaders/ingest/list-files.ts";
import { readInput } from "../../data-loaders/ingest/read-input.ts";
import { speechId } from "../../data-loaders/ingest/speech-id.ts";
import { findCandidates } from "../../data-loaders/language/candidates.ts";
import { collocations } from "../../data-loaders/language/collocations.ts";
import { formulationRows } from "../../data-loaders/language/formulations.ts";
import { termStats } from "../../data-loaders/language/stats.ts";
import { themeRows } from "../../data-loaders/language/themes.ts";
import { loadContext } from "../../data-loaders/pipeline/context.ts";
import { processSpeech, type SpeechResult } from "../../data-loaders/pipeline/process-speech.ts";
import { writeOutputs } from "../../data-loaders/publish/write-outputs.ts";
import * as tables from "../../data-loaders/tables/index.ts";
import type { Cleaned, DecodedFile, ManifestRow } from "../../data-loaders/types.ts";

const HAN = /\p{Script=Han}/u;

export async function referenceRun(
  corpus: string,
  out: string,
  maxBytes = 10 * 1024 * 1024,
  threshold = 0.9,
): Promise<void> {
  const ctx = loadContext();
  const root = resolve(corpus);
  const paths = await listCorpusFiles(root);
  const manifestByPath = new Map<string, ManifestRow>();
  const readable: { file: DecodedFile; id: string; cleaned: Cleaned }[] = [];
  for (const path of paths) {
    const result = await readInput(root, path, { maxBytes });
    if (result.kind === "quarantined") {
      manifestByPath.set(path, result.row);
      continue;
    }
    const { file } = result;
    const cleaned = cleanText(file.text, ctx.cleaningRules);
    if (!HAN.test(cleaned.text)) {
      manifestByPath.set(path, {
        path: file.path,
        sha256: file.sha256,
        bytes: file.bytes,
        encoding: file.encoding,
        status: "quarantined",
        reason: "no Chinese text left after removing boilerplate",
        speech_id: null,
        similarity: null,
      });
      continue;
    }
    readable.push({ file, id: speechId(file.text), cleaned });
  }
  const duplicates = findDuplicates(
    readable.map((r) => ({ key: r.file.path, text: r.cleaned.text })),
    threshold,
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
  const results: SpeechResult[] = kept.map((r) =>
    processSpeech({ speechId: r.id, file: r.file, cleaned: r.cleaned }, ctx),
  );
  results.sort((a, b) =>
    a.speech.speech_id < b.speech.speech_id ? -1 : a.speech.speech_id > b.speech.speech_id ? 1 : 0,
  );
  const speeches = results.map((r) => r.speech);
  const terms = results.flatMap((r) => r.terms);
  const textById = new Map(kept.map((r) => [r.id, r.cleaned.text]));
  const candidates = findCandidates(
    speeches.map((s) => ({ speech_id: s.speech_id, text: textById.get(s.speech_id)! })),
    ctx.lexicon,
  );
  const manifest = paths.map((p) => manifestByPath.get(p)!);
  await writeOutputs(
    out,
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
      { spec: tables.termStatsTable, rows: termStats(terms, speeches) },
      {
        spec: tables.collocationsTable,
        rows: collocations(results.flatMap((r) => r.sentenceTokens)),
      },
    ],
    { corpusName: basename(root), lexicons: ctx.versions, manifest },
  );
}
