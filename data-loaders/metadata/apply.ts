// A metadata entry applied to a described speech. Pure. A given value replaces the inferred
// one; the speech's `metadata` column records what was given, what had been inferred (the
// inferred year keeps its evidence in year_evidence), and where they disagree, which is also a
// quality flag: either the file or the spreadsheet may be wrong, and the analyst should look.
import type { SpeechRow } from "../types.ts";
import type { MetadataEntry } from "./parse.ts";

/** Quality flag of a speech whose given metadata contradicts what the text says. */
export const DISAGREES_FLAG = "metadata_disagrees";

/** The JSON stored in speeches.metadata. */
export interface SpeechMetadata {
  /** The metadata file's name and the row's line. */
  source: string;
  line: number;
  /** Every value the row gives, known fields and extra columns alike. */
  given: Record<string, string | number>;
  /** The values the pipeline had inferred for the fields the row overrides. */
  inferred: Record<string, string | number | null>;
  /** Fields where a given value differs from a value the text supported. */
  disagrees: string[];
}

type Overridable = "title" | "speaker_role" | "year" | "level" | "genre";

export function applyMetadata(
  speech: SpeechRow,
  entry: MetadataEntry | undefined,
  source: string,
): SpeechRow {
  if (!entry) return { ...speech, metadata: null };
  const out: SpeechRow = { ...speech };
  const given: SpeechMetadata["given"] = {};
  const inferred: SpeechMetadata["inferred"] = {};
  const disagrees: string[] = [];
  const override = <K extends Overridable>(
    field: K,
    label: string,
    value: SpeechRow[K] | undefined,
    known: boolean,
  ) => {
    if (value === undefined) return;
    given[label] = value as string | number;
    inferred[label] = speech[field] as string | number | null;
    // Only a value the text supported can disagree: no title found, level "unknown" and genre
    // "other" are absences, not claims.
    if (known && speech[field] !== null && speech[field] !== value) disagrees.push(label);
    out[field] = value;
  };
  override("title", "title", entry.title, true);
  override("speaker_role", "speaker", entry.speaker, true);
  override("year", "year", entry.year, speech.year_basis !== "unknown");
  override("level", "level", entry.level, speech.level !== "unknown");
  override("genre", "genre", entry.genre, speech.genre !== "other");
  if (entry.year !== undefined) out.year_basis = "metadata";
  if (entry.date !== undefined) given.date = entry.date;
  if (entry.place !== undefined) given.place = entry.place;
  Object.assign(given, entry.extra);
  if (disagrees.length > 0) {
    const flags = new Set(speech.quality_flags ? speech.quality_flags.split(",") : []);
    flags.add(DISAGREES_FLAG);
    out.quality_flags = [...flags].sort().join(",");
  }
  const record: SpeechMetadata = { source, line: entry.line, given, inferred, disagrees };
  out.metadata = JSON.stringify(record);
  return out;
}
