// One speech along its outline: a row per leaf section in reading order, stacked by theme (rate
// per 10k Han characters or share of the section's coded hits); the section's dominant theme is
// written at the bar's end. Each bar links to the reader at that section.
import * as Plot from "npm:@observablehq/plot";
import { swatchLegend, chartStack } from "../charts/legend.js";
import { labelMargin, fitLabel, tickTitles } from "../charts/speechAxis.js";

/**
 * @param data rows {section_id, label, theme, hits, rate_per_10k, share, href} (leaf × theme)
 * @param dominant rows {label, theme, href} (one per leaf with coded hits)
 * @param options {width, metric, sectionOrder: string[] (labels), themeOrder, colors}
 */
export function outlineProfile(
  data,
  dominant,
  { width, metric = "share", sectionOrder, themeOrder, colors } = {},
) {
  const share = metric === "share";
  const marginLeft = labelMargin(sectionOrder, width, { share: 0.38 });
  const plot = Plot.plot({
    width,
    height: 50 + 24 * sectionOrder.length,
    marginLeft,
    marginRight: 150,
    x: {
      label: share
        ? "段内编码命中比例 share of the section's coded hits →"
        : "每万汉字命中 hits per 10k Han characters →",
      percent: share,
      grid: true,
    },
    y: {
      domain: sectionOrder,
      label: null,
      tickFormat: (s) => fitLabel(s, marginLeft - 12),
    },
    color: { domain: themeOrder, range: colors },
    marks: [
      Plot.barX(data, {
        x: metric,
        y: "label",
        fill: "theme",
        order: themeOrder,
        href: "href",
        inset: 0.5,
        title: (d) =>
          `${d.label}\n${d.theme}\n命中 hits: ${d.hits}\n每万字 per 10k: ${d.rate_per_10k.toFixed(1)}\n比例 share: ${(100 * d.share).toFixed(1)}%`,
      }),
      Plot.text(dominant, {
        y: "label",
        frameAnchor: "right",
        dx: 145,
        textAnchor: "end",
        text: (d) => `▶ ${d.theme.split(" ")[0]}`,
        fill: "currentColor",
        href: "href",
      }),
      Plot.ruleX([0]),
    ],
  });
  const legend = swatchLegend(
    themeOrder.map((label, i) => ({ label, color: colors[i] })),
    { width },
  );
  return chartStack(legend, tickTitles(plot, sectionOrder));
}
