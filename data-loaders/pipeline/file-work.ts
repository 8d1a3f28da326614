// One corpus file from bytes to a compact, serialisable outcome: read → clean → processSpeech,
// or a quarantine row. Runs in a worker process or in-process; the outcome is what the main
// thread collects, what the cache stores and what a shard hands to merge.
import { createHash } from "node:crypto";
import { cleanText } from "../clean/clean-text.ts";
import { minhashSignature } from "../ingest/dedupe.ts";
import { candidateOccurrences, type Occurrence } from "../language/candidates.ts";
import { tokensOfSentences } from "../language/tokenize.ts";
import { readInput } from "../ingest/read-input.ts";
import { speechId } from "../ingest/speech-id.ts";
import type { Encoding, ManifestRow, SpeechRow } from "../types.ts";
import type { SpeechCache } from "./cache.ts";
import type { StoredParts } from "./speech-store.ts";
import type { PipelineContext } from "./context.ts";
import { processSpeech } from "./process-speech.ts";
import { serializeColumns } from "./column-bytes.ts";
import { encodeRowBlock } from "./row-block-encoder.ts";
import * as tables from "../tables/index.ts";
import type { TableSpec } from "../tables/spec.ts";

/** Per-speech tables: kept on disk (speech-store files) and written in speech_id order. */
export const SPEECH_TABLES = [
  "sections",
  "sentences",
  "removals",
  "terms",
  "formulation_hits",
  "theme_scores",
] as const;
export type SpeechTable = (typeof SPEECH_TABLES)[number];

/** The published table each per-speech table's rows belong to. */
export const SPEECH_TABLE_SPECS: Record<SpeechTable, TableSpec<any>> = {
  sections: tables.sectionsTable,
  sentences: tables.sentencesTable,
  removals: tables.removalsTable,
  terms: tables.termsTable,
  formulation_hits: tables.formulationHitsTable,
  theme_scores: tables.themeScoresTable,
};

/**
 * Bulky parts of a speech per table: `<table>` = its rows' columns in binary form
 * (column-blocks.ts), `<table>.csv` = its CSV lines, kept apart so they go from the store to the
 * published file as bytes, never decoded or re-encoded.
 */
export type BulkyPart = SpeechTable | `${SpeechTable}.csv`;
export const BULKY_PARTS: readonly BulkyPart[] = SPEECH_TABLES.flatMap((t) => [
  t,
  `${t}.csv` as const,
]);

function encodeSpeechTable(
  parts: Partial<Record<BulkyPart, string | Uint8Array>>,
  table: SpeechTable,
  rows: readonly unknown[],
): void {
  const block = encodeRowBlock(SPEECH_TABLE_SPECS[table], rows);
  parts[table] = serializeColumns(block);
  parts[`${table}.csv`] = block.csv;
}

export interface CompactOutcome {
  kind: "readable";
  path: string;
  sha256: string;
  bytes: number;
  encoding: Encoding;
  speechId: string;
  /** MinHash signature of the text (ingest/dedupe.ts): duplicate detection without re-shingling. */
  minhash: number[];
  /** SHA-256 of the cleaned text: exact duplicates without holding every text in memory. */
  textDigest: string;
  /** Formulation-candidate occurrences in the text (language/candidates.ts, per-speech half). */
  candidates: Occurrence[];
  speech: SpeechRow;
  /** The speech's kept tokens (what term_stats and collocations need), see localTokens(). */
  tokens: LocalTokens;
  /** Its row count in each per-speech table: where row groups end is known before any row is
   *  read back (publish/row-groups.ts). */
  rowCounts: Record<SpeechTable, number>;
}

/**
 * Kept tokens of a speech with speech-local ids: `vocab[i]` is word i (in order of first
 * appearance), `counts[i]` its count in the speech, `ids` the token ids sentence after sentence,
 * `sentenceEnds[k]` the end of sentence k in `ids`. The main process interns each distinct word
 * once per speech instead of every token, and typed arrays cross processes and files as raw
 * bytes (V8 serialization), where arrays of millions of short strings cost far more.
 */
export interface LocalTokens {
  vocab: string[];
  counts: Int32Array;
  ids: Int32Array;
  sentenceEnds: Int32Array;
}

