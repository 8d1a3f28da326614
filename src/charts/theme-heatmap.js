// Theme heatmap, speech × theme: one cell per (speech, theme), colour = theme hits per 10,000 Han
// characters (or the theme's share of the speech's theme hits), with an SVG colour bar above it.
// Rows, drawing and spec: used by the Overview, the theme-heatmap embed and the report.
import * as Plot from "npm:@observablehq/plot";
import { chartStack } from "./legend.js";
import { speechAxis, tickTitles } from "./speech-axis.js";
import { fullTitle, speechLabels } from "./params.js";

export const KIND = "theme-heatmap";

/**
 * Heatmap rows, one per (selected speech, theme), from theme_scores' whole-speech rows
 * (section_id "_all"). `value` is the drawn colour: rate per 10k Han characters, or the theme's
 * share of the speech's theme hits.
 */
export function themeHeatmapRows(scores, selected, themes, { normalisation = "rate" } = {}) {
  const label = speechLabels(selected);
  const themeOf = new Map(themes.map((t) => [t.theme_id, t]));
  const order = new Map(selected.map((s, i) => [s.speech_id, i]));
  const themeOrder = new Map(themes.map((t, i) => [t.theme_id, i]));
  return scores
    .filter((d) => d.section_id === "_all" && order.has(d.speech_id) && themeOf.has(d.theme_id))
    .map((d) => ({
      speech_id: d.speech_id,
      speech: label.get(d.speech_id),
      title: fullTitle(selected[order.get(d.speech_id)]),
      year: selected[order.get(d.speech_id)].year ?? null,
      theme_id: d.theme_id,
      theme: themeOf.get(d.theme_id).zh,
      hits: d.hits,
      han_chars: d.han_chars,
      rate_per_10k: d.rate_per_10k,
      share: d.share,
      value: normalisation === "share" ? d.share : d.rate_per_10k,
    }))
    .sort(
      (a, b) =>
        order.get(a.speech_id) - order.get(b.speech_id) ||
        themeOrder.get(a.theme_id) - themeOrder.get(b.theme_id),
    );
}

/**
 * @param data rows {speech_id, speech, theme_id, theme, hits, rate_per_10k, han_chars}
 *   where `speech` is the display label and `theme` the bilingual theme label.
 * @param options {width, themeOrder?: string[] (theme labels), speechOrder?: string[],
 *   (the caption is the chart frame's),
 *   href?: channel of a link per cell (e.g. the speech's reader page),
 *   normalisation?: "rate" (default: hits per 10k Han characters) | "share" (share of the speech's theme hits),
 *   title?: tooltip text of a cell (default: speech, theme, hits, rate, share)}
 */
export function themeHeatmap(
  data,
  { width, themeOrder, speechOrder, normalisation = "rate", href, title } = {},
) {
  const rows = speechOrder ?? [...new Set(data.map((d) => d.speech))];
  const field = normalisation === "share" ? "share" : "rate_per_10k";
  const maxRate = Math.max(0, ...data.map((d) => d[field]));
  const axis = speechAxis(rows, width, { share: 0.36 });
  const titleOf = new Map(data.map((d) => [d.speech, d.title ?? d.speech]));
  // The colour bar, as SVG: drawn above the cells, and so in every download and in the report.
  const color = {
    type: "sqrt",
    scheme: "blues",
    label: field === "share" ? "主题占比 share of theme hits" : "每万字命中 hits / 10k chars",
    tickFormat: field === "share" ? "%" : undefined,
    zero: true,
    domain: [0, maxRate || 1],
  };
  const plot = Plot.plot({
    width,
    height: 90 + 26 * rows.length,
    marginLeft: axis.marginLeft,
    marginRight: 50,
    marginTop: 90,
    padding: 0.04,
    x: { axis: "top", domain: themeOrder, label: null, tickRotate: -35 },
    y: axis.y,
    color,
    marks: [
      Plot.cell(data, {
        x: "theme",
        y: "speech",
        fill: field,
        inset: 0.5,
        href,
        title:
          title ??
          ((d) =>
            `${titleOf.get(d.speech)}\n${d.theme}\n命中 hits: ${d.hits}\n每万字 per 10k: ${d.rate_per_10k.toFixed(1)}${d.share != null ? `\n占比 share: ${(100 * d.share).toFixed(1)}%` : ""}`),
      }),
      Plot.text(data, {
        x: "theme",
        y: "speech",
        text: (d) => (d.hits ? String(d.hits) : ""),
        fill: (d) => (d[field] > 0.6 * maxRate ? "white" : "black"),
        fontSize: 10,
      }),
    ],
  });
  const bar = Plot.legend({ color, width: Math.min(360, width), className: "atlas-colorbar" });
  bar.setAttribute("aria-label", "color-bar");
  return chartStack(
    bar,
    tickTitles(plot, rows, (name) => titleOf.get(name)),
  );
}

/**
 * The chart's spec: {id, kind, title, caption, source, rows (exactly the rows drawn), columns
 * (CSV order), marks (CSS selector of the marks that stand for rows), draw(width), embed}.
 * @param parsed a successful parseChartParams(...) result for this kind
 * @param tables plain rows: {speeches, themes, themeScores, formulations, formulationHits, sections?, sentences?, speechTerms?, manifest}
 * @param context {id?, source, embed, norm} from chartSpec (src/charts/index.js)
 */
export function spec(parsed, tables, { id, source, embed, norm }) {
  const { kind, selected, normalisation } = parsed;
  const rows = themeHeatmapRows(tables.themeScores, selected, parsed.themes, { normalisation });
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
    columns: [
      "speech_id",
      "speech",
      "year",
      "theme_id",
      "theme",
      "hits",
      "han_chars",
      "rate_per_10k",
      "share",
    ],
    marks: `g[aria-label="cell"] rect`,
    draw: (width) =>
      themeHeatmap(rows, {
        width,
        normalisation,
        caption: null,
        themeOrder: parsed.themes.map((t) => t.zh),
        speechOrder,
      }),
    embed,
  };
}
