// The analyst's workbench (issue 19) on the government-report corpus, in headless Chromium:
// a metadata CSV changes a year and a title and the manifest records it; the concordance's
// left context ends with the characters just before the keyword, `year · speech` stays in
// view at 1,280 px, lines sort and export; then-versus-now (1954–1978 vs 2013–2022) gives
// terms with |z| ≥ 3 on both sides and no single-character fragments, with the pipeline's z.
// Reads ../shared/corpora/govreports at run time (copied to a temporary folder, never into the
// project). Run under the site lock: flock /tmp/speech-atlas-site.lock node --import tsx --test …
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { guardedPage, launchBrowser, type GuardedPage } from "./harness.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";
import { buildSiteOf, publishCorpus } from "./alt-site.ts";
import { PROJECT_ROOT } from "../../scripts/site/pipeline-out.ts";
import { readTable } from "../helpers/run-cli.ts";
import { codebookOfThemes, textOfSentences, themeEvidence } from "../../src/lib/themeEvidence.ts";

const GOVREPORTS = join(PROJECT_ROOT, "..", "shared", "corpora", "govreports");
const SCREENS = join(PROJECT_ROOT, "test-artifacts", "workbench");
type Row = Record<string, unknown>;

async function load(g: GuardedPage, url: string): Promise<void> {
  await g.page.goto(url, { waitUntil: "load" });
  await g.page.waitForLoadState("networkidle");
  await g.page.waitForFunction(() => !document.querySelector(".observablehq--loading"), null, {
    timeout: 60_000,
  });
}

/** Scrolls down step by step until a block that is drawn when it comes into view exists. */
async function reveal(g: GuardedPage, selector: string): Promise<void> {
  await g.page.waitForFunction(
    (sel) => {
      if (document.querySelector(sel)) return true;
      if (window.innerHeight + window.scrollY >= document.body.scrollHeight - 2)
        window.scrollTo(0, 0);
      else window.scrollBy(0, 400);
      return false;
    },
    selector,
    { timeout: 60_000, polling: 250 },
  );
  await g.page.locator(selector).scrollIntoViewIfNeeded();
}

function assertClean(g: GuardedPage, what: string): void {
  assert.deepEqual(g.violations.outsideRequests, [], `${what}: requests to non-local hosts`);
  assert.deepEqual(g.violations.consoleErrors, [], `${what}: console errors`);
}

