// Browser test of text reuse on the dashboard (issue 17): on a corpus where reuse is found, the
// reader highlights exactly the passages of reuse_passages, a passage shared with two speeches
// lists both, its link opens the other speech with the aligned passage marked and in view, the
// reuse card shows the speech's reuse columns and quality flag, and the Data page offers the table.
//
// The five samples share no passage, so the corpus is two samples plus two speeches written here
// from their paragraphs, as copiers do: one dated 2025 (a paragraph of each sample, 市 → 县),
// one dated 2019 (the first paragraph again, with a clause inserted). The first sample's paragraph
// is then shared with both new speeches.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { guardedPage, launchBrowser, type GuardedPage } from "./harness.ts";
import { readTable, type Row, load, assertClean } from "./page-helpers.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";
import { buildSiteOf, publishCorpus } from "./alt-site.ts";
import { PROJECT_ROOT } from "../../scripts/site/pipeline-out.ts";

const SAMPLE = join(PROJECT_ROOT, "corpus", "sample");
const FIRST = "001_06fcc12ac9c3bf04.txt";
const SECOND = "003_2cededa9e60f1ea6.txt";

/** Writes the test corpus into `dir` (see the header). */
function writeReuseCorpus(dir: string): void {
  const line = (file: string, n: number) =>
    readFileSync(join(SAMPLE, file), "utf8").split("\n")[n]!;
  const first = line(FIRST, 3);
  const second = line(SECOND, 2);
  for (const f of [FIRST, SECOND]) copyFileSync(join(SAMPLE, f), join(dir, f));
  const speech = (title: string, date: string, ...paragraphs: string[]) =>
    [title, date, "同志们：", ...paragraphs, "谢谢大家。", ""].join("\n");
  writeFileSync(
    join(dir, "901_copied.txt"),
    speech(
      "在2025年全县组织工作会议上的讲话",
      "（2025年2月20日）",
      first.slice(0, 400).replaceAll("市", "县"),
      second.slice(0, 300),
    ),
  );
  writeFileSync(
    join(dir, "902_copied.txt"),
    speech(
      "在2019年全区组织工作会议上的讲话",
      "（2019年3月5日）",
      first.slice(0, 200) + "这一点我们务必牢牢记住，" + first.slice(200, 400),
    ),
  );
}

interface Piece {
  start: number;
  end: number;
  text: string;
  passages: string;
  target: boolean;
}

/** The reused pieces of the reader on screen, in text order. */
const piecesOf = (g: GuardedPage): Promise<Piece[]> =>
  g.page.locator(".atlas-reader .atlas-reuse").evaluateAll((nodes) =>
    nodes.map((n) => ({
      start: Number((n as HTMLElement).dataset.start),
      end: Number((n as HTMLElement).dataset.end),
      text: n.textContent ?? "",
      passages: (n as HTMLElement).dataset.passages ?? "",
      target: n.classList.contains("atlas-reuse-target"),
    })),
  );

