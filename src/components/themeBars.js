// Stacked bars, one per speech: each theme's rate per 10k Han characters (stacks sum to the
// speech's coded rate) or its share of the speech's coded hits (stacks sum to 1).
// Each segment links to the speech's reader page.
import * as Plot from "npm:@observablehq/plot";

/**
 * @param data rows {speech_id, name, theme_id, theme, hits, rate_per_10k, share, href}
 * @param options {width, metric: "rate_per_10k"|"share", themeOrder: string[] (theme labels),
 *   speechOrder: string[] (names), colors: string[] (aligned with themeOrder)}
 */
export function themeBars(
  data,
  { width, metric = "rate_per_10k", themeOrder, speechOrder, colors } = {},
) {
  const share = metric === "share";
  return Plot.plot({
    width,
    height: 70 + 28 * speechOrder.length,
    marginLeft: Math.min(320, Math.max(140, width * 0.32)),
    marginRight: 20,
    x: {
      label: share
        ? "占编码命中的比例 share of coded hits →"
        : "每万汉字命中 hits per 10k Han characters →",
      percent: share,
      grid: true,
    },
    y: { domain: speechOrder, label: null },
    color: { domain: themeOrder, range: colors, legend: true },
    marks: [
      Plot.barX(data, {
        x: metric,
        y: "name",
        fill: "theme",
        order: themeOrder,
        href: "href",
        title: (d) =>
          `${d.name}\n${d.theme}\n命中 hits: ${d.hits}\n每万字 per 10k: ${d.rate_per_10k.toFixed(1)}\n比例 share: ${(100 * d.share).toFixed(1)}%`,
        inset: 0.5,
      }),
      Plot.ruleX([0]),
    ],
  });
}
