// The build's DuckDB: one in-memory database per run (native, @duckdb/node-api), with the
// macros of data-loaders/sql/ defined. `threads` is DuckDB's own thread count (default: all
// cores); the outputs are the same bytes whatever it is (test/pipeline/determinism.test.ts).
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { sqlText } from "../sql/index.ts";

export interface Engine {
  /** Runs one or more statements. */
  run(sql: string): Promise<void>;
  /** Rows of a query as plain objects (BIGINT as number: counts and totals fit a double). */
  rows(sql: string): Promise<Record<string, unknown>[]>;
  close(): void;
}

export async function openEngine(
  opts: { threads?: number; tempDir?: string; memoryLimit?: string } = {},
): Promise<Engine> {
  // DuckDB's buffers are capped (it spills to tempDir beyond; the cap changes no byte of the
  // outputs): publishing 10,000 speeches peaked at ~1,005 MB resident with 640 MB, 902 MB with
  // 400 MB (BENCHMARKS.md).
  const config: Record<string, string> = { memory_limit: opts.memoryLimit ?? "400MB" };
  if (opts.threads) config.threads = String(opts.threads);
  // Never DuckDB's default (.tmp in the current directory: the user's folder); the run passes
  // its scratch folder, other callers get one per process under the system's temp directory.
  config.temp_directory = opts.tempDir ?? join(tmpdir(), `speech-atlas-duckdb-${process.pid}`);
  const db = await DuckDBInstance.create(":memory:", config);
  const conn: DuckDBConnection = await db.connect();
  // The macros every query may use (the statistics' definitions, CSV cells).
  await conn.run(sqlText("log-odds"));
  await conn.run(sqlText("measures"));
  return {
    run: async (sql) => void (await conn.run(sql)),
    rows: async (sql) => {
      const reader = await conn.runAndReadAll(sql);
      return reader
        .getRowObjectsJS()
        .map((row) =>
          Object.fromEntries(
            Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v]),
          ),
        );
    },
    close: () => {
      conn.closeSync();
      db.closeSync();
    },
  };
}

/** A string as an SQL literal. */
export const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
