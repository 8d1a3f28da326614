// Public API of the metadata step: the user's own CSV of titles, speakers, dates, levels,
// genres and places, applied after describe (see load.ts, parse.ts, apply.ts).
export { applyMetadata, DISAGREES_FLAG, type SpeechMetadata } from "./apply.ts";
export { parseCsv, type CsvRecord } from "./csv.ts";
export {
  MetadataFormatError,
  parseMetadata,
  type MetadataEntry,
  type ParsedMetadata,
  type RejectedRow,
} from "./parse.ts";
export {
  DEFAULT_METADATA_FILE,
  LoadedMetadata,
  loadMetadata,
  locateMetadata,
  recordMetadataReport,
  type MetadataFile,
  type MetadataReport,
} from "./load.ts";
