// Embed pages (src/embed/*.md) in headless Chromium: each renders alone with no request to any host
// but the local server and no console error; the toolbar's SVG, PNG and CSV downloads are what the
// chart drew; URL parameters are honoured and invalid ones give a message, not an error.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Download } from "playwright-core";
import { guardedPage, launchBrowser, type GuardedPage } from "./harness.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";
import { DIST, ensureSite } from "./site-build.ts";
import { outDir } from "../../scripts/site/pipeline-out.ts";
import { readReportTables } from "../../scripts/report/tables.ts";

const KINDS = [
  "theme-heatmap",
  "theme-trend",
  "formulation-trend",
  "theme-bars",
  "outline-profile",
  "term-by-speech",
  "term-trend",
  "log-odds",
];

/** The speeches in the dashboard's order: by year (unknown last), then source file. */
function dashboardOrder<S extends { year: number | null; source_file?: string | null }>(
  speeches: S[],
): S[] {
  return speeches
    .slice()
    .sort(
      (a, b) =>
        (a.year ?? Infinity) - (b.year ?? Infinity) ||
        String(a.source_file ?? "").localeCompare(String(b.source_file ?? "")),
    );
}

/** The URL query each kind is opened with in the generic test (some kinds need a parameter), and the speeches it draws. */
function defaultQuery(
  kind: string,
  tables: ReturnType<typeof readReportTables>,
): { query: string; speeches: number } {
  const first = dashboardOrder(tables.speeches)[0]!;
  switch (kind) {
    case "outline-profile":
      return { query: `?speech=${first.speech_id}`, speeches: 1 };
    case "term-by-speech":
      return { query: `?term=${encodeURIComponent("两个维护")}`, speeches: tables.speeches.length };
    case "term-trend":
      // A plain string, not a lexicon formulation: counted in the sentences.
      return { query: `?term=${encodeURIComponent("干部")}`, speeches: tables.speeches.length };
    case "log-odds":
      return { query: `?kind=year&a=${first.year}&b=rest`, speeches: tables.speeches.length };
    default:
      return { query: "", speeches: tables.speeches.length };
  }
}

async function load(g: GuardedPage, url: string): Promise<void> {
  await g.page.goto(url, { waitUntil: "load" });
  await g.page.waitForLoadState("networkidle");
  await g.page.waitForFunction(
    () =>
      !document.querySelector(".observablehq--loading") &&
      document.querySelector("#embed-root > *"),
    null,
    { timeout: 30_000 },
  );
}

function assertClean(g: GuardedPage, what: string): void {
  assert.deepEqual(g.violations.outsideRequests, [], `${what}: requests to non-local hosts`);
  assert.deepEqual(g.violations.consoleErrors, [], `${what}: console errors`);
}

async function saved(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFileSync(path);
}

/** RFC 4180 record count (quoted cells may hold newlines), header excluded. */
function csvRecords(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") (row.push(cell), (cell = ""));
    else if (ch === "\n")
      (row.push(cell.replace(/\r$/, "")), rows.push(row), (row = []), (cell = ""));
    else cell += ch;
  }
  if (cell || row.length) (row.push(cell), rows.push(row));
  return rows;
}