describe("workbench on the government reports", { skip: !existsSync(GOVREPORTS) }, () => {
  let corpus = "";
  let out = "";
  let dist = "";
  let browser: Browser;
  let server: StaticServer;
  let speeches: Row[] = [];
  const byFile = (file: string) => speeches.find((s) => s.source_file === file)!;

  before(async () => {
    corpus = mkdtempSync(join(tmpdir(), "atlas-govreports-"));
    cpSync(GOVREPORTS, corpus, { recursive: true });
    // The user's spreadsheet: a year and a title corrected, a place and a column of their own;
    // one row naming no file of the corpus, one with a bad year, one with an unknown level.
    writeFileSync(
      join(corpus, "metadata.csv"),
      [
        "path,title,year,level,place,batch",
        "gov_report_1955.txt,第一届全国人民代表大会第二次会议政府工作报告（修订标题）,1956,中央,北京,A1",
        "gov_report_1899.txt,没有这个文件,1999,,,",
        "gov_report_1957.txt,,19五7,,,",
        "gov_report_1958.txt,,1958,,,",
        "gov_report_1959.txt,,,village,,",
      ].join("\n") + "\n",
    );
    out = publishCorpus(corpus, "atlas-wb-out-");
    speeches = readTable(out, "speeches");
    dist = await buildSiteOf(out);
    mkdirSync(SCREENS, { recursive: true });
    [browser, server] = await Promise.all([launchBrowser(), serveStatic(dist)]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    for (const dir of [corpus, out, dist]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("metadata CSV: year and title overridden (basis metadata), inferred values kept, bad rows reported by line", () => {
    const s = byFile("gov_report_1955.txt");
    assert.equal(s.year, 1956);
    assert.equal(s.year_basis, "metadata");
    assert.equal(s.title, "第一届全国人民代表大会第二次会议政府工作报告（修订标题）");
    assert.match(String(s.quality_flags), /metadata_disagrees/);
    const meta = JSON.parse(String(s.metadata));
    assert.equal(meta.inferred.year, 1955, "the inferred year is kept as evidence");
    assert.deepEqual(meta.given, {
      title: "第一届全国人民代表大会第二次会议政府工作报告（修订标题）",
      year: 1956,
      level: "central",
      place: "北京",
      batch: "A1",
    });
    assert.equal(byFile("gov_report_1958.txt").year_basis, "metadata");
    assert.equal(byFile("gov_report_1960.txt").metadata, null);

    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    assert.deepEqual(
      manifest.metadata.applied.map((a: Row) => [a.line, a.path, a.disagrees]),
      [
        [2, "gov_report_1955.txt", ["title", "year"]],
        [5, "gov_report_1958.txt", []],
      ],
    );
    assert.deepEqual(
      manifest.metadata.rejected.map((r: Row) => r.line),
      [3, 4, 6],
    );
    assert.match(manifest.metadata.rejected[0].reason, /unknown file "gov_report_1899.txt"/);
    assert.match(manifest.metadata.rejected[1].reason, /bad year "19五7"/);
    assert.match(manifest.metadata.rejected[2].reason, /unknown level "village"/);
    // Corpus hygiene: the README, the source list and the metadata file are listed, not ingested.
    const inputs = new Map(manifest.inputs.map((i: Row) => [i.path, i]));
    for (const [path, reason] of [
      ["README.md", /not a speech: README.md/],
      ["SOURCES.tsv", /not a speech: \.tsv/],
      ["metadata.csv", /metadata file/],
    ] as const) {
      const row = inputs.get(path) as Row;
      assert.equal(row.status, "quarantined", path);
      assert.match(String(row.reason), reason, path);
    }
    assert.ok(!speeches.some((s) => String(s.source_file).endsWith(".md")), "README is no speech");
  });

  test("concordance: left context ends just before the keyword, year · speech in view, sorted, CSV", async () => {
    const sentences = readTable(out, "sentences");
    const sentenceOf = new Map(sentences.map((s) => [`${s.speech_id}#${s.sentence_id}`, s]));
    const g = await guardedPage(browser, { acceptDownloads: true });
    try {
      await load(g, `${server.url}terms.html?q=${encodeURIComponent("全面依法治国")}`);
      await g.page.locator("#kwic tbody tr").first().waitFor({ timeout: 60_000 });
      const rows = g.page.locator("#kwic tbody tr");
      const n = await rows.count();
      assert.ok(n >= 3, `concordance lines: ${n}`);
      const years: number[] = [];
      for (let i = 0; i < n; i++) {
        const row = rows.nth(i);
        const href = (await row.locator(".kwic-match a").getAttribute("href"))!;
        const [, speech, start, sentence] =
          /speeches\/(\w+)\.html\?hl=(\d+)-\d+#s-(\d+)$/.exec(href) ?? [];
        const s = sentenceOf.get(`${speech}#${sentence}`)!;
        assert.ok(s, `sentence of ${href}`);
        const before = String(s.text).slice(0, Number(start) - Number(s.start));
        const left = ((await row.locator(".kwic-left").textContent()) ?? "").replace(/^…/, "");
        assert.ok(left.length > 0 || before.length === 0, `line ${i}: empty left context`);
        assert.ok(
          before.replace(/\s+/g, " ").endsWith(left),
          `line ${i}: “${left}” does not end “${before}”`,
        );
        assert.equal(await row.locator(".kwic-match").textContent(), "全面依法治国");
        // year · speech: its text and its box inside the 1,280 px viewport.
        const source = row.locator(".kwic-source");
        const text = (await source.textContent()) ?? "";
        const year = Number(/^(\d{4}) ·/.exec(text)?.[1]);
        assert.ok(year > 0, `year · speech: ${text}`);
        years.push(year);
        const box = (await source.boundingBox())!;
        assert.ok(
          box.x >= 0 && box.x + box.width <= 1280 && box.width > 40,
          `source cell at ${JSON.stringify(box)}`,
        );
      }
      assert.deepEqual(
        years,
        [...years].sort((a, b) => a - b),
        "ordered by year",
      );
      await g.page.locator("#kwic").screenshot({ path: join(SCREENS, "concordance.png") });

      // Sorted by the left context, from the keyword outward.
      await g.page.locator("#kwic select").selectOption("left");
      const lefts = await g.page.locator("#kwic .kwic-left").allTextContents();
      const reversed = lefts.map((l) => [...l.replace(/^…/, "")].reverse().join(""));
      assert.deepEqual(
        reversed,
        [...reversed].sort(),
        "left contexts sorted from the keyword outward",
      );

      // Wider context: more characters, still ending at the keyword.
      await g.page.locator("#kwic input[type=range]").fill("30");
      const wide = await g.page.locator("#kwic .kwic-left").first().textContent();
      assert.ok((wide ?? "").replace(/^…/, "").length >= lefts[0]!.replace(/^…/, "").length);

      const [download] = await Promise.all([
        g.page.waitForEvent("download"),
        g.page.locator("#kwic button").click(),
      ]);
      const csv = readFileSync((await download.path())!, "utf8");
      assert.ok(
        csv.startsWith(
          "\ufeffspeech_id,year,title,source_file,sentence_id,start,end,left,keyword,right,nested_in",
        ),
      );
      assert.equal(csv.trim().split("\r\n").length, n + 1, "one CSV line per occurrence");
      assertClean(g, "concordance");
    } finally {
      await g.close();
    }
  });

  test("then versus now: 1954–1978 vs 2013–2022, |z| ≥ 3 on both sides, no fragments, the pipeline's z", async () => {
    const g = await guardedPage(browser);
    try {
      await load(g, `${server.url}terms.html?a_years=1954-1978&b_years=2013-2022`);
      await g.page.locator("#compare-result").scrollIntoViewIfNeeded();
      await g.page
        .locator("#compare-result table[data-side=b] tbody tr")
        .first()
        .waitFor({ timeout: 90_000 });
      const side = async (s: string) =>
        (
          await g.page.locator(`#compare-result table[data-side=${s}] tbody tr`).allInnerTexts()
        ).map((t) => {
          const [term, z, a, b] = t.split("\t");
          return { term: term!, z: Number(z), a: Number(a), b: Number(b) };
        });
      const a = await side("a");
      const b = await side("b");
      assert.ok(a.length >= 10 && b.length >= 10, `sides: ${a.length}, ${b.length}`);
      for (const d of a) assert.ok(d.z >= 3, `A: ${d.term} z ${d.z}`);
      for (const d of b) assert.ok(d.z <= -3, `B: ${d.term} z ${d.z}`);
      for (const d of [...a, ...b]) {
        assert.ok([...d.term].length > 1, `single character: ${d.term}`);
        assert.ok(
          !/^[0-9〇零一二三四五六七八九十百千万]+年?$/.test(d.term),
          `numeral fragment: ${d.term}`,
        );
        assert.ok(d.a + d.b >= 5, `${d.term}: below the minimum count`);
      }
      console.log(
        `# then (1954–1978): ${a
          .slice(0, 10)
          .map((d) => `${d.term} ${d.z}`)
          .join(", ")}`,
      );
      console.log(
        `# now (2013–2022): ${b
          .slice(0, 10)
          .map((d) => `${d.term} ${d.z}`)
          .join(", ")}`,
      );
      await g.page
        .locator("#compare-result")
        .screenshot({ path: join(SCREENS, "then-versus-now.png") });

      // A term opens its trend and concordance.
      const term = a[0]!.term;
      await g.page.locator(`#compare-result table[data-side=a] a`).first().click();
      await g.page.waitForFunction(
        (t) => (document.querySelector("#term-search input") as HTMLInputElement)?.value === t,
        term,
      );
      // The concordance redraws for the new search (the page's default search shows first).
      await g.page.waitForFunction(
        (t) => document.querySelector("#kwic .kwic-match")?.textContent === t,
        term,
        { timeout: 60_000 },
      );
      assertClean(g, "then versus now");
    } finally {
      await g.close();
    }
  });

  test("then versus now runs the pipeline's definition: one year against the rest = term_stats.log_odds_z", async () => {
    const stats = readTable(out, "term_stats").filter(
      (r) => r.group_kind === "year" && r.group === "1954",
    );
    const zOf = new Map(stats.map((r) => [String(r.term), Number(r.log_odds_z)]));
    const g = await guardedPage(browser);
    try {
      await load(g, `${server.url}terms.html?a_years=1954&b_rest=1&min=5&z=0&n=50`);
      await g.page.locator("#compare-result").scrollIntoViewIfNeeded();
      await g.page
        .locator("#compare-result table[data-side=a] tbody tr")
        .first()
        .waitFor({ timeout: 90_000 });
      const side = async (name: string) =>
        (
          await g.page.locator(`#compare-result table[data-side=${name}] tbody tr`).allInnerTexts()
        ).map((t) => t.split("\t"));
      const a = await side("a");
      const b = await side("b");
      assert.ok(a.length >= 40 && b.length >= 40, `${a.length}, ${b.length} terms`);
      // term_stats has a row for every term of the group with a corpus count ≥ 5 (its
      // min_term_count; the page's minimum count here is 5 too): all shown but those absent from
      // 1954 (count_a = 0), which have no row for the group.
      let compared = 0;
      for (const [term, z, countA] of [...a, ...b]) {
        if (Number(countA) === 0) continue;
        assert.ok(zOf.has(term!), `${term} in term_stats`);
        assert.ok(
          Math.abs(zOf.get(term!)! - Number(z)) < 0.006,
          `${term}: page ${z}, pipeline ${zOf.get(term!)}`,
        );
        compared++;
      }
      assert.ok(compared >= 50, `compared ${compared} terms`);
      assertClean(g, "one year vs the rest");
    } finally {
      await g.close();
    }
  });

  test("formulation view: nested occurrences counted and shown apart, first appearance, variants, co-occurring", async () => {
    const formulations = readTable(out, "formulations");
    const f = formulations.find((r) => r.canonical === "全面从严治党")!;
    assert.ok(f, "全面从严治党 in the lexicon");
    const forms = [String(f.canonical), ...(JSON.parse(String(f.variants)) as string[])];
    const hits = readTable(out, "formulation_hits");
    const own = hits.filter((h) => h.formulation_id === f.formulation_id).length;
    // Occurrences the longer formulations took: a form of it inside another hit's match.
    const nested = hits.filter(
      (h) =>
        h.formulation_id !== f.formulation_id && forms.some((x) => String(h.matched).includes(x)),
    ).length;
    const g = await guardedPage(browser);
    try {
      await load(g, `${server.url}terms.html?q=${encodeURIComponent("全面从严治党")}`);
      const count = g.page.locator("#formulation-count");
      await count.waitFor({ timeout: 60_000 });
      const text = (await count.textContent()) ?? "";
      assert.match(text, new RegExp(`^${own + nested} 处`), text);
      if (nested > 0)
        assert.match(text, new RegExp(`of which ${nested} inside longer formulations`));
      await g.page.waitForFunction(
        (n) => document.querySelectorAll("#kwic tbody tr").length === n,
        own + nested,
      );
      assert.equal(await g.page.locator("#kwic .cc-nested").count(), nested);
      const variantSum = (
        await g.page.locator("#formulation-variants td:nth-child(2)").allTextContents()
      )
        .map(Number)
        .reduce((a, b) => a + b, 0);
      assert.equal(variantSum, own + nested, "variants add up to the occurrences");
      // First appearance: the earliest year among the speeches with an occurrence.
      const first = (await g.page.locator("#first-appearance a").textContent()) ?? "";
      const years = (await g.page.locator("#kwic .kwic-source").allTextContents()).map((t) =>
        Number(t.slice(0, 4)),
      );
      assert.equal(Number(first.slice(0, 4)), Math.min(...years));
      assert.match(
        (await g.page.locator("#first-appearance mark").textContent()) ?? "",
        /从严治党/,
      );
      assert.ok((await g.page.locator("#formulation-cooccurring tbody tr").count()) > 0);
      await g.page
        .locator("#formulation-view")
        .screenshot({ path: join(SCREENS, "formulation-view.png") });
      assertClean(g, "formulation view");
    } finally {
      await g.close();
    }
  });

  test("term list sorts, filters and opens a term; collocates; candidate formulations open their concordance", async () => {
    const g = await guardedPage(browser);
    try {
      await load(g, `${server.url}terms.html?q=${encodeURIComponent("改革")}`);
      await reveal(g, "#term-list-table");
      const list = g.page.locator("#term-list-table");
      await list.locator("tbody tr").first().waitFor({ timeout: 60_000 });
      const counts = async () =>
        (await list.locator("tbody td:nth-child(2)").allTextContents()).map((t) =>
          Number(t.replace(/,/g, "")),
        );
      const c = await counts();
      assert.equal(c.length, 100);
      assert.deepEqual(
        c,
        [...c].sort((a, b) => b - a),
        "by count, most frequent first",
      );
      assert.equal(await list.locator("tbody svg polyline").count(), 100, "a trend line a term");
      await list.locator("th button[data-sort=df]").click();
      const dfs = (await list.locator("tbody td:nth-child(4)").allTextContents()).map(Number);
      assert.deepEqual(
        dfs,
        [...dfs].sort((a, b) => b - a),
      );
      await list.locator("input[type=search]").fill("改革");
      const filtered = await list.locator("tbody td:first-child").allTextContents();
      assert.ok(
        filtered.length > 1 && filtered.every((t) => t.includes("改革")),
        filtered.join(" "),
      );
      await list.screenshot({ path: join(SCREENS, "term-list.png") });

      // Collocates of the searched term, from the collocations table.
      await reveal(g, "#collocate-table");
      const collocates = await g.page.locator("#collocate-table tbody tr").count();
      assert.ok(collocates > 0, "collocates of 改革");

      const pick = filtered.find((t) => t !== "改革")!;
      await list
        .locator("tbody a", { hasText: new RegExp(`^${pick}$`) })
        .first()
        .click();
      await g.page.waitForFunction(
        (t) => (document.querySelector("#term-search input") as HTMLInputElement)?.value === t,
        pick,
      );
      await g.page.locator("#kwic .kwic-match").first().waitFor({ timeout: 60_000 });
      assert.equal(await g.page.locator("#kwic .kwic-match").first().textContent(), pick);

      await reveal(g, "#candidate-table");
      const candidates = g.page.locator("#candidate-table");
      await candidates.locator("tbody tr").first().waitFor({ timeout: 60_000 });
      const phrase = (await candidates.locator("tbody a").first().textContent())!;
      await candidates.locator("tbody a").first().click();
      await g.page.locator("#kwic .kwic-match").first().waitFor({ timeout: 60_000 });
      await g.page.waitForFunction(
        (p) => document.querySelector("#kwic .kwic-match")?.textContent === p,
        phrase,
        { timeout: 60_000 },
      );
      await candidates.screenshot({ path: join(SCREENS, "candidates.png") });
      assertClean(g, "term list");
    } finally {
      await g.close();
    }
  });

  test("auditable themes: every score's matches add up, section tags open theirs; level, genre and metadata with their basis", async () => {
    // Node side: the evidence of every speech and section adds up to theme_scores.hits.
    const sections = readTable(out, "sections");
    const sentences = readTable(out, "sentences");
    const codebook = codebookOfThemes(readTable(out, "themes"));
    const scores = readTable(out, "theme_scores");
    for (const s of speeches) {
      const id = s.speech_id;
      const leaves = sections
        .filter((x) => x.speech_id === id && x.is_leaf)
        .map((x) => ({
          section_id: String(x.section_id),
          start: Number(x.start),
          end: Number(x.end),
        }))
        .sort((a, b) => a.start - b.start);
      const evidence = themeEvidence(
        textOfSentences(sentences.filter((x) => x.speech_id === id)),
        leaves,
        codebook,
      );
      for (const r of scores.filter((x) => x.speech_id === id)) {
        const sum = (evidence[String(r.section_id)] ?? [])
          .filter((e) => e[0] === r.theme_id)
          .reduce((a, e) => a + e[2], 0);
        assert.equal(sum, Number(r.hits), `${s.source_file} ${r.section_id} ${r.theme_id}`);
      }
    }

    const s1954 = byFile("gov_report_1954.txt");
    const g = await guardedPage(browser);
    try {
      await load(g, `${server.url}speeches/${s1954.speech_id}.html`);
      const audit = g.page.locator("#theme-audit");
      await audit.locator("details").first().waitFor();
      const all = scores.filter(
        (r) => r.speech_id === s1954.speech_id && r.section_id === "_all" && Number(r.hits) > 0,
      );
      assert.equal(await audit.locator("details").count(), all.length);
      for (const r of all) {
        const details = audit.locator(`#audit-${r.theme_id}`);
        const listed = (await details.locator(".atlas-audit-terms li").allTextContents()).map((t) =>
          Number(/×(\d+)/.exec(t)?.[1]),
        );
        assert.equal(
          listed.reduce((a, b) => a + b, 0),
          Number(r.hits),
          `${r.theme_id}: matches add up`,
        );
        assert.ok((await details.locator(".atlas-codebook-entry").count()) === 1, "codebook entry");
      }
      await audit.locator("details").first().locator("summary").click();
      await audit.screenshot({ path: join(SCREENS, "theme-audit.png") });
      // A section's theme tag opens that section's matches.
      const tag = g.page.locator(".atlas-theme-tag").first();
      await tag.click();
      const box = g.page.locator(".atlas-audit-section").first();
      await box.waitFor();
      assert.ok((await box.locator("li").count()) > 0);
      await box.screenshot({ path: join(SCREENS, "section-audit.png") });
      assert.match((await g.page.locator("#level-basis").textContent()) ?? "", /推断 inferred/);
      assert.match((await g.page.locator("#genre-basis").textContent()) ?? "", /推断 inferred/);
      assertClean(g, "reader audit");

      const s1955 = byFile("gov_report_1955.txt");
      await load(g, `${server.url}speeches/${s1955.speech_id}.html`);
      const meta = g.page.locator("#user-metadata");
      await meta.waitFor();
      assert.match((await meta.textContent()) ?? "", /北京/);
      assert.match((await meta.textContent()) ?? "", /inferred: 1955/);
      assert.match((await g.page.locator("#level-basis").textContent()) ?? "", /metadata/);
      assert.match(
        (await g.page.locator("#speech-meta").textContent()) ?? "",
        /用户元数据 metadata/,
      );
      await g.page
        .locator("#speech-meta")
        .screenshot({ path: join(SCREENS, "reader-metadata.png") });
      assertClean(g, "reader metadata");
    } finally {
      await g.close();
    }
  });
});
