// The SQL files of this folder, read once: one file per corpus- or group-level statistic and
// per published table. The dashboard runs the same texts in DuckDB-wasm where it computes the
// same statistic (log-odds.sql, log-odds-compare.sql).
import { readFileSync } from "node:fs";

const cache = new Map<string, string>();

/** The text of `data-loaders/sql/<name>.sql`. */
export function sqlText(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(`./${name}.sql`, import.meta.url), "utf8");
    cache.set(name, text);
  }
  return text;
}
