// `npm run report -- [--corpus <dir> | --data <out>] [--speeches … | --years …] [--terms …] --out reports/<name>`
// Writes a briefing package: briefing.html (self-contained), briefing.pdf (A4), charts/<id>.svg,
// .png (2×), .csv and .txt (title, caption, source), summary.md and report.json.
// Exit 2 for bad options (one line naming the valid values), 1 for failures.
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  dataDate,
  dataVersion,
  parseChartParams,
  resolveFormulations,
  resolveThemes,
  selectSpeeches,
  topFormulations,
  type ChartParams,
} from "../../src/embed/series.js";
import { publishCorpus } from "../site/pipeline-out.ts";
import { parseReportArgs, UsageError, USAGE, type ReportOptions } from "./args.ts";
import { briefingHtml } from "./html.ts";
import { Renderer, type ChartRequest } from "./render.ts";
import {
  formulationStrengths,
  strongestThemes,
  summaryMarkdown,
  type SummaryInput,
} from "./summary.ts";
import { readReportTables, type ReportTables } from "./tables.ts";

/** Chart width in CSS px: fits A4 portrait between 15 mm margins (180 mm ≈ 680 px). */
const CHART_WIDTH = 670;

function runPipeline(corpus: string): string {
  return publishCorpus(corpus, "speech-atlas-report-");
}

/** Data-dependent checks; throws UsageError naming the valid values. */
function validate(
  opts: ReportOptions,
  t: ReportTables,
): { params: Record<string, string>; selection: string } {
  const sel = selectSpeeches(t.speeches, { ids: opts.speeches, years: opts.years });
  if (sel.errors.length) throw new UsageError(sel.errors.join("; "));
  if (!sel.selected.length)
    throw new UsageError("no speech selected: the corpus has no ingested speech");
  const terms = resolveFormulations(t.formulations, opts.terms);
  if (terms.errors.length) throw new UsageError(terms.errors.join("; "));
  const themes = resolveThemes(t.themes, opts.themes);
  if (themes.errors.length) throw new UsageError(themes.errors.join("; "));
  const params: Record<string, string> = { normalisation: opts.normalisation };
  if (opts.speeches.length) params.speeches = opts.speeches.join(",");
  if (opts.years) params.years = `${opts.years.from}-${opts.years.to}`;
  if (opts.themes.length) params.theme = themes.themes.map((x) => x.theme_id).join(",");
  if (opts.terms.length) params.term = terms.formulations.map((f) => f.canonical).join(",");
  const selection = opts.speeches.length
    ? `speeches ${opts.speeches.join(", ")}`
    : opts.years
      ? `years ${opts.years.from}–${opts.years.to}`
      : "all speeches";
  return { params, selection };
}

async function report(opts: ReportOptions): Promise<void> {
  let dataDir: string;
  let temp: string | null = null;
  if (opts.data) {
    dataDir = resolve(opts.data);
    if (!existsSync(join(dataDir, "speeches.parquet")))
      throw new UsageError(
        `--data ${opts.data} has no speeches.parquet: give a folder written by \`npm run data\``,
      );
  } else {
    const corpus = resolve(opts.corpus);
    if (!existsSync(corpus) || !statSync(corpus).isDirectory())
      throw new UsageError(`corpus folder not found: ${opts.corpus}`);
    dataDir = temp = runPipeline(corpus);
  }
  try {
    const tables = readReportTables(dataDir);
    const { params, selection } = validate(opts, tables);
    const date = dataDate(tables.speeches, process.env.SPEECH_ATLAS_DATA_DATE || null);
    const requests: ChartRequest[] = [
      { id: "theme-heatmap", kind: "theme-heatmap", params },
      { id: "theme-trend", kind: "theme-trend", params },
      { id: "formulation-trend", kind: "formulation-trend", params },
    ];
    const parsed = parseChartParams("formulation-trend", (n) => params[n], tables) as ChartParams;
    const selected = parsed.selected;

    const renderer = await Renderer.open();
    let charts;
    const outDir = resolve(opts.out);
    try {
      charts = await renderer.charts(tables, requests, { width: CHART_WIDTH, date });
      const corpus = tables.manifest.corpus?.name ?? opts.corpus;
      const heat = charts.find((c) => c.kind === "theme-heatmap")!;
      const requested = opts.terms.length
        ? formulationStrengths(
            tables.formulationHits,
            selected,
            tables.formulations,
            parsed.formulations,
          )
        : [];
      const summary: SummaryInput = {
        title: opts.title ?? `讲话简报 Speech briefing: ${corpus}, ${selection}`,
        corpus,
        selection,
        selected,
        version: dataVersion(tables.manifest),
        date,
        themes: strongestThemes(heat.rows),
        formulations: formulationStrengths(
          tables.formulationHits,
          selected,
          tables.formulations,
        ).slice(0, 5),
        requested,
        charts: charts.map((c) => ({
          id: c.id,
          title: c.title,
          caption: c.caption,
          rows: c.rows.length,
        })),
      };
      mkdirSync(join(outDir, "charts"), { recursive: true });
      for (const c of charts) {
        if (c.marksDrawn !== c.rows.length)
          throw new Error(`${c.id}: ${c.marksDrawn} marks drawn for ${c.rows.length} rows`);
        writeFileSync(join(outDir, "charts", `${c.id}.svg`), c.svg);
        writeFileSync(join(outDir, "charts", `${c.id}.png`), Buffer.from(c.png, "base64"));
        writeFileSync(join(outDir, "charts", `${c.id}.csv`), "\ufeff" + c.csv);
        writeFileSync(
          join(outDir, "charts", `${c.id}.txt`),
          `${c.title}\n${c.caption}\n来源 Source: ${c.source}\n`,
        );
      }
      writeFileSync(join(outDir, "summary.md"), summaryMarkdown(summary));
      const htmlPath = join(outDir, "briefing.html");
      writeFileSync(htmlPath, briefingHtml(summary, charts, selected));
      await renderer.pdf(htmlPath, join(outDir, "briefing.pdf"));
      if (renderer.blocked.length)
        throw new Error(`blocked outside requests while rendering: ${renderer.blocked.join(", ")}`);
      writeFileSync(
        join(outDir, "report.json"),
        JSON.stringify(
          {
            title: summary.title,
            corpus,
            selection,
            speeches: selected.map((s) => s.speech_id),
            data_version: summary.version,
            data_date: date,
            layout: "page 1 summary; one page per chart; then the list of speeches",
            charts: charts.map((c) => ({
              id: c.id,
              kind: c.kind,
              title: c.title,
              caption: c.caption,
              source: c.source,
              params: c.params,
              rows: c.rows.length,
              width: c.width,
              height: c.height,
            })),
            default_terms: opts.terms.length
              ? null
              : topFormulations(tables.formulationHits, selected, tables.formulations).map(
                  (f) => f.canonical,
                ),
          },
          null,
          2,
        ) + "\n",
      );
    } finally {
      await renderer.close();
    }
    console.error(`report: ${selected.length} speeches, ${charts.length} charts → ${outDir}`);
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

async function main(argv: string[]): Promise<number> {
  try {
    await report(parseReportArgs(argv));
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`report: ${err.message}`);
      console.error(USAGE);
      return 2;
    }
    console.error(`report: ${(err as Error).stack ?? err}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
