// A DuckDB-wasm client that inserts a table only when a query first names it, so the SQL console
// does not pay for every table (sentences, term_stats can be large) before the first query.
// Tables arrive as Arrow IPC files (src/data/[table].arrow.ts): DuckDB-wasm reads those natively,
// whereas Parquet would need its parquet extension, fetched from the internet at run time.
import { DuckDBClient } from "npm:@observablehq/duckdb";

/** @param files {Record<string, FileAttachment>} table name → Arrow IPC file attachment */
export async function lazyDuckDB(files) {
  const client = await DuckDBClient.of();
  const loading = new Map();

  function ensure(name) {
    if (!loading.has(name)) {
      loading.set(
        name,
        (async () => {
          const buffer = new Uint8Array(await files[name].arrayBuffer());
          // _db is the AsyncDuckDB behind Framework's client (Framework pinned at 1.13.4).
          const connection = await client._db.connect();
          try {
            await connection.insertArrowFromIPCStream(buffer, {
              name,
              schema: "main",
              create: true,
            });
          } finally {
            await connection.close();
          }
        })(),
      );
    }
    return loading.get(name);
  }

  /** Names of known tables mentioned in the SQL text, as whole words (theme_scores ≠ themes). */
  function mentioned(sql) {
    return Object.keys(files).filter((name) =>
      new RegExp(`(^|[^\\w])${name}($|[^\\w])`, "i").test(sql),
    );
  }

  return {
    tables: Object.keys(files),
    loaded: () => [...loading.keys()],
    async query(sql, params) {
      await Promise.all(mentioned(sql).map(ensure));
      return client.query(sql, params);
    },
  };
}
