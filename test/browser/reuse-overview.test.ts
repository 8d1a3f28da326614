// Browser test of the Overview's reuse panel (issue 17) on the government reports, which share
// stock passages, plus one report written here as a copier would (a "2024" report made of three
// paragraphs of the 2015 one, so flagged reused_from_earlier): the ranking draws the most reused reports from the speeches table, each bar
// opening its reader; the group chart draws one dot per group and year of reuse_groups, and a
// click lists exactly that group's speeches; the year filter narrows the ranking; the
// reused_from_earlier flag is listed with the year checks; every chart frame has its toolbar;
// no console error and no outside request.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { guardedPage, launchBrowser } from "./harness.ts";
import { readTable, type Row, load, assertClean } from "./page-helpers.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";
import { publishCorpus } from "./alt-site.ts";
import { buildSiteInto } from "../../scripts/site/build-into.ts";
import { GOVREPORTS_DIR } from "../helpers/sample.ts";

/** The government reports and the copied "2024" report, in a temporary folder (the pipeline
 *  lists regular files only, not symbolic links). */
function writeCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), "atlas-reuse-overview-corpus-"));
  for (const name of readdirSync(GOVREPORTS_DIR))
    if (name.endsWith(".txt")) copyFileSync(join(GOVREPORTS_DIR, name), join(dir, name));
  const long = readFileSync(join(GOVREPORTS_DIR, "gov_report_2015.txt"), "utf8")
    .split("\n")
    .filter((l) => l.length > 300);
  writeFileSync(
    join(dir, "gov_report_2024_copied.txt"),
    ["2024政府工作报告", "", "各位代表：", "", ...long.slice(2, 5), ""].join("\n"),
  );
  return dir;
}

const flaggedEarlier = (s: Row) =>
  String(s.quality_flags ?? "")
    .split(",")
    .includes("reused_from_earlier");

