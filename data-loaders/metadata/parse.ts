// A metadata CSV → one entry per file it describes, and the rows it could not use, each with
// its line number and why. Pure: the caller gives the text and the corpus listing.
import type { Genre, Level } from "../types.ts";
import { parseCsv } from "./csv.ts";
import {
  knownField,
  normalizePath,
  readDate,
  readGenre,
  readLevel,
  readYear,
  type KnownField,
} from "./fields.ts";

/** What one row of the CSV says about one file; absent = not given (the inferred value stays). */
export interface MetadataEntry {
  /** 1-based line of the CSV. */
  line: number;
  /** The file's corpus-relative path, as the listing has it. */
  path: string;
  title?: string;
  speaker?: string;
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD) when a date was given. */
  date?: string;
  year?: number;
  level?: Level;
  genre?: Genre;
  place?: string;
  /** Columns the pipeline does not know, under their own header, as written. */
  extra: Record<string, string>;
}

export interface RejectedRow {
  line: number;
  reason: string;
}

export interface ParsedMetadata {
  entries: Map<string, MetadataEntry>;
  rejected: RejectedRow[];
  /** Columns kept as extra fields (header names as written). */
  extraColumns: string[];
}

export class MetadataFormatError extends Error {}

/**
 * Reads the CSV. The header row names the columns (metadata/fields.ts: English or Chinese
 * names); one column must give the file path. Each later row is checked on its own: an unknown
 * file, a bad year or date, an unknown level or genre, or a path given twice rejects that row
 * (reported with its line) and nothing else. Throws MetadataFormatError when the header has no
 * path column or names a field twice: then no row can be read.
 */
export function parseMetadata(text: string, listedPaths: Iterable<string>): ParsedMetadata {
  const records = parseCsv(text);
  const header = records.shift();
  if (!header) throw new MetadataFormatError("the metadata file is empty (no header row)");
  const fieldOf = header.cells.map((h) => knownField(h));
  const seen = new Map<KnownField, number>();
  fieldOf.forEach((f, i) => {
    if (f === null) return;
    if (seen.has(f))
      throw new MetadataFormatError(
        `columns "${header.cells[seen.get(f)!]}" and "${header.cells[i]}" both give ${f}`,
      );
    seen.set(f, i);
  });
  const pathColumn = seen.get("path");
  if (pathColumn === undefined)
    throw new MetadataFormatError(
      `no file path column in the header (${header.cells.join(", ")}): name one "path"`,
    );
  const extraColumns = header.cells.filter((h, i) => fieldOf[i] === null && h.trim() !== "");

  // Spreadsheet paths are compared in NFC; the entry keeps the listing's own spelling.
  const listed = new Map<string, string>();
  for (const p of listedPaths) listed.set(p.normalize("NFC"), p);

  const entries = new Map<string, MetadataEntry>();
  const firstLine = new Map<string, number>();
  const rejected: RejectedRow[] = [];
  for (const { line, cells } of records) {
    const raw = normalizePath(cells[pathColumn] ?? "");
    if (raw === "") {
      rejected.push({ line, reason: "no file path" });
      continue;
    }
    const path = listed.get(raw);
    if (path === undefined) {
      rejected.push({ line, reason: `unknown file "${raw}" (not in the corpus folder)` });
      continue;
    }
    if (firstLine.has(path)) {
      rejected.push({ line, reason: `"${raw}" already described on line ${firstLine.get(path)}` });
      continue;
    }
    const entry = readRow(line, path, header.cells, fieldOf, cells);
    if ("reason" in entry) {
      rejected.push(entry);
      continue;
    }
    firstLine.set(path, line);
    entries.set(path, entry);
  }
  return { entries, rejected, extraColumns };
}

function readRow(
  line: number,
  path: string,
  headers: readonly string[],
  fieldOf: readonly (KnownField | null)[],
  cells: readonly string[],
): MetadataEntry | RejectedRow {
  const entry: MetadataEntry = { line, path, extra: {} };
  const problems: string[] = [];
  let dateYear: number | null = null;
  headers.forEach((header, i) => {
    const value = (cells[i] ?? "").trim();
    if (value === "") return; // not given: the inferred value stays
    const field = fieldOf[i];
    if (field === null) {
      if (header.trim() !== "") entry.extra[header.trim()] = value;
      return;
    }
    const take = <T>(
      r: { ok: true; value: T } | { ok: false; reason: string },
      set: (v: T) => void,
    ) => (r.ok ? set(r.value) : problems.push(r.reason));
    switch (field) {
      case "path":
        return;
      case "title":
        entry.title = value;
        return;
      case "speaker":
        entry.speaker = value;
        return;
      case "place":
        entry.place = value;
        return;
      case "level":
        return take(readLevel(value), (v) => (entry.level = v));
      case "genre":
        return take(readGenre(value), (v) => (entry.genre = v));
      case "year":
        return take(readYear(value), (v) => (entry.year = v));
      case "date":
        return take(readDate(value), (v) => {
          entry.date = v.iso;
          dateYear = v.year;
        });
    }
  });
  if (dateYear !== null) {
    if (entry.year !== undefined && entry.year !== dateYear)
      problems.push(`year ${entry.year} and date ${entry.date} disagree`);
    entry.year ??= dateYear;
  }
  if (cells.length > headers.length && cells.slice(headers.length).some((c) => c.trim() !== ""))
    problems.push(`${cells.length} cells but ${headers.length} columns in the header`);
  return problems.length > 0 ? { line, reason: problems.join("; ") } : entry;
}
