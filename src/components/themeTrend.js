// Theme emphasis across years: one line (and dots) per theme, y = pooled or mean-of-speech
// rate per 10k Han characters, or share of coded hits.
import * as Plot from "npm:@observablehq/plot";

/**
 * @param data rows {year, theme_id, theme, value, speeches} (one per year × theme)
 * @param options {width, yLabel, percent, themeOrder, colors}
 */
export function themeTrend(data, { width, yLabel, percent = false, themeOrder, colors } = {}) {
  const years = [...new Set(data.map((d) => d.year))].sort((a, b) => a - b);
  return Plot.plot({
    width,
    height: 360,
    marginRight: 20,
    x: {
      domain: years,
      label: "年份 year",
      tickFormat: (y) => String(y),
      type: "point",
      padding: 0.3,
    },
    y: { label: yLabel, grid: true, zero: true, percent },
    color: { domain: themeOrder, range: colors, legend: true },
    marks: [
      Plot.line(data, { x: "year", y: "value", stroke: "theme", z: "theme", strokeWidth: 1.5 }),
      Plot.dot(data, {
        x: "year",
        y: "value",
        fill: "theme",
        r: 4,
        title: (d) =>
          `${d.year} · ${d.theme}\n${yLabel}: ${percent ? (100 * d.value).toFixed(1) + "%" : d.value.toFixed(2)}\n讲话 speeches: ${d.speeches}`,
      }),
      Plot.ruleY([0]),
    ],
  });
}
