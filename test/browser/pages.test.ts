// Browser tests of the analysis pages (Themes, Terms, Methods, the speech readers) next to
// Overview and Data: each loads with no console error and no outside request and draws its
// charts; a formulation search leads through KWIC to the exact sentence in the reader; the
// numbers drawn are the pipeline's (log-odds z = term_stats.log_odds_z); and corpus text that
// looks like markup stays text everywhere (a second site, built from a corpus with such text).
// Screenshots: test-artifacts/screens/<page>.png, taken after the charts are drawn.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { guardedPage, launchBrowser, type GuardedPage } from "./harness.ts";
import { readTable, type Row, load, assertClean } from "./page-helpers.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";
import { DIST, ensureSite } from "./site-build.ts";
import { buildSiteOf, publishCorpus } from "./alt-site.ts";
import { outDir, PROJECT_ROOT } from "../../scripts/site/pipeline-out.ts";
import { readSpeechIds } from "../../src/lib/speechIds.ts";

const SCREENS = join(PROJECT_ROOT, "test-artifacts", "screens");

/**
 * Waits until every chart frame on the page holds an SVG with at least one mark. Scrolls to the
 * end while waiting: charts that load their data when they come into view (the Terms log-odds)
 * draw only then.
 */
async function chartsDrawn(g: GuardedPage, frames: number): Promise<void> {
  await g.page.waitForFunction(
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
    frames,
    { timeout: 30_000, polling: 100 },
  );
}

/** Typing into the Terms page's search box and submitting it (unchanged text needs no submit). */
async function search(g: GuardedPage, text: string): Promise<void> {
  await g.page.locator("#term-search input[type=text]").fill(text);
  const button = g.page.locator("#term-search button");
  if (await button.isEnabled()) await button.click();
}

/** The speech the pages' selects start with: speeches ordered by year (unknown last), then file. */
function firstSpeech(dir: string): string {
  const speeches = readTable(dir, "speeches").sort(
    (a, b) =>
      (a.year == null ? 1 : 0) - (b.year == null ? 1 : 0) ||
      Number(a.year) - Number(b.year) ||
      (String(a.source_file) < String(b.source_file) ? -1 : 1),
  );
  return String(speeches[0]!.speech_id);
}

