// Queries over the per-speech parts (pipeline/file-work.ts speechPart): a per-speech table's
// rows, speech after speech in the order of the files given, and the sentences' terms.
import type { TableSpec } from "../tables/spec.ts";
import { literal } from "./duckdb.ts";
import { SQL_TYPES } from "./tables.ts";

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const fileList = (files: readonly string[]) => `[${files.map(literal).join(", ")}]`;

/** The rows of `table` from each part (speech_id from the part, the other columns unnested
 *  from its lists); DuckDB keeps the files' order and each file's row order. */
export function partsSource(spec: TableSpec<any>, files: readonly string[]): string {
  const cols = spec.columns.filter((c) => c.name !== "speech_id");
  const struct = `STRUCT(${cols.map((c) => `${ident(c.name)} ${SQL_TYPES[c.type]}[]`).join(", ")})`;
  const unnest = cols.map((c) => `unnest(p.${ident(c.name)}) AS ${ident(c.name)}`).join(", ");
  if (files.length === 0) return emptySource(spec);
  return `SELECT speech_id, ${unnest} FROM (SELECT speech_id, ${ident(spec.name)} AS p FROM read_json(${fileList(files)}, columns = {'speech_id': 'VARCHAR', ${literal(spec.name)}: ${literal(struct)}}))`;
}

/** One row per sentence of the given parts: its distinct kept terms (collocations.sql). */
export function sentenceTermsSource(files: readonly string[]): string {
  if (files.length === 0) return `SELECT NULL::VARCHAR[] AS terms WHERE false`;
  return `SELECT unnest(sentence_terms) AS terms FROM read_json(${fileList(files)}, columns = {'sentence_terms': 'VARCHAR[][]'})`;
}

export function emptySource(spec: TableSpec<any>): string {
  return `SELECT ${spec.columns.map((c) => `NULL::${SQL_TYPES[c.type]} AS ${ident(c.name)}`).join(", ")} WHERE false`;
}