describe(
  "Overview reuse panel on the government reports",
  { skip: !existsSync(GOVREPORTS_DIR) && "../shared/corpora/govreports is not here" },
  () => {
    let browser: Browser;
    let server: StaticServer;
    let corpus: string;
    let out: string;
    let dist: string;
    let speeches: Row[];
    let groups: Row[];

    before(async () => {
      corpus = writeCorpus();
      out = publishCorpus(corpus, "atlas-reuse-overview-out-");
      speeches = readTable(out, "speeches");
      groups = readTable(out, "reuse_groups");
      assert.ok(new Set(groups.map((g) => g.group_id)).size >= 2, "fixture: two groups or more");
      assert.ok(speeches.some(flaggedEarlier), "fixture: the copied report is flagged");
      dist = await buildSiteInto(out, { readers: 2, prefix: "atlas-reuse-overview-dist-" });
      server = await serveStatic(dist);
      browser = await launchBrowser();
    });

    after(async () => {
      await browser?.close();
      await server?.close();
      for (const dir of [corpus, out, dist]) if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test("ranking: the most reused reports, linked to their readers; the year filter narrows it", async () => {
      const g = await guardedPage(browser);
      try {
        await load(g, `${server.url}index.html`, 60_000);
        const ranked = speeches
          .filter((s) => Number(s.reused_share) > 0)
          .sort(
            (a, b) =>
              Number(b.reused_share) - Number(a.reused_share) ||
              Number(b.reused_chars) - Number(a.reused_chars) ||
              String(a.speech_id).localeCompare(String(b.speech_id)),
          );
        const frame = g.page.locator("#reuse-ranking");
        await frame.locator('g[aria-label="bar"] rect').first().waitFor();
        const top = Math.min(20, ranked.length);
        assert.equal(await frame.getAttribute("data-rows"), String(top));
        assert.equal(await frame.locator('g[aria-label="bar"] rect').count(), top);
        const links = await frame
          .locator('g[aria-label="bar"] a')
          .evaluateAll((as) =>
            as.map(
              (a) =>
                a.getAttribute("href") ?? a.getAttributeNS("http://www.w3.org/1999/xlink", "href"),
            ),
          );
        assert.deepEqual(
          links,
          ranked.slice(0, top).map((s) => `speeches/${s.speech_id}.html`),
        );
        for (const action of ["embed", "svg", "png", "csv"])
          await frame.locator(`button[data-action="${action}"]`).waitFor();
        // The sortable list has every report with reuse.
        await g.page.locator("#reuse-all summary").click();
        await g.page
          .locator("#reuse-all")
          .getByText(`全部 ${ranked.length} 篇有复用的讲话`)
          .waitFor();
        // Year filter: only that year's reports with reuse.
        const year = Number(ranked[0]!.year);
        const inYear = ranked.filter((s) => Number(s.year) === year).length;
        await g.page
          .locator("select")
          .first()
          .selectOption({ label: String(year) });
        await g.page.waitForFunction(
          (n) => document.querySelector("#reuse-ranking")?.getAttribute("data-rows") === String(n),
          inYear,
        );
        assertClean(g, "overview reuse ranking");
      } finally {
        await g.close();
      }
    });

    test("groups: one dot per group and year; a click lists exactly the group's speeches", async () => {
      const g = await guardedPage(browser);
      try {
        await load(g, `${server.url}index.html`, 60_000);
        const frame = g.page.locator("#reuse-groups");
        await frame.locator('g[aria-label="dot"] circle').first().waitFor();
        const yearOf = new Map(speeches.map((s) => [s.speech_id, s.year]));
        const cells = new Set(
          groups
            .filter((r) => yearOf.get(r.speech_id) != null)
            .map((r) => `${r.group_id}|${yearOf.get(r.speech_id)}`),
        );
        assert.equal(await frame.getAttribute("data-rows"), String(cells.size));
        assert.equal(await frame.locator('g[aria-label="dot"] circle').count(), cells.size);
        // Group 1's first dot: its link lists group 1 below, without reloading the page.
        // Plot writes the links as xlink:href, which CSS attribute selectors do not match.
        const dots = frame.locator('g[aria-label="dot"] a');
        const hrefs = await dots.evaluateAll((as) =>
          as.map(
            (a) =>
              a.getAttribute("href") ?? a.getAttributeNS("http://www.w3.org/1999/xlink", "href"),
          ),
        );
        await dots.nth(hrefs.indexOf("#reuse-group-1")).click();
        const list = g.page.locator("#reuse-group-list");
        await g.page.waitForFunction(
          () => document.querySelector("#reuse-group-list")?.getAttribute("data-group") === "1",
        );
        const listed = await list
          .locator("li[data-speech]")
          .evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.speech).sort());
        assert.deepEqual(
          listed,
          groups
            .filter((r) => r.group_id === 1)
            .map((r) => String(r.speech_id))
            .sort(),
        );
        // The picker follows, and picking group 2 lists group 2.
        await g.page
          .locator("#reuse-groups-card")
          .getByLabel("讲话组 Group")
          .selectOption({ index: 2 });
        await g.page.waitForFunction(
          () => document.querySelector("#reuse-group-list")?.getAttribute("data-group") === "2",
        );
        assert.equal(
          await list.locator("li[data-speech]").count(),
          groups.filter((r) => r.group_id === 2).length,
        );
        assertClean(g, "overview reuse groups");
      } finally {
        await g.close();
      }
    });

    test("embeds: each reuse frame's Embed code opens its embed page with the same rows", async () => {
      const g = await guardedPage(browser);
      try {
        await load(g, `${server.url}index.html`, 60_000);
        for (const id of ["reuse-ranking", "reuse-groups"]) {
          const frame = g.page.locator(`figure.atlas-frame#${id}`);
          await frame.locator("svg rect, svg circle").first().waitFor();
          const rows = await frame.getAttribute("data-rows");
          await frame.locator('button[data-action="embed"]').click();
          const snippet = await frame.locator("textarea.atlas-embed-code").inputValue();
          const src = /^<iframe src="([^"]+)"/.exec(snippet)?.[1]?.replace(/&amp;/g, "&");
          assert.equal(src, `${server.url}embed/${id}.html`, snippet);
          const embed = await g.context.newPage();
          await embed.goto(src!, { waitUntil: "load" });
          const embedded = embed.locator(`figure.atlas-frame#${id}`);
          await embedded.locator("svg rect, svg circle").first().waitFor({ timeout: 60_000 });
          assert.equal(await embedded.getAttribute("data-rows"), rows, `${id}: rows`);
          const marks = (await embedded.getAttribute("data-marks"))!;
          assert.equal(String(await embedded.locator(`.atlas-frame-chart ${marks}`).count()), rows);
          await embed.close();
        }
        // A bad parameter says what is valid instead of drawing.
        await load(g, `${server.url}embed/reuse-groups.html?top=500`, 60_000);
        await g.page.getByText("top must be a whole number from 1 to 200").waitFor();
        assertClean(g, "reuse embeds");
      } finally {
        await g.close();
      }
    });

    test("year checks: speeches flagged reused_from_earlier are listed with their share", async () => {
      const g = await guardedPage(browser);
      try {
        await load(g, `${server.url}index.html`, 60_000);
        const flagged = speeches.filter(flaggedEarlier);
        const card = g.page.locator("#reused-earlier");
        await card.getByText(`(${flagged.length})`).waitFor();
        await card.scrollIntoViewIfNeeded();
        assert.equal(await card.locator("li").count(), flagged.length);
        for (const s of flagged)
          await card
            .getByText(`复用 ${(100 * Number(s.reused_share)).toFixed(1)}%`)
            .first()
            .waitFor();
        assertClean(g, "overview year checks");
      } finally {
        await g.close();
      }
    });
  },
);
