// Charts fit for a briefing (issue 18), on the bundled sample and on the government reports
// (../shared/corpora/govreports, one report a year 1954–2022 with gaps): every page and every
// chart export at 1,280 px is screenshotted into test-artifacts/charts/<corpus>/; each exported SVG
// carries the title, caption, source line and every legend or end label the page shows (the
// heatmap its colour bar); year tick labels never overlap at 640 or 1,280 px, the year axis is a
// scale (equal years, equal distances), end labels never overlap; the theme picker shows the five
// strongest themes, all on request, small multiples; the speeches index searches and opens the
// reader; the SQL console queries collocations and downloads a CSV with a BOM named by table.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { guardedPage, launchBrowser, type GuardedPage } from "./harness.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";
import { DIST, ensureSite } from "./site-build.ts";
import { buildSiteOf, publishCorpus } from "./alt-site.ts";
import { PROJECT_ROOT } from "../../scripts/site/pipeline-out.ts";
import { parse } from "yaml";

const GOVREPORTS = join(PROJECT_ROOT, "..", "shared", "corpora", "govreports");
const ARTIFACTS = join(PROJECT_ROOT, "test-artifacts", "charts");
/** Each page and the chart frames it draws (at least). */
const PAGES: [string, number][] = [
  ["index", 1],
  ["themes", 3],
  ["terms", 3],
  ["speech-index", 0],
  ["data", 0],
  ["methods", 0],
];

async function load(g: GuardedPage, url: string): Promise<void> {
  await g.page.goto(url, { waitUntil: "load" });
  await g.page.waitForLoadState("networkidle");
  await g.page.waitForFunction(() => !document.querySelector(".observablehq--loading"), null, {
    timeout: 60_000,
  });
}

