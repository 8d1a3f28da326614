// Large corpora in the browser: the site of a corpus above the grouping threshold (the 1,000-speech
// benchmark output when `npm run bench` made one, otherwise a generated 600-speech corpus published
// once into .cache/test-large/, see test/helpers/large-out.ts) draws the Overview heatmap and the
// Themes bars by year × level group, a group row leads to the Overview filtered to that group,
// drawn speech by speech with links to the readers, and the Themes outline profile and the Terms
// search work from their shard files. Builds a site (~1–3 min): run it alone.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import type { Browser } from "playwright-core";
import { guardedPage, launchBrowser } from "./harness.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";
import { buildSiteInto } from "../../scripts/site/build-into.ts";
import { ensureLargeOutput } from "../helpers/large-out.ts";
import { readOutTable } from "../../src/lib/outTables.ts";
import { GROUP_THRESHOLD } from "../../src/lib/groups.js";

describe("large corpus: grouped charts", () => {
  let OUT = "";
  let browser: Browser;
  let server: StaticServer;
  let dist: string;
  const previous = process.env.SPEECH_ATLAS_OUT;

  before(async () => {
    OUT = ensureLargeOutput();
    dist = await buildSiteInto(OUT, { readers: 0, prefix: "atlas-grouped-dist-" });
    process.env.SPEECH_ATLAS_OUT = OUT; // readOutTable below reads the same output
    [browser, server] = await Promise.all([launchBrowser(), serveStatic(dist)]);
  });
  after(async () => {
    if (previous === undefined) delete process.env.SPEECH_ATLAS_OUT;
    else process.env.SPEECH_ATLAS_OUT = previous;
    await browser?.close();
    await server?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  test("overview: group rows with counts; a group opens its speeches one by one", async () => {
    const speeches = readOutTable("speeches");
    const themes = readOutTable("themes").length;
    assert.ok(speeches.length > GROUP_THRESHOLD, "fixture: a large corpus");
    const groups = new Set(speeches.map((s) => `${s.year}|${s.level}`));
    const g = await guardedPage(browser);
    try {
      await g.page.goto(`${server.url}index.html`);
      await g.page.waitForSelector("#theme-heatmap svg g[aria-label='cell'] rect");
      const rows = Number(await g.page.getAttribute("#theme-heatmap", "data-rows"));
      assert.ok(rows <= groups.size * themes && rows >= groups.size, `group rows: ${rows}`);
      assert.match((await g.page.locator("#theme-heatmap").textContent()) ?? "", /年份 × 层级/);
      // A group row links to the Overview filtered to that group.
      const link = g.page.locator("#theme-heatmap svg a").first();
      const href = (await link.getAttribute("href"))!;
      const params = new URL(href, server.url).searchParams;
      const year = params.get("year");
      const level = params.get("level");
      const members = speeches.filter(
        (s) => String(s.year ?? "unknown") === year && String(s.level) === level,
      );
      assert.ok(members.length > 0 && members.length <= GROUP_THRESHOLD, `group ${year}/${level}`);
      await g.page.goto(new URL(href, server.url).href);
      await g.page.waitForFunction(
        (n) => document.querySelector("#theme-heatmap")?.getAttribute("data-rows") === String(n),
        members.length * themes,
        { timeout: 60_000 },
      );
      // Per-speech cells link to the readers.
      assert.match(
        (await g.page.locator("#theme-heatmap svg a").first().getAttribute("href")) ?? "",
        /^speeches\/\w+\.html$/,
      );
      assert.deepEqual(g.violations.outsideRequests, []);
      assert.deepEqual(g.violations.consoleErrors, []);
    } finally {
      await g.close();
    }
  });

  test("themes: grouped bars, outline profile of one speech from its shard", async () => {
    const g = await guardedPage(browser);
    try {
      await g.page.goto(`${server.url}themes.html`);
      await g.page.waitForSelector("#theme-bars svg rect");
      assert.match((await g.page.locator("#theme-bars").textContent()) ?? "", /year × level/);
      await g.page.waitForSelector("#outline-profile svg rect", { timeout: 60_000 });
      assert.ok(Number(await g.page.getAttribute("#outline-profile", "data-rows")) > 0);
      assert.deepEqual(g.violations.consoleErrors, []);
    } finally {
      await g.close();
    }
  });

  test("terms: a formulation search and a literal search answer", async () => {
    const g = await guardedPage(browser);
    try {
      await g.page.goto(`${server.url}terms.html?q=两个维护`);
      await g.page.waitForSelector("#kwic .kwic-match", { timeout: 60_000 });
      await g.page.goto(`${server.url}terms.html?q=${encodeURIComponent("干部")}`);
      await g.page.getByText("字符串检索 Literal search").waitFor({ timeout: 60_000 });
      await g.page.waitForSelector("#kwic .kwic-match", { timeout: 60_000 });
      assert.deepEqual(g.violations.consoleErrors, []);
    } finally {
      await g.close();
    }
  });
});
