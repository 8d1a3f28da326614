// The log-odds z of the Terms page's comparisons, computed by the pipeline's own SQL (the one
// definition: data-loaders/sql/log-odds.sql defines the macros, log-odds-compare.sql scores a
// table log_odds_input(term, count_a, count_b, prior)) in DuckDB-wasm, loaded on first use.
// The input reaches DuckDB as CSV text (read_csv is built in; JSON and Parquet would need
// extensions fetched from the internet).
import { DuckDBClient } from "npm:@observablehq/duckdb";
import { toRows } from "./sql.js";
import { statements } from "./compareGroups.js";

let client = null;

/**
 * @param definition text of log-odds.sql, @param compare text of log-odds-compare.sql
 * @param inputCsv lib/compareGroups.js logOddsInputCsv
 * @returns rows {term, count_a, count_b, n_a, n_b, alpha_w, alpha0, delta, variance, z}
 */
export async function logOddsDuckDB(definition, compare, inputCsv) {
  client ??= (async () => {
    const db = await DuckDBClient.of();
    for (const s of statements(definition)) await db.query(s);
    return db;
  })();
  const db = await client;
  // _db is the AsyncDuckDB behind Framework's client (Framework pinned at 1.13.4).
  await db._db.registerFileText("log_odds_input.csv", inputCsv);
  await db.query(
    `CREATE OR REPLACE TABLE log_odds_input AS SELECT * FROM read_csv('log_odds_input.csv', header = true, quote = '"', escape = '"', columns = {'term': 'VARCHAR', 'count_a': 'BIGINT', 'count_b': 'BIGINT', 'prior': 'BIGINT'})`,
  );
  const [query] = statements(compare);
  return toRows(await db.query(query)).map((d) => ({
    ...d,
    count_a: Number(d.count_a),
    count_b: Number(d.count_b),
  }));
}
