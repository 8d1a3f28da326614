// Briefing charts as specs: validated parameters + tables → {id, title, caption, source, rows,
// columns, draw(width), embed}. Embed pages, dashboard pages and the report command all build a
// chart through here, so the title, the caption, the rows in the CSV and the marks drawn agree.
import {themeHeatmap} from "../components/themeHeatmap.js";
import {yearTrend} from "../components/yearTrend.js";
import {formulationTrendRows, sourceLine, themeHeatmapRows, themeTrendRows} from "./series.js";

const NORMALISED = {
  rate: {zh: "每万汉字命中数", en: "hits per 10,000 Han characters", axis: "每万字命中 hits / 10k chars"},
  share: {zh: "占当年全部主题命中的比例", en: "share of all theme hits", axis: "占比 share of theme hits"}
};

const yearsText = (rows) => {
  const ys = [...new Set(rows.map((d) => d.year))].filter((y) => y != null).sort((a, b) => a - b);
  return ys.length ? (ys.length === 1 ? String(ys[0]) : `${ys[0]}–${ys[ys.length - 1]}`) : "—";
};

/**
 * @param parsed  a successful parseChartParams(...) result
 * @param tables  {speeches, themes, themeScores, formulations, formulationHits, manifest}
 * @param options {date?: data date override (SPEECH_ATLAS_DATA_DATE), id?: DOM id}
 */
export function chartSpec(parsed, tables, {date, id} = {}) {
  const {kind, selected, normalisation} = parsed;
  const source = sourceLine({manifest: tables.manifest, selected, allSpeeches: tables.speeches, date});
  const embed = {chart: kind, params: parsed.params};
  const norm = NORMALISED[normalisation] ?? NORMALISED.rate;
  if (kind === "theme-heatmap") {
    const rows = themeHeatmapRows(tables.themeScores, selected, parsed.themes, {normalisation});
    const speechOrder = [...new Set(rows.map((d) => d.speech))];
    return {
      id: id ?? "theme-heatmap",
      kind,
      title: "主题热力图：讲话 × 主题 Theme heatmap: speech × theme",
      caption:
        normalisation === "share"
          ? `颜色：该主题占本篇全部主题命中的比例；数字：命中数。Colour: the theme's share of the speech's theme hits; number: hits. ${selected.length} speeches × ${parsed.themes.length} themes.`
          : `颜色：每万汉字主题命中数；数字：命中数。Colour: theme hits per 10,000 Han characters; number: hits. ${selected.length} speeches × ${parsed.themes.length} themes.`,
      source,
      rows,
      columns: ["speech_id", "speech", "year", "theme_id", "theme", "hits", "han_chars", "rate_per_10k", "share"],
      marks: `g[aria-label="cell"] rect`,
      draw: (width) => themeHeatmap(rows, {width, normalisation, caption: null, themeOrder: parsed.themes.map((t) => t.zh), speechOrder}),
      embed
    };
  }
  if (kind === "theme-trend") {
    const rows = themeTrendRows(tables.themeScores, selected, parsed.themes, {normalisation});
    return {
      id: id ?? "theme-trend",
      kind,
      title: `主题趋势 Theme trend, ${yearsText(rows)}`,
      caption: `每年所选讲话合并计算：${norm.zh}。Pooled over each year's selected speeches: ${norm.en}. ${parsed.themes.length} themes; speeches without a year are left out.`,
      source,
      rows,
      columns: ["year", "theme_id", "theme", "speeches", "hits", "han_chars", "rate_per_10k", "share"],
      marks: `g[aria-label="dot"] circle`,
      draw: (width) =>
        yearTrend(rows.map((d) => ({...d, series: d.theme})), {
          width,
          yLabel: norm.axis,
          format: normalisation === "share" ? (v) => `${(100 * v).toFixed(1)}%` : (v) => v.toFixed(1)
        }),
      embed
    };
  }
  if (kind === "formulation-trend") {
    const rows = formulationTrendRows(tables.formulationHits, selected, parsed.formulations);
    const terms = parsed.formulations.map((f) => f.canonical);
    return {
      id: id ?? "formulation-trend",
      kind,
      title: `提法趋势 Formulation trend: ${terms.join("、") || "—"}`,
      caption: `每年所选讲话中每万汉字的提法命中数（含变体）。Matches per 10,000 Han characters of each year's selected speeches, variants included. Speeches without a year are left out.`,
      source,
      rows,
      columns: ["year", "formulation_id", "term", "speeches", "hits", "han_chars", "rate_per_10k"],
      marks: `g[aria-label="dot"] circle`,
      draw: (width) => yearTrend(rows.map((d) => ({...d, series: d.term})), {width, yLabel: NORMALISED.rate.axis}),
      embed
    };
  }
  throw new Error(`unknown chart kind ${kind}`);
}
