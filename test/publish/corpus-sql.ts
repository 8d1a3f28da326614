// Runs data-loaders/sql/term-stats.sql and collocations.sql on small in-memory inputs, through
// the same views a run defines (publish/corpus-stats.ts).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineCorpusInputs, STATS_VARIABLES } from "../../data-loaders/publish/corpus-stats.ts";
import { literal, openEngine } from "../../data-loaders/publish/duckdb.ts";
import { sqlText } from "../../data-loaders/sql/index.ts";
import type { CollocationRow, TermRow, TermStatRow } from "../../data-loaders/types.ts";

export interface SpeechMeta {
  speech_id: string;
  year: number | null;
  level: string;
  genre: string;
  han_chars: number;
}

async function run<T>(
  inputs: { speeches: SpeechMeta[]; terms: TermRow[]; sentences: string[][] },
  variables: Partial<typeof STATS_VARIABLES>,
  query: string,
  threads = 1,
): Promise<T[]> {
  const dir = mkdtempSync(join(tmpdir(), "corpus-sql-"));
  const db = await openEngine({ threads });
  try {
    const file = (name: string, rows: unknown[]) => {
      const path = join(dir, `${name}.json`);
      writeFileSync(path, rows.map((r) => JSON.stringify(r)).join("\n") + "\n");
      return literal(path);
    };
    const speeches = file("speeches", inputs.speeches);
    const terms = file("terms", inputs.terms);
    const sentences = file(
      "sentences",
      inputs.sentences.map((terms) => ({ terms })),
    );
    await defineCorpusInputs(
      db,
      {
        speeches: `SELECT * FROM read_json(${speeches}, columns = {speech_id: 'VARCHAR', year: 'INTEGER', level: 'VARCHAR', genre: 'VARCHAR', han_chars: 'INTEGER'})`,
        terms: `SELECT * FROM read_json(${terms}, columns = {speech_id: 'VARCHAR', section_id: 'VARCHAR', term: 'VARCHAR', pos: 'VARCHAR', count: 'INTEGER'})`,
        sentenceTerms: `SELECT * FROM read_json(${sentences}, columns = {terms: 'VARCHAR[]'})`,
      },
      variables,
    );
    return (await db.rows(query)) as T[];
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function termStatsSql(
  terms: TermRow[],
  speeches: SpeechMeta[],
  opts: { minCount?: number; speechTerms?: number; threads?: number } = {},
): Promise<TermStatRow[]> {
  return run<TermStatRow>(
    { speeches, terms, sentences: [] },
    {
      ...(opts.minCount !== undefined ? { min_term_count: opts.minCount } : {}),
      ...(opts.speechTerms !== undefined ? { speech_terms_kept: opts.speechTerms } : {}),
    },
    sqlText("term-stats"),
    opts.threads,
  );
}

export function collocationsSql(
  sentences: string[][],
  opts: { minCount?: number } = {},
): Promise<CollocationRow[]> {
  return run<CollocationRow>(
    { speeches: [], terms: [], sentences },
    opts.minCount !== undefined ? { min_cooccurrence: opts.minCount } : {},
    sqlText("collocations"),
  );
}
