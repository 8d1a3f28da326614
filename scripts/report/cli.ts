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
} from "../../src/charts/params.js";
import { publishCorpus } from "../site/pipeline-out.ts";
import { builtCandidates, chooseDataSource, isOutput } from "./data-source.ts";
import { formulationExamples, themeExamples, type ExampleGroup } from "./examples.ts";
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
import { reuseFigures } from "./reuse.ts";

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

/** Themes and terms whose example sentences the briefing shows: those asked for, else the strongest three. */
function briefingExamples(
  opts: ReportOptions,
  t: ReportTables,
  selected: ChartParams["selected"],
  strongest: { theme_id: string }[],
): ExampleGroup[] {
  const ids = new Set(selected.map((s) => s.speech_id));
  const sentences = t.sentences.filter((s) => ids.has(s.speech_id));
  const hits = t.hits.filter((h) => ids.has(h.speech_id));
  const formulations = opts.terms.length
    ? resolveFormulations(t.formulations, opts.terms).formulations
    : topFormulations(t.formulationHits, selected, t.formulations, 3);
  const themes = opts.themes.length
    ? resolveThemes(t.themes, opts.themes).themes
    : strongest
        .slice(0, 3)
        .map((s) => t.themes.find((x) => x.theme_id === s.theme_id))
        .filter((x): x is (typeof t.themes)[number] => x != null);
  return [
    ...formulations.map((f) => ({
      kind: "formulation" as const,
      id: f.formulation_id,
      label: `提法 ${f.canonical}`,
      examples: formulationExamples(f, hits, sentences, selected),
    })),
    ...themes.map((th) => ({
      kind: "theme" as const,
      id: th.theme_id,
      label: `主题 ${th.zh}${th.en ? ` ${th.en}` : ""}`,
      examples: themeExamples(th, sentences, selected),
    })),
  ];
}

async function report(opts: ReportOptions): Promise<void> {
  const source = chooseDataSource(opts, builtCandidates());
  let dataDir: string;
  let temp: string | null = null;
  if (source.kind === "data") {
    dataDir = source.dir;
    if (!isOutput(dataDir))
      throw new UsageError(
        `--data ${opts.data} has no speeches.parquet and manifest.json: give a folder written by \`npm run data\``,
      );
  } else {
    const corpus = source.corpus;
    if (!existsSync(corpus) || !statSync(corpus).isDirectory())
      throw new UsageError(`corpus folder not found: ${opts.corpus ?? corpus}`);
    if (source.why !== "--corpus") console.error(`report: ${source.why} (${corpus})`);
    dataDir = temp = runPipeline(corpus);
  }
  try {
    const tables = readReportTables(dataDir);
    const { params, selection } = validate(opts, tables);
    // First line once the options are valid: which data this briefing is about (a briefing of the
    // wrong corpus looks legitimate); a usage error stays the first line otherwise.
    const corpusName = tables.manifest.corpus?.name ?? "?";
    const origin = temp
      ? `corpus ${source.kind === "corpus" ? source.corpus : "?"}, processed now`
      : `${dataDir} (${source.why})`;
    console.error(
      `report: corpus ${corpusName} · data ${dataVersion(tables.manifest)} · from ${origin}`,
    );
    const date = dataDate(tables.speeches, process.env.SPEECH_ATLAS_DATA_DATE || null);
    const requests: ChartRequest[] = [
      { id: "theme-heatmap", kind: "theme-heatmap", params },
      { id: "theme-trend", kind: "theme-trend", params },
      { id: "formulation-trend", kind: "formulation-trend", params },
    ];
    const parsed = parseChartParams("formulation-trend", (n) => params[n], tables) as ChartParams;
    const selected = parsed.selected;
    // Text reuse: figures and the two reuse charts only when the selection shares passages.
    const reuse = reuseFigures(selected, tables);
    if (reuse) {
      requests.push({ id: "reuse-ranking", kind: "reuse-ranking", params });
      if (reuse.group_count) requests.push({ id: "reuse-groups", kind: "reuse-groups", params });
    }

    const renderer = await Renderer.open();
    let charts;
    const outDir = resolve(opts.out);
    try {
      // The browser gets what the charts draw from (not the sentences, hits or passage pairs).
      const { sentences: _s, hits: _h, reusePassages: _p, ...chartTables } = tables;
      charts = await renderer.charts(chartTables, requests, { width: CHART_WIDTH, date });
      const corpus = corpusName;
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
        examples: briefingExamples(opts, tables, selected, strongestThemes(heat.rows)),
        dataSource: temp
          ? `${source.kind === "corpus" ? source.corpus : "?"} (${source.why}), processed for this report`
          : `${dataDir} (${source.why})`,
        reuse,
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
            data_source: summary.dataSource,
            examples: summary.examples.map((g) => ({
              kind: g.kind,
              id: g.id,
              label: g.label,
              examples: g.examples.length,
            })),
            data_date: date,
            reuse: reuse && {
              speeches: reuse.speeches,
              with_reuse: reuse.with_reuse,
              share: reuse.share,
              from_earlier: reuse.from_earlier,
              groups: reuse.group_count,
              examples: reuse.examples.length,
            },
            layout:
              "page 1 summary; example sentences; text reuse (when found); one page per chart; then the list of speeches",
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
