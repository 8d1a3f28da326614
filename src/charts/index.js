// Every chart kind, by the name of its embed page (src/embed/<kind>.md): one module per kind
// under src/charts/ holds its rows, its drawing and its spec; src/charts/params.js parses and
// validates the URL parameters of all of them (the report command does the same in Node).
// chartSpec turns validated parameters and tables into the spec a chart frame draws
// (src/components/chartFrame.js): the page, the embed and the report draw through here.
import * as themeHeatmap from "./theme-heatmap.js";
import * as themeTrend from "./theme-trend.js";
import * as formulationTrend from "./formulation-trend.js";
import * as themeBars from "./theme-bars.js";
import * as outlineProfile from "./outline-profile.js";
import * as termBySpeech from "./term-by-speech.js";
import * as termTrend from "./term-trend.js";
import * as logOdds from "./log-odds.js";
import * as reuseRanking from "./reuse-ranking.js";
import * as reuseGroups from "./reuse-groups.js";
import { NORMALISED } from "./captions.js";
import { sourceLine } from "./params.js";

export const CHARTS = Object.fromEntries(
  [
    themeHeatmap,
    themeTrend,
    formulationTrend,
    themeBars,
    outlineProfile,
    termBySpeech,
    termTrend,
    logOdds,
    reuseRanking,
    reuseGroups,
  ].map((m) => [m.KIND, m]),
);

/**
 * @param parsed  a successful parseChartParams(...) result
 * @param tables  plain rows of speeches, themes, themeScores, formulations, formulationHits, manifest,
 *                 reuseGroups (the reuse-groups chart) …
 * @param options {date?: data date override (SPEECH_ATLAS_DATA_DATE), id?: DOM id}
 */
export function chartSpec(parsed, tables, { date, id } = {}) {
  const chart = CHARTS[parsed.kind];
  if (!chart) throw new Error(`unknown chart kind ${parsed.kind}`);
  const source = sourceLine({
    manifest: tables.manifest,
    selected: parsed.selected,
    allSpeeches: tables.speeches,
    date,
  });
  const embed = { chart: parsed.kind, params: parsed.params };
  const norm = NORMALISED[parsed.normalisation] ?? NORMALISED.rate;
  return chart.spec(parsed, tables, { id, source, embed, norm });
}
