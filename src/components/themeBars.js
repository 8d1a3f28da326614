// Stacked bars, one per speech: each theme's rate per 10k Han characters (stacks sum to the
// speech's coded rate) or its share of the speech's coded hits (stacks sum to 1).
// Each segment links to the speech's reader page.
import * as Plot from "npm:@observablehq/plot";
import { swatchLegend, chartStack } from "../charts/legend.js";
import { speechAxis, tickTitles } from "../charts/speechAxis.js";

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
  const axis = speechAxis(speechOrder, width);
  const titleOf = new Map(data.map((d) => [d.name, d.title ?? d.name]));
  const plot = Plot.plot({
    width,
    height: 40 + 28 * speechOrder.length,
    marginLeft: axis.marginLeft,
    marginRight: 20,
    x: {
      label: share
        ? "占编码命中的比例 share of coded hits →"
        : "每万汉字命中 hits per 10k Han characters →",
      percent: share,
      grid: true,
    },
    y: axis.y,
    color: { domain: themeOrder, range: colors },
    marks: [
      Plot.barX(data, {
        x: metric,
        y: "name",
        fill: "theme",
        order: themeOrder,
        href: "href",
        title: (d) =>
          `${titleOf.get(d.name)}\n${d.theme}\n命中 hits: ${d.hits}\n每万字 per 10k: ${d.rate_per_10k.toFixed(1)}\n比例 share: ${(100 * d.share).toFixed(1)}%`,
        inset: 0.5,
      }),
      Plot.ruleX([0]),
    ],
  });
  // The legend as SVG (Plot's swatches are HTML, which downloads would lose).
  const legend = swatchLegend(
    themeOrder.map((label, i) => ({ label, color: colors[i] })),
    { width },
  );
  return chartStack(
    legend,
    tickTitles(plot, speechOrder, (name) => titleOf.get(name)),
  );
}