/** Scrolls through the page until every chart frame has drawn its marks. */
async function framesDrawn(page: Page, atLeast = 0): Promise<number> {
  await page.waitForFunction(
    (n) => {
      // Sections that load when they scroll into view (the Terms log-odds) must pass through the
      // viewport: step down a screen at a time, back to the top at the end.
      const atEnd = window.scrollY + window.innerHeight >= document.body.scrollHeight - 2;
      window.scrollTo(0, atEnd ? 0 : window.scrollY + window.innerHeight * 0.8);
      const figs = [...document.querySelectorAll("figure.atlas-frame")];
      return (
        figs.length >= n && figs.every((f) => f.querySelector("svg rect, svg circle, svg path[d]"))
      );
    },
    atLeast,
    { timeout: 60_000, polling: 100 },
  );
  await page.waitForTimeout(300);
  return page.locator("figure.atlas-frame").count();
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

/** Every <text> and <title> content of an SVG document. */
const svgTexts = (svg: string): string[] =>
  [...svg.matchAll(/<(text|title)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) =>
    unescape(m[2]!.replace(/<[^>]+>/g, "")),
  );

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 &&
  b.x < a.x + a.width - 0.5 &&
  a.y < b.y + b.height - 0.5 &&
  b.y < a.y + a.height - 0.5;

async function boxes(page: Page, selector: string): Promise<Box[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

function assertNoOverlap(list: Box[], what: string): void {
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++)
      assert.ok(!overlap(list[i]!, list[j]!), `${what}: labels ${i} and ${j} overlap`);
}

/** The codebook's theme ids in order (the same codebook for every corpus). */
const THEME_IDS: string[] = (
  parse(readFileSync(join(PROJECT_ROOT, "lexicon", "codebook.yaml"), "utf8")) as {
    themes: { id: string }[];
  }
).themes.map((t) => t.id);

const corpora: [string, () => Promise<string>][] = [
  [
    "sample",
    async () => {
      ensureSite();
      return DIST;
    },
  ],
];
if (existsSync(GOVREPORTS))
  corpora.push(["govreports", () => buildSiteOf(publishCorpus(GOVREPORTS, "atlas-gov-"))]);

// CHARTS_TEST_CORPORA=sample runs one corpus (the government reports' site takes minutes to build).
const only = process.env.CHARTS_TEST_CORPORA?.split(",");
for (const [corpus, site] of corpora.filter(([name]) => !only || only.includes(name))) {
  describe(`charts fit for a briefing: ${corpus}`, () => {
    let browser: Browser;
    let server: StaticServer;
    const dir = join(ARTIFACTS, corpus);
    before(async () => {
      mkdirSync(join(dir, "exports"), { recursive: true });
      const dist = await site();
      [browser, server] = await Promise.all([launchBrowser(), serveStatic(dist)]);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    test("every page at 1,280 px; every export carries title, legend labels, caption, source", async () => {
      for (const [name, expected] of PAGES) {
        const g = await guardedPage(browser, { acceptDownloads: true });
        try {
          await load(g, `${server.url}${name}.html`);
          const frames = await framesDrawn(g.page, expected);
          await g.page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
          for (let i = 0; i < frames; i++) {
            const frame = g.page.locator("figure.atlas-frame").nth(i);
            const id = (await frame.getAttribute("id")) ?? `chart-${i}`;
            const title = (await frame.locator(".atlas-frame-title").textContent())!.trim();
            const labels = await frame
              .locator('svg[aria-label="legend"] text, g[aria-label="end-labels"] text')
              .allTextContents();
            const [download] = await Promise.all([
              g.page.waitForEvent("download"),
              frame.locator('button[data-action="svg"]').click(),
            ]);
            const svg = readFileSync(await download.path(), "utf8");
            const texts = svgTexts(svg);
            const all = texts.join("\n");
            assert.ok(all.includes(title), `${name}/${id}: title in the SVG`);
            assert.match(all, /来源 Source: 语料 Corpus:/, `${name}/${id}: source line`);
            for (const l of labels) assert.ok(texts.includes(l), `${name}/${id}: label "${l}"`);
            if (/trend|bars|profile|by-year|log-odds/.test(id))
              assert.ok(labels.length > 0, `${name}/${id}: a legend or end labels`);
            if (id === "theme-heatmap")
              assert.match(svg, /aria-label="color-bar"/, `${name}/${id}: colour bar`);
            // The export as a reader sees it (the PNG download is drawn from the same SVG).
            const view = await browser.newPage({ viewport: { width: 1280, height: 900 } });
            await view.setContent(
              `<!doctype html><html lang="zh-CN"><body style="margin:0">${svg.replace(/^<\?xml[^>]*>/, "")}</body></html>`,
            );
            await view
              .locator("svg")
              .first()
              .screenshot({ path: join(dir, "exports", `${name}-${id}.png`) });
            await view.close();
          }
          assert.deepEqual(g.violations.outsideRequests, [], `${name}: outside requests`);
          assert.deepEqual(g.violations.consoleErrors, [], `${name}: console errors`);
        } finally {
          await g.close();
        }
      }
    });

    test("year axes: a scale, tick labels apart at 640 and 1,280 px, end labels apart; theme picker", async () => {
      for (const width of [1280, 640]) {
        const g = await guardedPage(browser);
        try {
          await g.page.setViewportSize({ width, height: 900 });
          await load(g, `${server.url}themes.html`);
          await framesDrawn(g.page);
          const trend = "#theme-trend";
          const ticks = await boxes(g.page, `${trend} g[aria-label="x-axis tick label"] text`);
          assert.ok(ticks.length >= 2, "year ticks");
          assertNoOverlap(ticks, `${width} px year ticks`);
          // Equal years, equal distances: the ticks are evenly spaced in px and in years.
          const years = (
            await g.page
              .locator(`${trend} g[aria-label="x-axis tick label"] text`)
              .allTextContents()
          ).map(Number);
          const centres = ticks.map((b) => b.x + b.width / 2);
          if (years.length >= 3) {
            const pxPerYear = (centres.at(-1)! - centres[0]!) / (years.at(-1)! - years[0]!);
            years.forEach((y, i) =>
              assert.ok(
                Math.abs(centres[0]! + (y - years[0]!) * pxPerYear - centres[i]!) < 2,
                `tick ${y}`,
              ),
            );
          }
          assertNoOverlap(
            await boxes(g.page, `${trend} g[aria-label="end-labels"] text`),
            `${width} px end labels`,
          );
          const series = async () =>
            (
              await g.page
                .locator(
                  `${trend} svg[aria-label="legend"] text, ${trend} g[aria-label="end-labels"] text`,
                )
                .allTextContents()
            ).length;
          const themes = await g.page.locator("#theme-picker input[type=checkbox]").count();
          assert.equal(await series(), Math.min(5, themes), "five strongest by default");
          await g.page.getByRole("button", { name: /全部主题 All themes/ }).click();
          await g.page.waitForFunction(
            (n) =>
              document.querySelectorAll(
                "#theme-trend svg[aria-label=legend] text, #theme-trend g[aria-label=end-labels] text",
              ).length === n,
            themes,
          );
          await g.page.getByLabel("小多图 small multiples").check();
          await g.page.waitForFunction(
            (n) =>
              document.querySelectorAll(
                '#theme-trend g[aria-label="fy-axis tick"], #theme-trend g[aria-label="frame"] rect, #theme-trend g[aria-label="frame"]',
              ).length >= n,
            themes,
          );
          if (width === 1280)
            await g.page
              .locator(trend)
              .screenshot({ path: join(dir, "theme-trend-multiples.png") });
          assert.deepEqual(g.violations.consoleErrors, []);
        } finally {
          await g.close();
        }
      }
    });

    test("one colour per theme: a filtered embed colours a theme as the page does", async () => {
      const g = await guardedPage(browser);
      const legend = () =>
        g.page
          .locator('#theme-bars g[aria-label="legend-item"]')
          .evaluateAll((items) =>
            items.map((i): [string, string] => [
              i.querySelector("text")?.textContent ?? "",
              i.querySelector("rect")?.getAttribute("fill") ?? "",
            ]),
          );
      try {
        await load(g, `${server.url}themes.html`);
        await framesDrawn(g.page);
        const onPage = new Map(await legend());
        assert.ok(onPage.size >= 3);
        // The third theme: by its position among the drawn themes it would take the first colour.
        await load(
          g,
          `${server.url}embed/theme-bars.html?theme=${encodeURIComponent(THEME_IDS[2]!)}`,
        );
        const inEmbed = await legend();
        assert.equal(inEmbed.length, 1);
        assert.equal(onPage.get(inEmbed[0]![0]), inEmbed[0]![1], `colour of ${inEmbed[0]![0]}`);
        assert.deepEqual(g.violations.consoleErrors, []);
      } finally {
        await g.close();
      }
    });

    test("speeches index: searchable, sortable, each title opens the reader", async () => {
      const g = await guardedPage(browser);
      try {
        await load(g, `${server.url}speech-index.html`);
        const rows = g.page.locator("#speech-index tbody tr");
        const total = await rows.count();
        assert.ok(total > 0);
        const first = (await rows.first().locator("a").textContent())!.trim();
        await g.page.locator("#speech-index-controls input[type=text]").fill(first);
        await g.page.waitForFunction(
          (n) => document.querySelectorAll("#speech-index tbody tr").length < n || n === 1,
          total,
        );
        await rows.first().locator("a").click();
        await g.page.waitForURL(/speeches\/s[0-9a-f]+\.html/);
        assert.deepEqual(g.violations.consoleErrors, []);
      } finally {
        await g.close();
      }
    });

    test("data page: collocations queryable, result CSV has a BOM and the table's name, schemas once", async () => {
      const g = await guardedPage(browser, { acceptDownloads: true });
      try {
        await load(g, `${server.url}data.html`);
        const schemas = await g.page
          .locator("#schemas details")
          .evaluateAll((d) => d.map((e) => e.getAttribute("data-table")));
        assert.equal(new Set(schemas).size, schemas.length, "each schema once");
        assert.ok(schemas.includes("collocations"));
        for (const table of ["sections", "collocations"])
          assert.equal(
            await g.page.locator(`#downloads a[download="${table}.csv"]`).count(),
            1,
            `${table}.csv`,
          );
        await g.page.locator("#sql-console textarea").fill("SELECT * FROM collocations LIMIT 5");
        await g.page.getByRole("button", { name: /运行 Run/ }).click();
        // The default query's result stays on screen until the new one arrives: wait for ours.
        await g.page.waitForSelector('#sql-download[download="collocations.csv"]');
        const [download] = await Promise.all([
          g.page.waitForEvent("download"),
          g.page.locator("#sql-download").click(),
        ]);
        assert.equal(download.suggestedFilename(), "collocations.csv");
        const bytes = readFileSync(await download.path());
        assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 BOM");
        assert.deepEqual(g.violations.outsideRequests, []);
      } finally {
        await g.close();
      }
    });
  });
}