export function localTokens(sentences: readonly (readonly string[])[]): LocalTokens {
  return tokensOfSentences(sentences);
}

/**
 * The bulky parts of a readable outcome: the cleaned text (duplicate detection and formulation
 * candidates need it) and this speech's rows per table, encoded for publishing (BulkyPart:
 * binary columns and CSV lines), read only when the table is written. Either in a speech-store
 * file (cache.ts: what workers send) or inline (no store, and shard files).
 */
export type BulkyParts =
  | { stored: StoredParts<BulkyPart>; inline?: undefined }
  | { inline: { text: string; tables: Record<BulkyPart, Uint8Array> }; stored?: undefined };

export type ReadableOutcome = CompactOutcome & BulkyParts;

export type FileOutcome = { kind: "quarantined"; path: string; row: ManifestRow } | ReadableOutcome;

export interface FileTimings {
  read: number;
  clean: number;
  process: number;
  cacheHits: number;
  /** Cache hits found without reading the input (pool.ts, input-digests.ts). */
  digestsReused?: number;
}

const HAN = /\p{Script=Han}/u;

export async function processFile(
  root: string,
  path: string,
  opts: { maxBytes: number },
  ctx: PipelineContext,
  /** Where the outcome's bulky parts are written (the cache, or a run's temp store); null keeps
   *  them inline. */
  store: SpeechCache | null,
  timings: FileTimings,
): Promise<FileOutcome> {
  let t = performance.now();
  const result = await readInput(root, path, { maxBytes: opts.maxBytes });
  timings.read += performance.now() - t;
  if (result.kind === "quarantined") return { kind: "quarantined", path, row: result.row };
  const { file } = result;
  // The key covers the raw bytes (file.sha256 is their SHA-256), the path (it is in the rows)
  // and the size limit; the cache itself adds the context fingerprint. Lookups happen before
  // (pool.ts); this only stores.
  const key = store?.key({ path, maxBytes: opts.maxBytes, raw: file.sha256 }) ?? null;
  t = performance.now();
  const cleaned = cleanText(file.text, ctx.cleaningRules);
  timings.clean += performance.now() - t;
  if (!HAN.test(cleaned.text)) {
    return {
      kind: "quarantined",
      path,
      row: {
        path: file.path,
        sha256: file.sha256,
        bytes: file.bytes,
        encoding: file.encoding,
        status: "quarantined",
        reason: "no Chinese text left after removing boilerplate",
        speech_id: null,
        similarity: null,
      },
    };
  }
  t = performance.now();
  const id = speechId(file.text);
  const r = processSpeech({ speechId: id, file, cleaned }, ctx);
  const outcome: CompactOutcome = {
    kind: "readable",
    path: file.path,
    sha256: file.sha256,
    bytes: file.bytes,
    encoding: file.encoding,
    speechId: id,
    minhash: minhashSignature(cleaned.text),
    textDigest: createHash("sha256").update(cleaned.text).digest("hex"),
    candidates: candidateOccurrences({ speech_id: id, text: cleaned.text }),
    speech: r.speech,
    tokens: r.tokens,
    rowCounts: {
      sections: r.sections.length,
      sentences: r.sentences.length,
      removals: r.removals.length,
      terms: r.terms.length,
      formulation_hits: r.hits.length,
      theme_scores: r.themeScores.length,
    },
  };
  const tables: Partial<Record<BulkyPart, string | Uint8Array>> = {};
  encodeSpeechTable(tables, "sections", r.sections);
  encodeSpeechTable(tables, "sentences", r.sentences);
  encodeSpeechTable(tables, "removals", r.removals);
  encodeSpeechTable(tables, "terms", r.terms);
  encodeSpeechTable(tables, "formulation_hits", r.hits);
  encodeSpeechTable(tables, "theme_scores", r.themeScores);
  timings.process += performance.now() - t;
  const parts = tables as Record<BulkyPart, string | Uint8Array>;
  if (store && key) return store.put(key, outcome, cleaned.text, parts);
  const inline = Object.fromEntries(
    BULKY_PARTS.map((p) => [p, typeof parts[p] === "string" ? Buffer.from(parts[p]) : parts[p]]),
  ) as Record<BulkyPart, Uint8Array>;
  return { ...outcome, inline: { text: cleaned.text, tables: inline } };
}
