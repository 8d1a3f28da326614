// One corpus file from bytes to a compact outcome plus its cache entry: read → clean →
// processSpeech, or a quarantine row. Runs in a worker process or in-process. The outcome is
// what the main process collects; the speech's rows go to the entry's part file, which only
// DuckDB reads (publish/speech-parts.ts).
import { createHash } from "node:crypto";
import { cleanText } from "../clean/clean-text.ts";
import { minhashSignature } from "../ingest/dedupe.ts";
import { candidateOccurrences, type Occurrence } from "../language/candidates.ts";
import { readInput } from "../ingest/read-input.ts";
import { speechId } from "../ingest/speech-id.ts";
import type { Encoding, ManifestRow, SpeechRow } from "../types.ts";
import type { EntryFiles, SpeechCache } from "./cache.ts";
import type { PipelineContext } from "./context.ts";
import { processSpeech } from "./process-speech.ts";
import { encodePart } from "../publish/speech-parts.ts";

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
  /** Byte length of each section of its part (publish/speech-parts.ts, PART_TABLES order). */
  partBytes: number[];
}

export type ReadableOutcome = CompactOutcome & { entry: EntryFiles };
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
  /** Where the entry is written: the cache, or a run's temporary store. */
  store: SpeechCache,
  timings: FileTimings,
): Promise<FileOutcome> {
  let t = performance.now();
  const result = await readInput(root, path, { maxBytes: opts.maxBytes });
  timings.read += performance.now() - t;
  if (result.kind === "quarantined") return { kind: "quarantined", path, row: result.row };
  const { file } = result;
  // The key covers the raw bytes (file.sha256 is their SHA-256), the path (it is in the rows)
  // and the size limit; the cache adds the context fingerprint. Lookups happen before
  // (pool.ts); this only stores.
  const key = store.key({ path, maxBytes: opts.maxBytes, raw: file.sha256 });
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
  const part = encodePart(
    {
      sections: r.sections,
      sentences: r.sentences,
      removals: r.removals,
      terms: r.terms,
      formulation_hits: r.hits,
      theme_scores: r.themeScores,
    },
    r.sentenceTokens.map((words) => [...new Set(words)]),
  );
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
    partBytes: part.bytes,
  };
  timings.process += performance.now() - t;
  return store.put(key, outcome, cleaned.text, part.data);
}