describe("text reuse in the reader and on the Data page", () => {
  let browser: Browser;
  let server: StaticServer;
  let corpus: string;
  let out: string;
  let dist: string;
  let passages: Row[];
  let sentences: Row[];
  let speeches: Row[];

  /** The text of `speech` inside [start, end), from its sentences (what the reader shows). */
  const textIn = (speech: unknown, start: number, end: number): string =>
    sentences
      .filter((s) => s.speech_id === speech)
      .sort((a, b) => Number(a.start) - Number(b.start))
      .map((s) => {
        const [from, to] = [Math.max(start, Number(s.start)), Math.min(end, Number(s.end))];
        return from < to ? String(s.text).slice(from - Number(s.start), to - Number(s.start)) : "";
      })
      .join("");

  before(async () => {
    corpus = mkdtempSync(join(tmpdir(), "atlas-reuse-corpus-"));
    writeReuseCorpus(corpus);
    out = publishCorpus(corpus, "atlas-reuse-out-");
    passages = readTable(out, "reuse_passages");
    sentences = readTable(out, "sentences");
    speeches = readTable(out, "speeches");
    // Fixture checks: reuse found, a stretch shared with two speeches, a flagged speech.
    assert.ok(passages.length >= 4, `fixture: passages found (${passages.length})`);
    assert.ok(
      passages.some((p) =>
        passages.some(
          (q) =>
            q.speech_id === p.speech_id &&
            q.other_speech_id !== p.other_speech_id &&
            Number(q.start) < Number(p.end) &&
            Number(p.start) < Number(q.end),
        ),
      ),
      "fixture: a stretch shared with two speeches",
    );
    assert.ok(
      speeches.some((s) => String(s.quality_flags).includes("reused_from_earlier")),
      "fixture: a speech flagged reused_from_earlier",
    );
    dist = await buildSiteOf(out);
    [browser, server] = await Promise.all([launchBrowser(), serveStatic(dist)]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    for (const dir of [corpus, out, dist]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("every reader highlights exactly its passages; the reuse card shows its columns", async () => {
    const hits = readTable(out, "formulation_hits");
    const g = await guardedPage(browser);
    try {
      for (const speech of speeches) {
        const id = String(speech.speech_id);
        const own = passages.filter((p) => p.speech_id === id);
        await load(g, `${server.url}speeches/${id}.html`);
        await g.page.locator(".atlas-reader").waitFor();
        const pieces = await piecesOf(g);
        // Each piece is the text at its offsets, and the pieces cover the union of the passages.
        for (const piece of pieces)
          assert.equal(piece.text, textIn(id, piece.start, piece.end), `${id}: piece text`);
        const covered = (at: number) =>
          own.some((p) => Number(p.start) <= at && at < Number(p.end));
        const sentenceOffsets = sentences
          .filter((s) => s.speech_id === id)
          .flatMap((s) =>
            Array.from({ length: Number(s.end) - Number(s.start) }, (_, k) => Number(s.start) + k),
          );
        const expected = sentenceOffsets.filter(covered);
        const shown = pieces.flatMap((p) =>
          Array.from({ length: p.end - p.start }, (_, k) => p.start + k),
        );
        assert.deepEqual(shown, expected, `${id}: highlighted offsets = passages`);
        assert.equal(pieces.length > 0, own.length > 0, `${id}: highlights iff passages`);
        // The layer splits no formulation mark: one mark per hit, as without reuse.
        assert.equal(
          await g.page.locator(".atlas-reader mark.atlas-hit").count(),
          hits.filter((h) => h.speech_id === id).length,
          `${id}: marks`,
        );
        // The card: the speech's own reuse columns, and the flag when set.
        const share = (await g.page.locator("#reuse-share").textContent()) ?? "";
        const grouped = (n: unknown) => Number(n).toLocaleString("zh-CN");
        assert.ok(
          share.includes(`${grouped(speech.reused_chars)} / ${grouped(speech.han_chars)}`),
          `${id}: reused chars in "${share}"`,
        );
        assert.equal(
          (await g.page.locator("#reuse-sources").textContent())?.trim(),
          String(speech.reuse_sources),
        );
        assert.equal(
          await g.page.locator("#reuse-flag").count(),
          String(speech.quality_flags).split(",").includes("reused_from_earlier") ? 1 : 0,
          `${id}: flag shown iff set`,
        );
        // The earliest source: the earliest-dated of the speeches dated before this one.
        const years = new Map(speeches.map((s) => [s.speech_id, s.year as number | null]));
        const earlier = own.filter((p) => p.direction === "earlier");
        const earliestYear = Math.min(...earlier.map((p) => years.get(p.other_speech_id)!));
        const earliest = g.page.locator("#reuse-earliest a");
        if (earlier.length) {
          const href = (await earliest.getAttribute("href")) ?? "";
          const shown = /speeches\/(\w+)\.html#reuse-/.exec(href)?.[1];
          assert.equal(years.get(shown), earliestYear, `${id}: earliest source ${href}`);
          assert.ok(earlier.some((p) => p.other_speech_id === shown));
        } else assert.equal(await earliest.count(), 0, `${id}: no earlier source`);
        assert.equal(
          await g.page.locator("#reuse-summary tbody tr").count(),
          new Set(own.map((p) => p.other_speech_id)).size,
          `${id}: one row per other speech`,
        );
      }
      assertClean(g, "readers");
    } finally {
      await g.close();
    }
  });

  test("a stretch shared with two speeches lists both; a link opens the other at the passage, marked", async () => {
    const g = await guardedPage(browser);
    try {
      // The speech with a stretch in two passages with different speeches: the sample's paragraph.
      const id = String(
        passages.find((p) =>
          passages.some(
            (q) =>
              q.speech_id === p.speech_id &&
              q.other_speech_id !== p.other_speech_id &&
              Number(q.start) < Number(p.end) &&
              Number(p.start) < Number(q.end),
          ),
        )!.speech_id,
      );
      await load(g, `${server.url}speeches/${id}.html`);
      const piece = g.page.locator(".atlas-reader .atlas-reuse[data-passages*=' ']").first();
      const start = Number(await piece.getAttribute("data-start"));
      const end = Number(await piece.getAttribute("data-end"));
      const expected = passages.filter(
        (p) => p.speech_id === id && Number(p.start) <= start && end <= Number(p.end),
      );
      assert.ok(expected.length >= 2, "fixture: two passages here");
      await piece.click();
      const popover = g.page.locator("#reuse-popover");
      await popover.waitFor({ state: "visible" });
      const items = popover.locator("li.atlas-reuse-item");
      assert.equal(await items.count(), expected.length);
      assert.deepEqual(
        (await items.evaluateAll((li) => li.map((n) => (n as HTMLElement).dataset.other))).sort(),
        expected.map((p) => String(p.other_speech_id)).sort(),
      );
      for (const p of expected) {
        const other = speeches.find((s) => s.speech_id === p.other_speech_id)!;
        const name = String(other.title ?? other.source_file);
        const link = popover.locator(`li[data-other="${String(p.other_speech_id)}"] a`);
        assert.equal(
          await link.getAttribute("href"),
          `../speeches/${String(p.other_speech_id)}.html#reuse-${Number(p.other_start)}-${Number(p.other_end)}`,
        );
        assert.ok(name.startsWith(((await link.textContent()) ?? "").replace(/…$/, "")));
      }
      // Escape closes it; Enter on a passage's first piece (a keyboard stop) opens it.
      await g.page.keyboard.press("Escape");
      await popover.waitFor({ state: "hidden" });
      await g.page.locator(".atlas-reader .atlas-reuse[tabindex='0']").first().focus();
      await g.page.keyboard.press("Enter");
      await popover.waitFor({ state: "visible" });
      await g.page.keyboard.press("Escape");
      await popover.waitFor({ state: "hidden" });

      const p = expected[0]!;
      await piece.click();
      await popover.locator(`li[data-other="${String(p.other_speech_id)}"] a`).click();
      await g.page.waitForURL(new RegExp(`speeches/${String(p.other_speech_id)}\\.html#reuse-`));
      await g.page.locator(".atlas-reuse-target").first().waitFor();
      const marked = (await piecesOf(g)).filter((x) => x.target);
      // The marked text is the other speech's side of the passage, all of it, in view.
      assert.equal(
        marked.map((x) => x.text).join(""),
        textIn(p.other_speech_id, Number(p.other_start), Number(p.other_end)),
      );
      assert.equal(marked[0]!.start, Number(p.other_start));
      await g.page.waitForFunction(() => {
        const r = document.querySelector(".atlas-reuse-target")!.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      });
      assertClean(g, "reuse link");
    } finally {
      await g.close();
    }
  });

  test("data page: reuse_passages downloads as published and is queryable", async () => {
    const g = await guardedPage(browser);
    try {
      await load(g, `${server.url}data.html`);
      const datapackage = JSON.parse(readFileSync(join(out, "datapackage.json"), "utf8")) as {
        resources: { name: string; path: string }[];
      };
      // Every published file has its download link (reuse_passages among them).
      for (const { path } of datapackage.resources) {
        const link = g.page.locator(`#downloads a[download="${path.split("/").pop()}"]`);
        assert.equal(await link.count(), 1, `${path} link`);
      }
      for (const ext of ["parquet", "csv"]) {
        const href = await g.page
          .locator(`#downloads a[download="reuse_passages.${ext}"]`)
          .getAttribute("href");
        const response = await g.page.request.get(new URL(href!, g.page.url()).href);
        assert.ok(
          Buffer.from(await response.body()).equals(
            readFileSync(join(out, `reuse_passages.${ext}`)),
          ),
          `reuse_passages.${ext} bytes`,
        );
      }
      await g.page
        .locator("#sql-console textarea")
        .fill("SELECT count(*) AS reuse_rows FROM reuse_passages");
      await g.page.locator("#sql-console button").click();
      await g.page.waitForFunction(() =>
        document.querySelector("#sql-result thead")?.textContent?.includes("reuse_rows"),
      );
      const cell = await g.page.locator("#sql-result table tbody tr td").last().textContent();
      assert.equal(cell?.replace(/\D/g, ""), String(passages.length));
      assertClean(g, "data page");
    } finally {
      await g.close();
    }
  });
});
