// `node --import tsx scripts/bench/dashboard.ts [--sizes 1000,10000] [--readers 20] [--no-write]
//   [--keep-dist | --dist <built site>]`: builds the dashboard for the benchmark's pipeline output
// (.cache/bench/out-<size>, from `npm run bench`) into a temporary folder, serves it on 127.0.0.1
// and measures in headless Chromium:
//   - Overview: navigation → first heatmap SVG drawn, and → both charts of the reuse panel drawn;
//   - Terms: typing 两个维护 and submitting → KWIC lines shown;
//   - bytes transferred per page (response bodies, all requests, cold cache).
// Only `--readers` reader pages are built (each runs a loader over the whole output, ~4 s each at
// 1,000 speeches); the pages measured do not depend on them. Appends the results to BENCHMARKS.md.
import { appendFileSync, existsSync, rmSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { buildSiteInto } from "../site/build-into.ts";
import { fillNpmCache } from "../site/npm-cache.ts";
import { launchBrowser } from "../../test/browser/harness.ts";
import { serveStatic } from "../../test/browser/static-server.ts";

const root = resolve(import.meta.dirname, "..", "..");
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const sizes = (arg("--sizes") ?? "1000").split(",").map(Number);
const readers = Number(arg("--readers") ?? "20");
// `--keep-dist` leaves the built site in place (its path is printed); `--dist <dir>` measures a
// site built before instead of building one (one size only): to iterate on the pages quickly.
const keepDist = process.argv.includes("--keep-dist");
const reuseDist = arg("--dist");
// `--out <dir>`: the pipeline output to measure (one size) instead of .cache/bench/out-<size>.
const outArg = arg("--out");

/** Builds the site of `out` into a new temporary folder, with only `readerCount` reader pages. */
async function buildSite(
  out: string,
  readerCount: number,
): Promise<{ dist: string; seconds: number }> {
  await fillNpmCache(); // outside the timing, as for the project build's warm cache
  const started = performance.now();
  const dist = await buildSiteInto(out, { readers: readerCount, prefix: "atlas-bench-dist-" });
  return { dist, seconds: (performance.now() - started) / 1000 };
}

/** Sums headers + bodies of every response the page receives (a fresh context: cold cache). */
function countBytes(page: Page): {
  bytes: () => Promise<number>;
  biggest: () => [string, number][];
} {
  const sizes = new Map<string, number>();
  const pending: Promise<void>[] = [];
  page.on("requestfinished", (request) => {
    pending.push(
      request.sizes().then(
        (s) => void sizes.set(request.url(), s.responseBodySize + s.responseHeadersSize),
        () => undefined, // the page closed first
      ),
    );
  });
  return {
    // sizes() resolves after the event: wait for every one, large bodies included.
    // Playwright misses some fetch() responses of the page: merge the page's own Resource Timing
    // (per URL, the larger count wins); requests of workers (DuckDB-wasm) come from Playwright.
    bytes: async () => {
      await Promise.all(pending);
      const timing = await page.evaluate(() =>
        [
          ...performance.getEntriesByType("navigation"),
          ...performance.getEntriesByType("resource"),
        ].map((e) => {
          const r = e as PerformanceResourceTiming;
          return [r.name, r.encodedBodySize] as [string, number];
        }),
      );
      for (const [url, n] of timing) sizes.set(url, Math.max(sizes.get(url) ?? 0, n));
      return [...sizes.values()].reduce((a, b) => a + b, 0);
    },
    biggest: () =>
      [...sizes]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([u, n]) => [u.replace(/^.*\//, ""), n]),
  };
}

interface PageResult {
  ms: number;
  /** Overview only: navigation → the reuse panel's two charts drawn (or its notes, without reuse). */
  reuseMs?: number;
  bytes: number;
  biggest: [string, number][];
}

async function measure(
  url: string,
): Promise<{ overview: PageResult; terms: PageResult; themes: PageResult }> {
  const browser = await launchBrowser();
  const fresh = async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: "zh-CN",
    });
    const page = await context.newPage();
    return { context, page, counter: countBytes(page) };
  };
  try {
    // Overview: navigation → first heatmap SVG in the DOM; bytes once the page is idle.
    const o = await fresh();
    let started = performance.now();
    await o.page.goto(`${url}index.html`);
    await o.page.waitForSelector("#theme-heatmap svg", { timeout: 120_000 });
    const overviewMs = performance.now() - started;
    for (const card of ["#reuse-ranking-card", "#reuse-groups-card"])
      await o.page.waitForSelector(`${card} svg, ${card} .atlas-note`, { timeout: 120_000 });
    const reuseMs = performance.now() - started;
    await o.page.waitForLoadState("networkidle");
    const overview = {
      ms: overviewMs,
      reuseMs,
      bytes: await o.counter.bytes(),
      biggest: o.counter.biggest(),
    };
    await o.context.close();

    // Terms: page ready with an empty search → type 两个维护, submit → KWIC lines shown. Bytes:
    // the page as it opens (no query) plus that search.
    const t = await fresh();
    await t.page.goto(`${url}terms.html?q=`);
    await t.page.getByText("请输入检索词").waitFor({ timeout: 180_000 });
    await t.page.waitForLoadState("networkidle");
    await t.page.locator("#term-search input[type=text]").fill("两个维护");
    started = performance.now();
    await t.page.locator("#term-search button").click();
    await t.page.waitForFunction(
      () => {
        const match = document.querySelector("#kwic .kwic-match");
        return match?.textContent?.includes("两个维护") ?? false;
      },
      null,
      { timeout: 120_000 },
    );
    const termsMs = performance.now() - started;
    await t.page.waitForLoadState("networkidle");
    const terms = { ms: termsMs, bytes: await t.counter.bytes(), biggest: t.counter.biggest() };
    await t.context.close();

    const th = await fresh();
    started = performance.now();
    await th.page.goto(`${url}themes.html`);
    await th.page.waitForSelector("#theme-bars svg", { timeout: 180_000 });
    const themesMs = performance.now() - started;
    // The outline profile (last chart) loads the per-section tables: count its bytes too.
    await th.page.waitForSelector("#outline-profile svg", { timeout: 180_000 });
    await th.page.waitForLoadState("networkidle");
    const themes = { ms: themesMs, bytes: await th.counter.bytes(), biggest: th.counter.biggest() };
    await th.context.close();
    return { overview, terms, themes };
  } finally {
    await browser.close();
  }
}

