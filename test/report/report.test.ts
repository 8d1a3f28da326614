// `npm run report` end to end on the sample corpus's published tables: every file of the briefing
// package, the PDF's pages and text (poppler), the HTML offline from file://, and exit 2 with a
// one-line message for bad options.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { launchBrowser } from "../browser/harness.ts";
import { outDir, PROJECT_ROOT } from "../../scripts/site/pipeline-out.ts";
import { readReportTables } from "../../scripts/report/tables.ts";

const CLI = join(PROJECT_ROOT, "scripts", "report", "cli.ts");

function report(args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", CLI, ...args], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
    timeout: 180_000,
  });
  return { status: r.status, stderr: r.stderr };
}

const pdf = (tool: string, args: string[]): string =>
  spawnSync(tool, args, { encoding: "utf8" }).stdout;

describe("npm run report", () => {
  let data: string;
  let dir: string;
  before(() => {
    data = outDir();
    if (!existsSync(join(data, "speeches.parquet"))) {
      // Same as `npm run data` on the default corpus.
      data = mkdtempSync(join(tmpdir(), "speech-atlas-report-data-"));
      spawnSync(
        process.execPath,
        [
          "--import",
          "tsx",
          join(PROJECT_ROOT, "data-loaders", "cli.ts"),
          "--corpus",
          "corpus/sample",
          "--out",
          data,
          "--quiet",
        ],
        { cwd: PROJECT_ROOT },
      );
    }
    dir = join(mkdtempSync(join(tmpdir(), "speech-atlas-report-")), "briefing");
    const r = report(["--data", data, "--terms", "两个维护,xi_thought", "--out", dir]);
    assert.equal(r.status, 0, r.stderr);
  });

  test("writes the whole package: HTML, PDF, SVG/PNG/CSV/caption per chart, summary", () => {
    const meta = JSON.parse(readFileSync(join(dir, "report.json"), "utf8"));
    const tables = readReportTables(data);
    assert.deepEqual(
      meta.charts.map((c: { kind: string }) => c.kind),
      ["theme-heatmap", "theme-trend", "formulation-trend"],
    );
    assert.equal(meta.speeches.length, tables.speeches.length);
    for (const c of meta.charts as {
      id: string;
      title: string;
      rows: number;
      width: number;
      height: number;
    }[]) {
      const svg = readFileSync(join(dir, "charts", `${c.id}.svg`), "utf8");
      assert.match(svg, /^<\?xml[^>]*>\s*<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      assert.ok(
        svg.includes(`<title>${c.title.replace(/&/g, "&amp;")}</title>`),
        `${c.id}: <title>`,
      );
      const png = readFileSync(join(dir, "charts", `${c.id}.png`));
      assert.equal(png.readUInt32BE(16), 2 * c.width, `${c.id}: PNG is 2× wide`);
      assert.equal(png.readUInt32BE(20), 2 * c.height, `${c.id}: PNG is 2× high`);
      const csv = readFileSync(join(dir, "charts", `${c.id}.csv`), "utf8")
        .trim()
        .split(/\r?\n/);
      assert.equal(csv.length - 1, c.rows, `${c.id}: CSV rows`);
      assert.match(
        readFileSync(join(dir, "charts", `${c.id}.txt`), "utf8"),
        /来源 Source: 语料 Corpus: sample/,
      );
    }
    // Heatmap: one row per speech × theme; the formulation trend: one per year × requested term.
    const years = new Set(tables.speeches.map((s) => s.year)).size;
    assert.equal(meta.charts[0].rows, tables.speeches.length * tables.themes.length);
    assert.equal(meta.charts[2].rows, years * 2);
    const summary = readFileSync(join(dir, "summary.md"), "utf8");
    assert.match(summary, /语料 Corpus: sample/);
    assert.match(summary, /\| 两个维护 \(two_upholds\) \| \d+ \| \d+ \| [\d.]+ \|/);
    // The two-upholds count in the summary is the number of its hits in the table.
    const twoUpholds = tables.formulationHits.filter(
      (h) => h.formulation_id === "two_upholds",
    ).length;
    assert.ok(summary.includes(`| 两个维护 (two_upholds) | ${twoUpholds} |`));
  });

  test("PDF: A4, summary page + one page per chart + speech list; title and formulation as text", () => {
    const info = pdf("pdfinfo", [join(dir, "briefing.pdf")]);
    const meta = JSON.parse(readFileSync(join(dir, "report.json"), "utf8"));
    // Summary, example sentences, one page per chart, the speech list.
    assert.equal(Number(/Pages:\s+(\d+)/.exec(info)?.[1]), 1 + 1 + meta.charts.length + 1);
    assert.match(info, /Page size:.*\(A4\)/);
    // Chromium embeds the glyphs it used (as Type 3 subsets with a Unicode map): every font is
    // embedded and text stays extractable, so readers without CJK fonts see the same pages.
    const fonts = pdf("pdffonts", [join(dir, "briefing.pdf")])
      .trim()
      .split("\n")
      .slice(2);
    assert.ok(fonts.length > 0);
    for (const line of fonts)
      assert.match(line, /\byes\s+(yes|no)\s+yes\s+\d+/, `embedded with Unicode map: ${line}`);
    const text = pdf("pdftotext", [join(dir, "briefing.pdf"), "-"]);
    assert.ok(text.includes("讲话简报 Speech briefing"), "title");
    assert.ok(text.includes("两个维护"), "formulation");
    meta.charts.forEach((c: { title: string }, i: number) => {
      const page = pdf("pdftotext", [
        "-f",
        String(i + 3),
        "-l",
        String(i + 3),
        join(dir, "briefing.pdf"),
        "-",
      ]);
      assert.ok(
        page.replace(/\s+/g, "").includes(c.title.split(/[：:]/)[0]!.replace(/\s+/g, "")),
        `page ${i + 3} holds ${c.title}`,
      );
    });
  });

  test("HTML opens from file:// with no request outside the file", async () => {
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext();
      const requests: string[] = [];
      await context.route("**/*", (route) => {
        const url = route.request().url();
        requests.push(url);
        return url.startsWith("file://") || url.startsWith("data:")
          ? route.continue()
          : route.abort();
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      await page.goto(pathToFileURL(join(dir, "briefing.html")).href, { waitUntil: "load" });
      assert.deepEqual(
        requests.filter((u) => !u.startsWith("file://")),
        [],
      );
      assert.deepEqual(
        requests,
        [pathToFileURL(join(dir, "briefing.html")).href],
        "one file, nothing else",
      );
      assert.equal(await page.locator("script").count(), 0);
      assert.equal(await page.locator("section.chart > svg").count(), 3);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });

  test("example sentences: up to three per requested term, each with its match, year and speech", () => {
    const summary = readFileSync(join(dir, "summary.md"), "utf8");
    const section = summary.slice(
      summary.indexOf("## 例句 Example sentences"),
      summary.indexOf("## 图表"),
    );
    const twoUpholds = section.slice(section.indexOf("### 提法 两个维护"));
    const lines = twoUpholds
      .split("\n###")[0]!
      .split("\n")
      .filter((l) => l.startsWith("- "));
    assert.ok(lines.length >= 1 && lines.length <= 3, `1–3 examples, got ${lines.length}`);
    for (const l of lines) assert.match(l, /\*\*两个维护\*\*.* — (\d{4}|\?) · \S/);
    const meta = JSON.parse(readFileSync(join(dir, "report.json"), "utf8"));
    assert.ok(meta.examples.some((g: { id: string }) => g.id === "two_upholds"));
    const html = readFileSync(join(dir, "briefing.html"), "utf8");
    assert.match(html, /<section class="examples">[\s\S]*<mark>两个维护<\/mark>/);
    // The heatmap's colour bar is in the briefing's chart.
    assert.match(
      readFileSync(join(dir, "charts", "theme-heatmap.svg"), "utf8"),
      /aria-label="color-bar"/,
    );
  });

  test("without --data or --corpus: the built output named on the first line, else the sample said so", () => {
    const out = join(dir, "..", "from-env");
    const r = spawnSync(process.execPath, ["--import", "tsx", CLI, "--out", out], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
      timeout: 180_000,
      env: { ...process.env, SPEECH_ATLAS_OUT: data },
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(
      r.stderr.split("\n")[0]!,
      /^report: corpus sample · data pipeline [\d.]+.* · from .*\$SPEECH_ATLAS_OUT/,
    );
    assert.match(
      readFileSync(join(out, "summary.md"), "utf8"),
      /数据来源 Data from: .*SPEECH_ATLAS_OUT/,
    );
  });

  test("bad options exit 2 with one line naming the valid values", () => {
    const cases: [string[], RegExp][] = [
      [
        ["--data", data, "--speeches", "s000000000000", "--out", join(dir, "x")],
        /unknown speech id s000000000000; valid ids: s[0-9a-f]{12}/,
      ],
      [
        ["--data", data, "--years", "2030-2020", "--out", join(dir, "x")],
        /empty year range 2030-2020/,
      ],
      [
        ["--data", data, "--years", "1990-1991", "--out", join(dir, "x")],
        /no speech in 1990-1991; years with speeches: 2023/,
      ],
      [
        ["--data", data, "--terms", "两个维户", "--out", join(dir, "x")],
        /unknown term "两个维户"; near matches: 两个维护/,
      ],
      [
        ["--data", data, "--normalisation", "log", "--out", join(dir, "x")],
        /--normalisation must be one of rate, share/,
      ],
      [
        ["--data", data, "--colour", "red", "--out", join(dir, "x")],
        /Unknown option '--colour'.*valid options: --corpus/,
      ],
      [["--corpus", "/nonexistent", "--out", join(dir, "x")], /corpus folder not found/],
    ];
    for (const [args, message] of cases) {
      const r = report(args);
      assert.equal(r.status, 2, args.join(" "));
      assert.match(r.stderr.split("\n")[0]!, message);
      assert.ok(!existsSync(join(dir, "x")), "nothing written");
    }
  });
});