describe("analysis pages in headless Chromium", () => {
  let browser: Browser;
  let server: StaticServer;
  const ids = readSpeechIds();
  const hits = () => readTable(outDir(), "formulation_hits");

  before(async () => {
    ensureSite();
    mkdirSync(SCREENS, { recursive: true });
    [browser, server] = await Promise.all([launchBrowser(), serveStatic(DIST)]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const CHART_PAGES: [string, number][] = [
    ["index", 1],
    ["themes", 3],
    ["terms", 3],
    ["data", 0],
    ["methods", 0],
  ];
  for (const [page, frames] of CHART_PAGES) {
    test(`${page}: loads clean, charts drawn, screenshot`, async () => {
      const g = await guardedPage(browser);
      try {
        await load(g, `${server.url}${page}.html`);
        await chartsDrawn(g, frames);
        const marks = await g.page.locator("figure.atlas-frame svg :is(rect, circle)").count();
        if (frames) assert.ok(marks > 0, `${page}: SVG marks`);
        await g.page.screenshot({ path: join(SCREENS, `${page}.png`), fullPage: true });
        assertClean(g, page);
      } finally {
        await g.close();
      }
    });
  }

  test("every speech reader: metadata, outline, all sentences and formulation marks", async () => {
    assert.ok(ids.length > 0, "fixture: speeches");
    const sentences = readTable(outDir(), "sentences");
    const sections = readTable(outDir(), "sections");
    const allHits = hits();
    const g = await guardedPage(browser);
    try {
      for (const id of ids) {
        await load(g, `${server.url}speeches/${id}.html`);
        await g.page.locator(".atlas-reader").waitFor();
        const own = sentences.filter((s) => s.speech_id === id);
        assert.equal(
          await g.page.locator(".atlas-reader .atlas-sentence").count(),
          own.length,
          `${id}: sentences`,
        );
        // The reader's text is the sentences' text, nothing added, nothing lost.
        const shown = await g.page.locator(".atlas-reader .atlas-sentence").allTextContents();
        assert.equal(shown.join(""), own.map((s) => s.text).join(""), `${id}: text`);
        assert.equal(
          await g.page.locator(".atlas-reader mark.atlas-hit").count(),
          allHits.filter((h) => h.speech_id === id).length,
          `${id}: marks`,
        );
        const outlined = sections.filter((s) => s.speech_id === id && s.kind !== "intro").length;
        assert.equal(
          await g.page.locator("#outline a").count(),
          outlined,
          `${id}: outline entries`,
        );
        for (const s of sections.filter((s) => s.speech_id === id)) {
          assert.equal(
            await g.page.locator(`[id="sec-${s.section_id}"]`).count(),
            1,
            `${id}: anchor sec-${s.section_id}`,
          );
        }
        await g.page.screenshot({ path: join(SCREENS, `speech-${id}.png`), fullPage: false });
      }
      // Outline links jump inside the page.
      await g.page.locator("#outline a").last().click();
      assert.match(g.page.url(), /#sec-/);
      assertClean(g, "readers");
    } finally {
      await g.close();
    }
  });

  test("terms: 两个维护 → KWIC lines → reader at that sentence; variants fold into the formulation", async () => {
    const expected = hits().filter((h) => h.formulation_id === "two_upholds");
    assert.ok(expected.length > 0, "fixture: the sample has 两个维护 hits");
    const formulation = readTable(outDir(), "formulations").find(
      (f) => f.formulation_id === "two_upholds",
    )!;
    const g = await guardedPage(browser);
    try {
      await load(g, `${server.url}terms.html`);
      await search(g, "两个维护");
      await g.page.waitForFunction(
        (n) => document.querySelectorAll("#kwic tbody tr").length === n,
        expected.length,
      );
      const matches = await g.page.locator("#kwic .kwic-match").allTextContents();
      assert.deepEqual(new Set(matches), new Set(expected.map((h) => String(h.matched))));
      // The by-speech chart counts the same hits.
      assert.equal(
        await g.page.locator("#term-by-speech").getAttribute("data-rows"),
        String(ids.length),
      );

      // The full wording is a variant: it folds into the canonical formulation, same lines.
      const variant = (JSON.parse(String(formulation.variants)) as string[])[0]!;
      await search(g, variant);
      await g.page.getByText("由表述 folded from").waitFor();
      await g.page.waitForFunction(
        (n) => document.querySelectorAll("#kwic tbody tr").length === n,
        expected.length,
      );

      const link = g.page.locator("#kwic .kwic-match a").first();
      const href = (await link.getAttribute("href"))!;
      const [, speech, sentence] = /speeches\/(\w+)\.html\?hl=\d+-\d+#s-(\d+)$/.exec(href) ?? [];
      assert.ok(speech && sentence, `reader link ${href}`);
      await link.click();
      await g.page.waitForURL(/speeches\//);
      const target = g.page.locator(`[id="s-${sentence}"]`);
      await target.waitFor();
      assert.match((await target.textContent()) ?? "", /两个维护/);
      assert.match((await target.locator("mark.atlas-hl").textContent()) ?? "", /两个维护/);
      await g.page.waitForFunction((id) => {
        const r = document.getElementById(id)!.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      }, `s-${sentence}`);
      assertClean(g, "terms → reader");
    } finally {
      await g.close();
    }
  });

  test("terms: a plain term is searched literally; log-odds z equals term_stats.log_odds_z", async () => {
    const sentences = readTable(outDir(), "sentences");
    const term = "干部";
    const occurrences = sentences.reduce((n, s) => n + String(s.text).split(term).length - 1, 0);
    const stats = readTable(outDir(), "term_stats").filter((r) => r.group_kind === "speech");
    const g = await guardedPage(browser);
    try {
      await load(g, `${server.url}terms.html`);
      await search(g, term);
      await g.page.getByText("字符串检索 Literal search").waitFor();
      const shown = Math.min(occurrences, 300);
      await g.page.waitForFunction(
        (n) => document.querySelectorAll("#kwic tbody tr").length === n,
        shown,
      );
      assert.ok(occurrences > 0);

      // Default comparison: the first speech vs all the rest, prior = whole corpus.
      await chartsDrawn(g, 3);
      const speechId = firstSpeech(outDir());
      const labels = await g.page.locator("#log-odds svg text").allTextContents();
      const zs = await g.page.locator("#log-odds .z-label text").allTextContents();
      assert.ok(zs.length > 0, "z labels drawn");
      const byTerm = new Map(
        stats
          .filter((r) => r.log_odds_z != null)
          .map((r) => [`${r.group}\u0000${r.term}`, Number(r.log_odds_z)]),
      );
      // The top term of group A, as in the pipeline's table (ties broken the same way: by term).
      const expectedTop = [...byTerm]
        .filter(([k]) => k.startsWith(speechId + "\u0000"))
        .sort((a, b) => b[1] - a[1])[0]!;
      const [, topTerm] = expectedTop[0].split("\u0000");
      assert.ok(labels.includes(topTerm!), `top term ${topTerm} is drawn`);
      assert.equal(zs[0], expectedTop[1].toFixed(2));
      assertClean(g, "terms log-odds");
    } finally {
      await g.close();
    }
  });

  test("themes: bars per speech × theme, outline profile per leaf section, links to the reader", async () => {
    const scores = readTable(outDir(), "theme_scores");
    const sections = readTable(outDir(), "sections");
    const g = await guardedPage(browser);
    try {
      await load(g, `${server.url}themes.html`);
      await chartsDrawn(g, 3);
      assert.equal(
        await g.page.locator("#theme-bars").getAttribute("data-rows"),
        String(scores.filter((r) => r.section_id === "_all").length),
      );
      const speech = firstSpeech(outDir());
      const leaves = sections.filter((s) => s.speech_id === speech && s.is_leaf === true).length;
      const leafScores = scores.filter(
        (r) => r.speech_id === speech && r.section_id !== "_all",
      ).length;
      assert.equal(
        await g.page.locator("#outline-profile").getAttribute("data-rows"),
        String(leafScores),
      );
      assert.equal(
        await g.page.locator("#outline-profile svg g[aria-label='y-axis tick label'] text").count(),
        leaves,
      );
      // Switching to share redraws: the x axis becomes a percentage.
      await g.page.locator("#metric-switch input").nth(1).check();
      await g.page.waitForFunction(() =>
        document.querySelector("#theme-bars")?.textContent?.includes("share of coded hits"),
      );
      // A section bar opens the reader at that section.
      // (Themes without hits are zero-width bars: take a visible one.)
      const bar = g.page.locator("#outline-profile svg a >> visible=true").first();
      assert.match(
        (await bar.getAttribute("href")) ?? "",
        new RegExp(`^speeches/${speech}\\.html#sec-`),
      );
      await bar.click();
      await g.page.waitForURL(/#sec-/);
      const id = decodeURIComponent(new URL(g.page.url()).hash.slice(1));
      await g.page.locator(`[id="${id}"]`).waitFor();
      assertClean(g, "themes");
    } finally {
      await g.close();
    }
  });
});

describe("corpus text that looks like markup stays text", () => {
  const XSS_FILE = [
    "在全市组织工作会议上的讲话<img src=x onerror=alert(1)//",
    "（2024年3月1日）",
    "同志们：",
    "今天我们召开会议，研究部署组织工作。比较式 1<2 与 3>2 不变。",
    "一、坚决做到两个维护",
    "要坚决做到“两个维护”。网页里的＜script＞alert(1)＜/script＞只是文字。",
    "要加强基层党组织建设，代码 <img src=x onerror=alert(1)// 未闭合，把基层党组织建设成为坚强战斗堡垒。",
    "二、加强干部队伍建设",
    "要坚持好干部标准，选优配强领导班子，两个维护<script 必须落实 onerror=alert(1)。",
    "谢谢大家。",
    "",
  ].join("\n");
  const LITERALS = [
    "<img src=x onerror=alert(1)//",
    "＜script＞alert(1)＜/script＞",
    "两个维护<script 必须落实",
  ];
  let browser: Browser;
  let server: StaticServer;
  let out: string;
  let dist: string;
  let corpus: string;
  let speechId: string;

  before(async () => {
    corpus = mkdtempSync(join(tmpdir(), "atlas-xss-corpus-"));
    for (const f of readdirSync(join(PROJECT_ROOT, "corpus", "sample")))
      copyFileSync(join(PROJECT_ROOT, "corpus", "sample", f), join(corpus, f));
    writeFileSync(join(corpus, "900_markup.txt"), XSS_FILE);
    out = publishCorpus(corpus);
    const speeches = readTable(out, "speeches");
    speechId = String(speeches.find((s) => s.source_file === "900_markup.txt")!.speech_id);
    // Fixture check: the cleaner must have left the markup-like text in place, else this tests nothing.
    const text = readTable(out, "sentences")
      .filter((s) => s.speech_id === speechId)
      .map((s) => s.text)
      .join("");
    for (const literal of LITERALS)
      assert.ok(text.includes(literal), `fixture: "${literal}" survives cleaning`);
    dist = await buildSiteOf(out);
    [browser, server] = await Promise.all([launchBrowser(), serveStatic(dist)]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    for (const dir of [corpus, out, dist]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function guarded(): Promise<GuardedPage> {
    const g = await guardedPage(browser);
    g.page.on("dialog", (dialog) => {
      g.violations.consoleErrors.push(`dialog fired: ${dialog.message()}`);
      void dialog.dismiss();
    });
    return g;
  }

  test("reader, KWIC, overview table and SQL console show the text literally; no script runs", async () => {
    const g = await guarded();
    try {
      await load(g, `${server.url}speeches/${speechId}.html`);
      const reader = (await g.page.locator(".atlas-reader").textContent()) ?? "";
      for (const literal of LITERALS)
        assert.ok(reader.includes(literal), `reader shows ${literal}`);
      assert.ok(
        ((await g.page.locator("#speech-title").textContent()) ?? "").includes(
          "<img src=x onerror=alert(1)//",
        ),
        "title literal",
      );
      assert.equal(
        await g.page.locator(".atlas-reader img, .atlas-reader script, #speech-title img").count(),
        0,
      );

      await load(g, `${server.url}terms.html`);
      const needle = "<img src=x";
      const expected = readTable(out, "sentences").reduce(
        (n, s) => n + String(s.text).split(needle).length - 1,
        0,
      );
      assert.ok(expected >= 1);
      await search(g, needle);
      await g.page.waitForFunction(
        (n) => document.querySelectorAll("#kwic tbody tr").length === n,
        expected,
      );
      const line = (await g.page.locator("#kwic tbody tr").first().textContent()) ?? "";
      // The concordance may shorten its context ("onerror=alert…"): the markup shows as text.
      assert.ok(line.includes("<img src=x onerror=alert"), `KWIC line literal: ${line}`);
      assert.equal(await g.page.locator("#kwic img").count(), 0);

      await load(g, `${server.url}index.html`);
      // The overview shortens titles: the start of the markup-like text is enough to see it is text.
      await g.page.getByText("讲话<img src", { exact: false }).first().waitFor();

      await load(g, `${server.url}data.html`);
      await g.page
        .locator("#sql-console textarea")
        .fill("SELECT text FROM sentences WHERE text LIKE '%onerror%' ORDER BY sentence_id");
      await g.page.locator("#sql-console button").click();
      await g.page.waitForFunction(() =>
        document
          .querySelector("#sql-result tbody")
          ?.textContent?.includes("<img src=x onerror=alert(1)//"),
      );

      await load(g, `${server.url}themes.html`);
      await chartsDrawn(g, 3);
      // Give any injected handler (onerror fires asynchronously) the chance to run before checking.
      await g.page.waitForTimeout(300);
      assertClean(g, "markup corpus");
    } finally {
      await g.close();
    }
  });
});
