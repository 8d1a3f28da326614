// Heatmap speech × theme: one cell per (speech, theme), colour = theme hits per 10,000 Han characters.
import * as Plot from "npm:@observablehq/plot";

/**
 * @param data rows {speech_id, speech, theme_id, theme, hits, rate_per_10k, han_chars}
 *   where `speech` is the display label and `theme` the bilingual theme label.
 * @param options {width, themeOrder?: string[] (theme labels), speechOrder?: string[], caption?,
 *   href?: channel of a link per cell (e.g. the speech's reader page),
 *   normalisation?: "rate" (default: hits per 10k Han characters) | "share" (share of the speech's theme hits),
 *   title?: tooltip text of a cell (default: speech, theme, hits, rate, share)}
 */
export function themeHeatmap(
  data,
  { width, themeOrder, speechOrder, caption, normalisation = "rate", href, title } = {},
) {
  const rows = speechOrder ?? [...new Set(data.map((d) => d.speech))];
  const field = normalisation === "share" ? "share" : "rate_per_10k";
  const maxRate = Math.max(0, ...data.map((d) => d[field]));
  return Plot.plot({
    width,
    height: 90 + 26 * rows.length,
    marginLeft: Math.min(340, Math.max(140, width * 0.36)),
    marginRight: 50,
    marginTop: 90,
    padding: 0.04,
    caption:
      caption !== undefined
        ? caption
        : "颜色：每万汉字主题命中数 Colour: theme hits per 10,000 Han characters · 数字：命中数 number: hits",
    x: { axis: "top", domain: themeOrder, label: null, tickRotate: -35 },
    y: { domain: rows, label: null },
    color: {
      type: "sqrt",
      scheme: "blues",
      legend: true,
      label: field === "share" ? "主题占比 share of theme hits" : "每万字命中 hits / 10k chars",
      tickFormat: field === "share" ? "%" : undefined,
      zero: true,
    },
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
            `${d.speech}\n${d.theme}\n命中 hits: ${d.hits}\n每万字 per 10k: ${d.rate_per_10k.toFixed(1)}${d.share != null ? `\n占比 share: ${(100 * d.share).toFixed(1)}%` : ""}`),
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
}
