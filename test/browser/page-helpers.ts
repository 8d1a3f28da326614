// What the browser tests do on every page: read a published table to compare against, load a
// page until Framework has rendered every cell, and check that it stayed offline and error-free.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as arrow from "apache-arrow";
import * as parquet from "parquet-wasm";
import type { GuardedPage } from "./harness.ts";

export type Row = Record<string, unknown>;

/** The rows of `<dir>/<name>.parquet` as plain objects (BIGINT as number). */
export function readTable(dir: string, name: string): Row[] {
  const table = arrow.tableFromIPC(
    parquet.readParquet(readFileSync(join(dir, `${name}.parquet`))).intoIPCStream(),
  );
  return table.toArray().map((row) => {
    const o = row.toJSON() as Row;
    for (const [k, v] of Object.entries(o)) if (typeof v === "bigint") o[k] = Number(v);
    return o;
  });
}

/** Loads a page and waits until Framework has rendered all cells (no pending observers). */
export async function load(g: GuardedPage, url: string, timeout = 30_000): Promise<void> {
  await g.page.goto(url, { waitUntil: "load" });
  await g.page.waitForLoadState("networkidle");
  await g.page.waitForFunction(() => !document.querySelector(".observablehq--loading"), null, {
    timeout,
  });
}

/** No request left this machine and nothing was logged as an error. */
export function assertClean(g: GuardedPage, what: string): void {
  assert.deepEqual(g.violations.outsideRequests, [], `${what}: requests to non-local hosts`);
  assert.deepEqual(g.violations.consoleErrors, [], `${what}: console errors`);
}
