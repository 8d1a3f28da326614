// I/O edge of the metadata step: find the user's metadata CSV (--metadata, or metadata.csv at
// the corpus root), read and check it against the corpus listing, apply it to each described
// speech as it arrives, and report what it did for manifest.json and the command line.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { basename, join, relative, resolve, sep } from "node:path";
import { decodeBuffer } from "../ingest/decode.ts";
import { isInside } from "../ingest/paths.ts";
import type { ManifestRow, SpeechRow } from "../types.ts";
import { applyMetadata, type SpeechMetadata } from "./apply.ts";
import { MetadataFormatError, parseMetadata, type ParsedMetadata } from "./parse.ts";

/** Name of the metadata file picked up from the corpus root when --metadata is not given. */
export const DEFAULT_METADATA_FILE = "metadata.csv";

export interface MetadataFile {
  abs: string;
  /** Path relative to the corpus root when the file lies inside it (then it is not a speech). */
  inCorpus: string | null;
}

/** The metadata file of a run: `explicit` (must exist), else `<root>/metadata.csv` if present. */
export function locateMetadata(
  root: string,
  explicit: string | null | undefined,
): MetadataFile | null {
  const abs = explicit ? resolve(explicit) : join(resolve(root), DEFAULT_METADATA_FILE);
  if (!existsSync(abs) || !statSync(abs).isFile()) {
    if (explicit) throw new MetadataFormatError(`metadata file not found: ${explicit}`);
    return null;
  }
  const rootReal = realpathSync.native(resolve(root));
  const real = realpathSync.native(abs);
  return {
    abs,
    inCorpus: isInside(rootReal, real) ? relative(rootReal, real).split(sep).join("/") : null,
  };
}

/** What manifest.json says about the metadata file. */
export interface MetadataReport {
  file: string;
  sha256: string;
  /** Data rows in the file (header excluded). */
  rows: number;
  extra_columns: string[];
  /** Rows applied to an ingested speech, with the fields they gave and those that disagreed. */
  applied: {
    line: number;
    path: string;
    speech_id: string;
    fields: string[];
    disagrees: string[];
  }[];
  /** Rows skipped, with why. */
  rejected: { line: number; reason: string }[];
  /** Rows naming a file that did not become a speech (quarantined, or a duplicate). */
  not_ingested: { line: number; path: string; status: string; reason: string | null }[];
}

export class LoadedMetadata {
  private readonly name: string;
  private readonly applied = new Map<string, { speechId: string; meta: SpeechMetadata }>();

  constructor(
    file: MetadataFile,
    readonly sha256: string,
    readonly parsed: ParsedMetadata,
  ) {
    this.name = file.inCorpus ?? basename(file.abs);
  }

  /** The speech row with the metadata of its file applied (and `metadata` null when none). */
  apply(speech: SpeechRow): SpeechRow {
    const entry = this.parsed.entries.get(speech.source_file);
    const out = applyMetadata(speech, entry, this.name);
    if (entry)
      this.applied.set(speech.source_file, {
        speechId: speech.speech_id,
        meta: JSON.parse(out.metadata!),
      });
    return out;
  }

  report(manifest: readonly ManifestRow[]): MetadataReport {
    const byPath = new Map(manifest.map((m) => [m.path, m]));
    const entries = [...this.parsed.entries.values()].sort((a, b) => a.line - b.line);
    return {
      file: this.name,
      sha256: this.sha256,
      rows: entries.length + this.parsed.rejected.length,
      extra_columns: this.parsed.extraColumns,
      applied: entries.flatMap((e) => {
        const a = this.applied.get(e.path);
        if (!a || byPath.get(e.path)?.status !== "ingested") return [];
        return [
          {
            line: e.line,
            path: e.path,
            speech_id: a.speechId,
            fields: Object.keys(a.meta.given),
            disagrees: a.meta.disagrees,
          },
        ];
      }),
      rejected: this.parsed.rejected,
      not_ingested: entries.flatMap((e) => {
        const m = byPath.get(e.path);
        return m && m.status !== "ingested"
          ? [{ line: e.line, path: e.path, status: m.status, reason: m.reason }]
          : [];
      }),
    };
  }
}

/** Reads and checks the metadata file against the corpus listing. */
export function loadMetadata(file: MetadataFile, listedPaths: readonly string[]): LoadedMetadata {
  const buf = readFileSync(file.abs);
  const decoded = decodeBuffer(buf);
  if (decoded.kind !== "text")
    throw new MetadataFormatError(`${file.abs}: not a text file (${decoded.kind})`);
  const sha256 = createHash("sha256").update(buf).digest("hex");
  return new LoadedMetadata(file, sha256, parseMetadata(decoded.text, listedPaths));
}

/** Adds the report to the published manifest.json (written by publish/ before this runs). */
export async function recordMetadataReport(out: string, report: MetadataReport): Promise<void> {
  const path = join(out, "manifest.json");
  const manifest = JSON.parse(await readFile(path, "utf8")) as Record<string, unknown>;
  manifest.metadata = report;
  await writeFile(path, JSON.stringify(manifest, null, 2) + "\n");
}