const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
const lines: string[] = [
  "",
  `### Dashboard (${new Date().toISOString().slice(0, 10)}): headless Chromium, local static server`,
  "",
  `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${Math.round(totalmem() / 2 ** 30)} GiB. ` +
    `Command: \`node --import tsx scripts/bench/dashboard.ts --sizes ${sizes.join(",")} --readers ${readers}\`. ` +
    "Bytes = response headers + bodies of every request of a cold page load (HTML, JS, DuckDB-wasm, data).",
  "",
  "| speeches | site build | Overview: first heatmap | Overview: reuse panel | Overview bytes | Terms: 两个维护 → KWIC | Terms bytes (default search) | Themes: first chart | Themes bytes |",
  "|---|---|---|---|---|---|---|---|---|",
];
for (const size of sizes) {
  const out = outArg ? resolve(outArg) : join(root, ".cache", "bench", `out-${size}`);
  if (!existsSync(join(out, "speeches.parquet")))
    throw new Error(`${out} missing: run \`npm run bench\` first`);
  console.log(`# building the site of ${out} (${readers} reader pages)`);
  const { dist, seconds } = reuseDist
    ? { dist: resolve(reuseDist), seconds: 0 }
    : await buildSite(out, readers);
  const server = await serveStatic(dist);
  try {
    const r = await measure(server.url);
    console.log(JSON.stringify({ size, buildSeconds: seconds, ...r }, null, 1));
    lines.push(
      `| ${size} | ${seconds.toFixed(0)} s | ${(r.overview.ms / 1000).toFixed(2)} s | ${(r.overview.reuseMs! / 1000).toFixed(2)} s | ${mb(r.overview.bytes)} | ${r.terms.ms.toFixed(0)} ms | ${mb(r.terms.bytes)} | ${(r.themes.ms / 1000).toFixed(2)} s | ${mb(r.themes.bytes)} |`,
    );
  } finally {
    await server.close();
    if (keepDist || reuseDist) console.log(`# site kept in ${dist}`);
    else rmSync(dist, { recursive: true, force: true });
  }
}
console.log(lines.join("\n"));
// `npm run bench` rewrites BENCHMARKS.md: run this after it (or `npm run bench -- --dashboard`).
if (!process.argv.includes("--no-write"))
  appendFileSync(join(root, arg("--file") ?? "BENCHMARKS.md"), lines.join("\n") + "\n");