describe("embed pages", () => {
  let browser: Browser;
  let server: StaticServer;
  before(async () => {
    ensureSite();
    [browser, server] = await Promise.all([
      launchBrowser(),
      serveStatic(DIST, { prefix: "/atlas/" }),
    ]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("embed pages are built although not listed in the sidebar", () => {
    for (const kind of KINDS)
      assert.ok(existsSync(join(DIST, "embed", `${kind}.html`)), `dist/embed/${kind}.html`);
    const index = readFileSync(join(DIST, "index.html"), "utf8");
    assert.doesNotMatch(index, /embed\/theme-heatmap/, "embed pages must not be in the sidebar");
  });

  for (const kind of KINDS) {
    test(`${kind}: renders alone; SVG, PNG (2×) and CSV downloads match the chart`, async () => {
      const g = await guardedPage(browser, { acceptDownloads: true });
      try {
        const tables = readReportTables(outDir());
        const { query, speeches } = defaultQuery(kind, tables);
        await load(g, `${server.url}embed/${kind}.html${query}`);
        const { page } = g;
        // Alone: no sidebar, header, footer or pager.
        assert.equal(
          await page
            .locator(
              "#observablehq-sidebar, #observablehq-header, #observablehq-footer, .observablehq-pager",
            )
            .count(),
          0,
        );
        const frame = page.locator(`figure.atlas-frame#${kind}`);
        const title = (await frame.locator(".atlas-frame-title").textContent())!.trim();
        const source = await frame.locator(".atlas-source").textContent();
        assert.match(source!, new RegExp(`${tables.manifest.corpus!.name} · ${speeches} 篇讲话`));
        assert.match(source!, /pipeline 0\.\d+\.\d+.*formulations [\d.]+/);
        assert.match(
          source!,
          new RegExp(`data through ${Math.max(...tables.speeches.map((s) => s.year ?? 0))}`),
        );
        assert.equal(
          await page.locator('a[target="_top"][href$="/atlas/index.html"]').count(),
          1,
          "link back to the dashboard",
        );

        const rows = Number(await frame.getAttribute("data-rows"));
        const marks = (await frame.getAttribute("data-marks"))!;
        assert.ok(rows > 0);
        assert.equal(
          await frame.locator(`.atlas-frame-chart ${marks}`).count(),
          rows,
          "one mark per row",
        );

        const [svgDl] = await Promise.all([
          page.waitForEvent("download"),
          frame.locator('button[data-action="svg"]').click(),
        ]);
        assert.equal(svgDl.suggestedFilename(), `${kind}.svg`);
        const svg = (await saved(svgDl)).toString("utf8");
        const parsed = await page.evaluate((text) => {
          const doc = new DOMParser().parseFromString(text, "image/svg+xml");
          const root = doc.documentElement;
          return {
            error: doc.querySelector("parsererror")?.textContent ?? null,
            tag: root.tagName,
            title: root.querySelector(":scope > title")?.textContent ?? null,
            width: Number(root.getAttribute("width")),
            height: Number(root.getAttribute("height")),
            texts: [...root.querySelectorAll("text")].map((t) => t.textContent).join(" "),
          };
        }, svg);
        assert.equal(parsed.error, null, "SVG parses");
        assert.equal(parsed.tag, "svg");
        assert.equal(parsed.title, title, "<title> is the chart title");
        assert.match(parsed.texts, /[\u4e00-\u9fff]/, "Chinese stays text");
        assert.equal(
          await page.locator(`figure#${kind} .atlas-frame-chart ${marks}`).count(),
          rows,
        );

        const [pngDl] = await Promise.all([
          page.waitForEvent("download"),
          frame.locator('button[data-action="png"]').click(),
        ]);
        const png = await saved(pngDl);
        assert.equal(png.subarray(1, 4).toString("latin1"), "PNG");
        assert.equal(png.readUInt32BE(16), 2 * parsed.width, "PNG width = 2 × SVG width");
        assert.equal(png.readUInt32BE(20), 2 * parsed.height, "PNG height = 2 × SVG height");

        const [csvDl] = await Promise.all([
          page.waitForEvent("download"),
          frame.locator('button[data-action="csv"]').click(),
        ]);
        const records = csvRecords((await saved(csvDl)).toString("utf8").replace(/^\ufeff/, ""));
        assert.equal(records.length - 1, rows, "CSV rows = rows drawn");
        assert.ok(records.slice(1).every((r) => r.length === records[0]!.length));

        // Embed code: an iframe of this very page with the chart's parameters.
        await frame.locator('button[data-action="embed"]').click();
        const snippet = await frame.locator("textarea.atlas-embed-code").inputValue();
        assert.match(
          snippet,
          new RegExp(`^<iframe src="${server.url.replace(/[.]/g, "\\.")}embed/${kind}\\.html`),
        );
        // Responsive: a narrower iframe redraws the chart at the new width.
        // The plot's own <svg> is the last one (a colour legend may come first).
        const svgWidth = () =>
          page.evaluate(() =>
            [...document.querySelectorAll(".atlas-frame-chart svg")].pop()?.getAttribute("width"),
          );
        const wide = Number(await svgWidth());
        await page.setViewportSize({ width: 600, height: 900 });
        await page.waitForFunction(
          (w) =>
            Number(
              [...document.querySelectorAll(".atlas-frame-chart svg")].pop()?.getAttribute("width"),
            ) < w,
          wide,
        );
        assert.ok(Number(await svgWidth()) < wide);
        assertClean(g, kind);
      } finally {
        await g.close();
      }
    });
  }

  test("URL parameters select speeches, years, themes, terms and normalisation", async () => {
    const tables = readReportTables(outDir());
    const [first, second] = tables.speeches;
    const g = await guardedPage(browser);
    try {
      await load(
        g,
        `${server.url}embed/theme-heatmap.html?speeches=${first!.speech_id},${second!.speech_id}&theme=political_building,talent`,
      );
      assert.equal(await g.page.getAttribute("figure#theme-heatmap", "data-rows"), "4");
      const year = Math.min(...tables.speeches.map((s) => s.year!));
      await load(g, `${server.url}embed/formulation-trend.html?term=两个维护&years=${year}`);
      assert.equal(await g.page.getAttribute("figure#formulation-trend", "data-rows"), "1");
      assert.match((await g.page.textContent(".atlas-frame-title"))!, /两个维护/);
      // Without theme: the five strongest themes; theme=all: every theme; each labelled once.
      await load(g, `${server.url}embed/theme-trend.html?normalisation=share`);
      const years = new Set(tables.speeches.map((s) => s.year));
      const shown = Math.min(5, tables.themes.length);
      assert.equal(
        Number(await g.page.getAttribute("figure#theme-trend", "data-rows")),
        years.size * shown,
      );
      const labels = () =>
        g.page
          .locator(
            'figure#theme-trend :is(svg[aria-label="legend"], g[aria-label="end-labels"]) text',
          )
          .count();
      assert.equal(await labels(), shown);
      assert.match((await g.page.textContent("figure#theme-trend"))!, /share/);
      await load(g, `${server.url}embed/theme-trend.html?theme=all&layout=multiples`);
      assert.equal(
        Number(await g.page.getAttribute("figure#theme-trend", "data-rows")),
        years.size * tables.themes.length,
      );

      // Mean of per-speech values: same grid, its own caption.
      await load(g, `${server.url}embed/theme-trend.html?pool=mean`);
      assert.equal(
        Number(await g.page.getAttribute("figure#theme-trend", "data-rows")),
        years.size * shown,
      );
      assert.match(
        (await g.page.textContent("figure#theme-trend figcaption"))!,
        /Mean over each year/,
      );
      // One theme, share of coded hits: one bar per speech.
      await load(
        g,
        `${server.url}embed/theme-bars.html?theme=political_building&normalisation=share&speeches=${first!.speech_id},${second!.speech_id}`,
      );
      assert.equal(await g.page.getAttribute("figure#theme-bars", "data-rows"), "2");
      // A term trend drawn with one measure only: one dot per year.
      await load(
        g,
        `${server.url}embed/term-trend.html?term=${encodeURIComponent("干部")}&pool=pooled`,
      );
      assert.equal(Number(await g.page.getAttribute("figure#term-trend", "data-rows")), years.size);
      // Distinctive terms: n bars at most per side.
      await load(
        g,
        `${server.url}embed/log-odds.html?kind=speech&a=${first!.speech_id}&b=${second!.speech_id}&n=5`,
      );
      const bars = Number(await g.page.getAttribute("figure#log-odds", "data-rows"));
      assert.ok(bars > 0 && bars <= 10, `log-odds bars: ${bars}`);
      assertClean(g, "parameters");
    } finally {
      await g.close();
    }
  });

  test("invalid parameters show what is wrong and the valid values, without a console error", async () => {
    const g = await guardedPage(browser);
    try {
      const cases: [string, RegExp][] = [
        ["theme-heatmap.html?speeches=nope", /unknown speech id nope; valid ids: s/],
        ["theme-trend.html?years=2030-2020", /empty year range/],
        ["theme-trend.html?normalisation=log", /normalisation must be one of rate, share/],
        ["formulation-trend.html?term=两个维户", /unknown term "两个维户"; near matches: 两个维护/],
        ["theme-heatmap.html?theme=政治", /did you mean .*政治建设/],
        ["theme-trend.html?pool=median", /pool must be pooled or mean/],
        ["theme-trend.html?layout=pie", /layout must be one of lines, multiples/],
        ["theme-bars.html?years=1800-1801", /no speech in 1800-1801; years with speeches: 20\d\d/],
        ["outline-profile.html", /speech is required: one speech id; valid ids: s/],
        ["outline-profile.html?speech=nope", /unknown speech id nope; valid ids: s/],
        [
          "term-by-speech.html",
          /term is required: a formulation of the lexicon \(e\.g\. .+\) or any literal string/,
        ],
        ["term-trend.html?term=干部&pool=median", /pool must be pooled, mean or both/],
        ["log-odds.html?kind=party&a=x", /kind must be one of speech, year, level, genre/],
        ["log-odds.html?kind=year&a=1800", /unknown year "1800" for a; valid year values: 20\d\d/],
        ["log-odds.html?kind=year&a=2023&n=99", /n must be a whole number from 5 to 40/],
      ];
      for (const [path, message] of cases) {
        await load(g, `${server.url}embed/${path}`);
        const alert = await g.page.locator(".atlas-embed-error").textContent();
        assert.match(alert ?? "", message, path);
        assert.equal(await g.page.locator("figure.atlas-frame").count(), 0, path);
      }
      assertClean(g, "invalid parameters");
    } finally {
      await g.close();
    }
  });

  // Every chart on the dashboard pages offers an embed code whose iframe loads an embed page that
  // draws the same chart again from the URL alone: same kind, no error, the same number of rows.
  const DASHBOARD: [string, number][] = [
    ["index", 1],
    ["themes", 3],
    ["terms", 3],
  ];
  for (const [page, frames] of DASHBOARD) {
    test(`${page}: every chart has an Embed button whose iframe reproduces it`, async () => {
      const g = await guardedPage(browser, { acceptDownloads: true });
      const embedPage = await g.context.newPage();
      embedPage.on(
        "console",
        (m) =>
          m.type() === "error" &&
          g.violations.consoleErrors.push(`${m.text()} @ ${m.location().url}`),
      );
      embedPage.on("pageerror", (e) => g.violations.consoleErrors.push(`pageerror: ${e.message}`));
      try {
        await g.page.goto(`${server.url}${page}.html`, { waitUntil: "load" });
        await g.page.waitForLoadState("networkidle");
        await g.page.waitForFunction(
          (n) => {
            // Sections that load when they scroll into view (the Terms log-odds) must pass through the
            // viewport: step down a screen at a time, back to the top at the end.
            const atEnd = window.scrollY + window.innerHeight >= document.body.scrollHeight - 2;
            window.scrollTo(0, atEnd ? 0 : window.scrollY + window.innerHeight * 0.8);
            const figs = [...document.querySelectorAll("figure.atlas-frame")];
            return (
              !document.querySelector(".observablehq--loading") &&
              figs.length >= n &&
              figs.every((f) => f.querySelector("svg rect, svg circle"))
            );
          },
          frames,
          { timeout: 30_000, polling: 100 },
        );
        const figures = g.page.locator("figure.atlas-frame");
        assert.equal(await figures.count(), frames, `${page}: chart frames`);
        for (let i = 0; i < frames; i++) {
          const frame = figures.nth(i);
          const id = await frame.getAttribute("id");
          const button = frame.locator('button[data-action="embed"]');
          assert.equal(await button.count(), 1, `${page}#${id}: Embed button`);
          await button.click();
          const snippet = await frame.locator("textarea.atlas-embed-code").inputValue();
          const src = /^<iframe src="([^"]+)"/.exec(snippet)?.[1]?.replace(/&amp;/g, "&");
          assert.ok(src, `${page}#${id}: iframe src in ${snippet}`);
          const chart = /\/embed\/([a-z-]+)\.html/.exec(src)?.[1];
          assert.ok(chart && KINDS.includes(chart), `${page}#${id}: ${src} is an embed page`);
          assert.ok(existsSync(join(DIST, "embed", `${chart}.html`)), `dist/embed/${chart}.html`);
          assert.ok(src.startsWith(`${server.url}embed/`), `${src} is on this site`);

          await embedPage.goto(src, { waitUntil: "load" });
          await embedPage.waitForLoadState("networkidle");
          await embedPage.waitForFunction(
            () =>
              !document.querySelector(".observablehq--loading") &&
              document.querySelector("#embed-root > *"),
            null,
            { timeout: 30_000 },
          );
          assert.equal(
            await embedPage.locator(".atlas-embed-error").count(),
            0,
            `${src}: ${await embedPage
              .locator(".atlas-embed-error")
              .textContent()
              .catch(() => "")}`,
          );
          const embedded = embedPage.locator(`figure.atlas-frame#${chart}`);
          assert.equal(await embedded.count(), 1, `${src}: draws ${chart}`);
          assert.equal(
            await embedded.getAttribute("data-rows"),
            await frame.getAttribute("data-rows"),
            `${page}#${id} → ${src}: same rows`,
          );

          // Distinctive terms are computed from precomputed counts on the page (src/lib/logOdds.js)
          // and from speech × term rows in the embed (src/lib/logOdds.js logOddsScores): the two CSVs must
          // hold the same terms in the same order with the same z.
          if (chart === "log-odds") {
            const csv = async (p: typeof embedPage, f: typeof frame) => {
              const [dl] = await Promise.all([
                p.waitForEvent("download"),
                f.locator('button[data-action="csv"]').click(),
              ]);
              return csvRecords((await saved(dl)).toString("utf8").replace(/^\ufeff/, ""));
            };
            const [mine, theirs] = [await csv(g.page, frame), await csv(embedPage, embedded)];
            assert.deepEqual(theirs[0], mine[0], "same columns");
            const col = (name: string) => mine[0]!.indexOf(name);
            assert.deepEqual(
              theirs.slice(1).map((r) => r[col("term")]),
              mine.slice(1).map((r) => r[col("term")]),
              "same terms, same order",
            );
            for (let r = 1; r < mine.length; r++) {
              assert.ok(
                Math.abs(Number(theirs[r]![col("z")]) - Number(mine[r]![col("z")])) < 1e-9,
                `z of ${mine[r]![col("term")]}`,
              );
              assert.equal(theirs[r]![col("ya")], mine[r]![col("ya")]);
              assert.equal(theirs[r]![col("yb")], mine[r]![col("yb")]);
            }
          }
        }
        assertClean(g, page);
      } finally {
        await g.close();
      }
    });
  }
});
