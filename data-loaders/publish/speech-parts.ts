// The per-speech part: one file per speech in the cache holding its rows of every per-speech
// table as CSV lines (no header), table after table in PART_TABLES order, then its sentences'
// distinct kept terms (one JSON array a line, what collocations.sql counts). A worker writes it
// (encodePart) with each table's byte length in the outcome; the main process appends each
// table's bytes of the kept speeches, in speech_id order, to one CSV file per table without
// parsing them (assembleParts); DuckDB then reads each table in one parallel scan (partsSource),
// in the file's row order.
import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import * as tables from "../tables/index.ts";
import type { TableSpec } from "../tables/spec.ts";
import { literal } from "./duckdb.ts";
import { SQL_TYPES } from "./tables.ts";

/** The per-speech tables: each speech's rows are in its part, published in speech_id order. */
export const SPEECH_TABLES = {
  sections: tables.sectionsTable,
  sentences: tables.sentencesTable,
  removals: tables.removalsTable,
  terms: tables.termsTable,
  formulation_hits: tables.formulationHitsTable,
  theme_scores: tables.themeScoresTable,
} satisfies Record<string, TableSpec<any>>;
export type SpeechTable = keyof typeof SPEECH_TABLES;

/** The part's sections, in file order. */
export const PART_TABLES = [...(Object.keys(SPEECH_TABLES) as SpeechTable[]), "sentence_terms"];

/** A CSV cell as DuckDB reads it back with partsSource's options: a string always quoted (so
 *  "" is the empty string), null an empty unquoted cell, a number in JavaScript's shortest
 *  round-trip form (the same double read back); NaN and ±Infinity become null, as in JSON. */
function cell(v: unknown): string {
  if (typeof v === "string") return `"${v.replace(/"/g, '""')}"`;
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "true" : "false";
  return "";
}

/** A speech's part and the byte length of each of its sections (PART_TABLES order). */
export function encodePart(
  rows: Record<SpeechTable, readonly object[]>,
  sentenceTerms: readonly (readonly string[])[],
): { data: Buffer; bytes: number[] } {
  const sections: Buffer[] = [];
  for (const [table, spec] of Object.entries(SPEECH_TABLES) as [SpeechTable, TableSpec<any>][]) {
    let csv = "";
    for (const row of rows[table] as Record<string, unknown>[])
      csv += spec.columns.map((c) => cell(row[c.name])).join(",") + "\n";
    sections.push(Buffer.from(csv));
  }
  sections.push(Buffer.from(sentenceTerms.map((t) => cell(JSON.stringify(t)) + "\n").join("")));
  return { data: Buffer.concat(sections), bytes: sections.map((s) => s.length) };
}

/** What assembleParts wrote: a CSV file per part section, and its longest speech's bytes. */
export interface AssembledParts {
  files: Record<string, string>;
  longest: Record<string, number>;
}

/** Appends each section of the given parts, in their order, to `<dir>/<section>.csv`. */
export function assembleParts(
  parts: readonly { file: string; bytes: readonly number[] }[],
  dir: string,
): AssembledParts {
  const files = Object.fromEntries(PART_TABLES.map((t) => [t, join(dir, `${t}.part.csv`)]));
  const longest = Object.fromEntries(PART_TABLES.map((t) => [t, 0]));
  const fds = PART_TABLES.map((t) => openSync(files[t]!, "w"));
  try {
    for (const part of parts) {
      const data = readFileSync(part.file);
      if (part.bytes.reduce((a, b) => a + b, 0) !== data.length)
        throw new Error(`${part.file}: not the part its outcome describes`);
      let at = 0;
      part.bytes.forEach((n, k) => {
        writeSync(fds[k]!, data, at, n);
        at += n;
        longest[PART_TABLES[k]!] = Math.max(longest[PART_TABLES[k]!]!, n);
      });
    }
  } finally {
    for (const fd of fds) closeSync(fd);
  }
  return { files, longest };
}

/** read_csv of an assembled section with fixed columns: no sniffing, quoted "" is the empty
 *  string. A row is at most its speech's section (longest), which may pass DuckDB's 2 MB
 *  default line limit. */
function readCsv(parts: AssembledParts, section: string, columns: string): string {
  const longest = parts.longest[section] ?? 0;
  const size =
    longest >= 2_000_000 ? `, max_line_size = ${longest + 1}, buffer_size = ${longest + 1}` : "";
  return `read_csv(${literal(parts.files[section]!)}, header = false, auto_detect = false, columns = ${columns}, delim = ',', quote = '"', escape = '"', new_line = '\\n', allow_quoted_nulls = false${size})`;
}

/** The rows of a per-speech table, speech after speech in the assembled order. */
export function partsSource(spec: TableSpec<any>, parts: AssembledParts): string {
  const columns = `{${spec.columns.map((c) => `${literal(c.name)}: '${SQL_TYPES[c.type]}'`).join(", ")}}`;
  return `SELECT * FROM ${readCsv(parts, spec.name, columns)}`;
}

/** One row per sentence of the assembled parts: its distinct kept terms (collocations.sql). */
export function sentenceTermsSource(parts: AssembledParts): string {
  return `SELECT from_json(terms, '["VARCHAR"]') AS terms FROM ${readCsv(parts, "sentence_terms", "{'terms': 'VARCHAR'}")}`;
}
