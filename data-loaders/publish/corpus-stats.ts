// The inputs of the corpus statistics (data-loaders/sql/term-stats.sql, collocations.sql) as
// views over any sources: the published files in a run, small tables in tests.
import type { Engine } from "./duckdb.ts";

/** Corpus-statistics settings: the SQL files' variables (see their headers). */
export const STATS_VARIABLES = {
  min_term_count: 5,
  speech_terms_kept: 50,
  min_cooccurrence: 3,
};

export interface CorpusSources {
  /** Queries giving speeches(speech_id, year, level, genre, han_chars, ...), the terms table's
   *  rows (speech_id, term, count, ...) and sentence_terms(terms VARCHAR[]). */
  speeches: string;
  terms: string;
  sentenceTerms: string;
}

export async function defineCorpusInputs(
  db: Engine,
  src: CorpusSources,
  variables: Partial<typeof STATS_VARIABLES> = {},
): Promise<void> {
  for (const [name, value] of Object.entries({ ...STATS_VARIABLES, ...variables }))
    await db.run(`SET VARIABLE ${name} = ${Number(value)}`);
  await db.run(`CREATE OR REPLACE TEMP VIEW speeches AS ${src.speeches}`);
  // A speech's count of a term, over its sections and tags: a table, not a view, because
  // term-stats.sql reads it four times.
  await db.run(
    `CREATE OR REPLACE TEMP TABLE speech_terms AS SELECT speech_id, term, sum(count) AS count FROM (${src.terms}) GROUP BY speech_id, term`,
  );
  await db.run(`CREATE OR REPLACE TEMP VIEW sentence_terms AS ${src.sentenceTerms}`);
}
