// Browser tests of the built dashboard: every page loads in headless Chromium with no console
// error and no request to any host but 127.0.0.1, at the server root and under a subpath; the
// numbers shown are the numbers in the pipeline's tables. Screenshots: test-artifacts/screens/.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as arrow from "apache-arrow";
import * as parquet from "parquet-wasm";
import type { Browser } from "playwright-core";
import { guardedPage, launchBrowser, type GuardedPage } from "./harness.ts";
import { load, assertClean } from "./page-helpers.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";
import { DIST, ensureSite } from "./site-build.ts";
import { outDir, PROJECT_ROOT } from "../../scripts/site/pipeline-out.ts";

const SCREENS = join(PROJECT_ROOT, "test-artifacts", "screens");
const PAGES = ["index.html", "data.html"];

function readTable(name: string): Record<string, unknown>[] {
  const table = arrow.tableFromIPC(
    parquet.readParquet(readFileSync(join(outDir(), `${name}.parquet`))).intoIPCStream(),
  );
  return table.toArray().map((row) => row.toJSON() as Record<string, unknown>);
}

describe("dashboard in headless Chromium", () => {
  let browser: Browser;
  let root: StaticServer;
  let sub: StaticServer;
  const speeches = () => readTable("speeches");

  before(async () => {
    ensureSite();
    mkdirSync(SCREENS, { recursive: true });
    [browser, root, sub] = await Promise.all([
      launchBrowser(),
      serveStatic(DIST),
      serveStatic(DIST, { prefix: "/atlas/" }),
    ]);
  });
  after(async () => {
    await browser?.close();
    await root?.close();
    await sub?.close();
  });

  for (const page of PAGES) {
    for (const [mount, server] of [
      ["root", () => root],
      ["subpath /atlas/", () => sub],
    ] as const) {
      test(`${page} at ${mount}: no console error, no outside request`, async () => {
        const g = await guardedPage(browser);
        try {
          await load(g, server().url + page);
          assert.match(await g.page.title(), /Speech Atlas 讲话图谱/);
          assert.equal(await g.page.getAttribute("html", "lang"), "zh-CN");
          if (mount === "root")
            await g.page.screenshot({
              path: join(SCREENS, page.replace(".html", ".png")),
              fullPage: true,
            });
          assertClean(g, `${page} at ${mount}`);
        } finally {
          await g.close();
        }
      });
    }
  }

  test("overview: summary, filters, heatmap cells and data-quality panel match the tables", async () => {
    const rows = speeches();
    const themes = readTable("themes");
    const g = await guardedPage(browser);
    try {
      await load(g, sub.url + "index.html");
      assert.equal(
        (await g.page.textContent("#summary-speeches"))?.replace(/\D/g, ""),
        String(rows.length),
      );
      // sum() is HUGEINT in DuckDB (Decimal128 in Arrow): must show as a plain number.
      const han = rows.reduce((n, r) => n + Number(r.han_chars), 0);
      assert.equal((await g.page.textContent("#summary-han"))?.trim(), han.toLocaleString("zh-CN"));
      // One cell per speech × theme from theme_scores' "_all" rows.
      const expectedCells = readTable("theme_scores").filter((r) => r.section_id === "_all").length;
      assert.equal(
        expectedCells,
        rows.length * themes.length,
        "fixture sanity: _all rows cover speech × theme",
      );
      assert.equal(
        await g.page.locator('#theme-heatmap svg g[aria-label="cell"] rect').count(),
        expectedCells,
      );
      // Year conflicts are listed with both years.
      const conflicts = rows.filter((r) => r.year_conflict === true);
      const items = g.page.locator("#data-quality .card").first().locator("li");
      assert.equal(await items.count(), conflicts.length);
      for (const c of conflicts) {
        await g.page.getByText(`标题年份 ${c.year} / 内容年份 ${c.content_year}`).first().waitFor();
      }
      // Filtering by a level narrows the table and the heatmap to that level's speeches.
      const level = String(rows[0]!.level);
      const atLevel = rows.filter((r) => r.level === level).length;
      await g.page
        .locator("select")
        .nth(1)
        .selectOption({ index: 1 + [...new Set(rows.map((r) => r.level))].sort().indexOf(level) });
      await g.page.waitForFunction(
        (n) =>
          document.querySelectorAll('#theme-heatmap svg g[aria-label="cell"] rect').length === n,
        atLevel * themes.length,
      );
      assertClean(g, "overview interactions");
    } finally {
      await g.close();
    }
  });

  test("data page: downloads are the pipeline's files; SQL console counts speeches and exports CSV", async () => {
    const g = await guardedPage(browser, { acceptDownloads: true });
    try {
      await load(g, sub.url + "data.html");
      for (const [name, ext] of [
        ["speeches", "parquet"],
        ["theme_scores", "csv"],
      ] as const) {
        const href = await g.page
          .locator(`#downloads a:text-is("${name}.${ext}")`)
          .getAttribute("href");
        assert.ok(href, `${name}.${ext} link`);
        const response = await g.page.request.get(new URL(href, g.page.url()).href);
        assert.equal(response.status(), 200);
        assert.ok(
          Buffer.from(await response.body()).equals(readFileSync(join(outDir(), `${name}.${ext}`))),
          `${name}.${ext} bytes`,
        );
      }
      await g.page.locator("#sql-console textarea").fill("SELECT count(*) AS n FROM speeches");
      await g.page.locator("#sql-console button").click();
      // Wait for *this* query's result: the default query's table is on screen until then.
      await g.page.waitForFunction(() => {
        const heads = [...document.querySelectorAll("#sql-result table thead th")].map((th) =>
          th.textContent?.trim(),
        );
        return heads.filter(Boolean).join(",") === "n";
      });
      const cell = await g.page.locator("#sql-result table tbody tr td").last().textContent();
      assert.equal(cell?.replace(/\D/g, ""), String(speeches().length));
      const [download] = await Promise.all([
        g.page.waitForEvent("download"),
        g.page.locator("#sql-download").click(),
      ]);
      // With a BOM (spreadsheets read the Chinese), named after the table it reads.
      const csv = readFileSync((await download.path())!, "utf8");
      assert.equal(csv, `\ufeffn\r\n${speeches().length}\r\n`);
      assert.equal(download.suggestedFilename(), "speeches.csv");
      // A bad query shows an error in the page instead of breaking it.
      await g.page.locator("#sql-console textarea").fill("SELECT * FROM no_such_table");
      await g.page.locator("#sql-console button").click();
      await g.page.locator("#sql-error").waitFor();
      assertClean(g, "data page interactions");
    } finally {
      await g.close();
    }
  });
});
