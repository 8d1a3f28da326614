// Heatmap speech × theme: one cell per (speech, theme), colour = theme hits per 10,000 Han characters.
import * as Plot from "npm:@observablehq/plot";
import { chartStack } from "../charts/legend.js";
import { speechAxis, tickTitles } from "../charts/speechAxis.js";

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
