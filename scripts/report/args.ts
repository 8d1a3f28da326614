// Command-line options of `npm run report`. Syntax is checked here, before any pipeline run;
// what depends on the data (speech ids, terms, themes) is checked in cli.ts against the tables.
import { parseArgs } from "node:util";
import {
  NORMALISATIONS,
  parseList,
  parseYears,
  type Normalisation,
} from "../../src/charts/params.js";

export const USAGE =
  "usage: npm run report -- [--corpus <dir> | --data <pipeline out dir>] [--speeches <id,id…> | --years <from-to>] " +
  "[--terms <提法,…>] [--themes <theme,…>] [--normalisation rate|share] [--title <text>] --out reports/<name>";

export class UsageError extends Error {}

export interface ReportOptions {
  /** Corpus to process; null: the last built output (scripts/report/data-source.ts). */
  corpus: string | null;
  /** Published pipeline output to reuse instead of running the pipeline. */
  data: string | null;
  speeches: string[];
  years: { from: number; to: number } | null;
  terms: string[];
  themes: string[];
  normalisation: Normalisation;
  title: string | null;
  out: string;
}

export function parseReportArgs(argv: string[]): ReportOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv.filter((a) => a !== "--"),
      options: {
        corpus: { type: "string" },
        data: { type: "string" },
        speeches: { type: "string", multiple: true },
        years: { type: "string" },
        terms: { type: "string", multiple: true },
        themes: { type: "string", multiple: true },
        normalisation: { type: "string" },
        title: { type: "string" },
        out: { type: "string" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError(
      `${(err as Error).message.split("\n")[0]}; valid options: --corpus, --data, --speeches, --years, --terms, --themes, --normalisation, --title, --out`,
    );
  }
  if (values.corpus && values.data)
    throw new UsageError(
      "give either --corpus (run the pipeline) or --data (reuse its output), not both",
    );
  const speeches = parseList(values.speeches ?? []);
  if (values.speeches && !speeches.length)
    throw new UsageError("--speeches needs at least one speech id");
  if (speeches.length && values.years)
    throw new UsageError("give either --speeches or --years, not both");
  let years = null;
  if (values.years != null) {
    const y = parseYears(values.years);
    if (y.error !== undefined) throw new UsageError(y.error);
    years = { from: y.from, to: y.to };
  }
  const normalisation = (values.normalisation ?? "rate") as Normalisation;
  if (!NORMALISATIONS.includes(normalisation))
    throw new UsageError(
      `--normalisation must be one of ${NORMALISATIONS.join(", ")}, got "${values.normalisation}"`,
    );
  if (!values.out)
    throw new UsageError("--out <folder> is required, e.g. --out reports/2023-briefing");
  return {
    corpus: values.corpus ?? null,
    data: values.data ?? null,
    speeches,
    years,
    terms: parseList(values.terms ?? []),
    themes: parseList(values.themes ?? []),
    normalisation,
    title: values.title ?? null,
    out: values.out,
  };
}
