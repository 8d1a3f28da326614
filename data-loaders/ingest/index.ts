// Public API of the ingest stage: list → read (decode, normalize) → speech id → dedupe.
export { listCorpusFiles, compareCodePoints } from "./list-files.ts";
export { readInput, DEFAULT_MAX_BYTES, type ReadResult, type ReadOptions } from "./read-input.ts";
export { decodeBuffer, type DecodeResult } from "./decode.ts";
export { normalizeText } from "./normalize.ts";
export { speechId } from "./speech-id.ts";
export { findDuplicates, jaccard, shingleHashes, type DuplicateOf } from "./dedupe.ts";
