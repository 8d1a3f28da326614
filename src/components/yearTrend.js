// Lines across years, one per series (a theme or a formulation), labelled at their last point
// instead of with a legend, so the chart stays one self-contained SVG (an HTML swatch legend would
// be lost in SVG/PNG downloads and in briefings).
import * as Plot from "npm:@observablehq/plot";

/**
 * @param data rows {year, series, value, hits, ...}: one per (year, series); `value` is drawn.
 * @param options {width, yLabel, format?: (value) => string, height?, caption?}
 */
export function yearTrend(
  data,
  { width, yLabel, format = (v) => v.toFixed(1), height, caption } = {},
) {
  const years = [...new Set(data.map((d) => d.year))].sort((a, b) => a - b);
  const series = [...new Set(data.map((d) => d.series))];
  // Room for the longest end-of-line label (11px text, CJK ≈ 1em), within a third of the width.
  const longest = Math.max(
    0,
    ...series.map((s) =>
      [...String(s)].reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? 11 : 6.5), 0),
    ),
  );
  return Plot.plot({
    width,
    height: height ?? Math.max(260, Math.min(480, width * 0.5)),
    marginRight: Math.min(width / 3, Math.max(40, longest + 14)),
    marginLeft: 56,
    caption,
    x: {
      label: "年份 Year",
      // Few years: one tick per year; many: let Plot thin them. Never "2,023".
      ticks: years.length <= 12 ? years : undefined,
      tickFormat: "d",
      domain: years.length === 1 ? [years[0] - 1, years[0] + 1] : undefined,
    },
    y: { label: yLabel, grid: true, zero: true },
    color: { domain: series, scheme: "tableau10" },
    marks: [
      Plot.ruleY([0]),
      Plot.line(data, { x: "year", y: "value", stroke: "series", strokeWidth: 1.8 }),
      Plot.dot(data, {
        x: "year",
        y: "value",
        fill: "series",
        r: 3,
        title: (d) => `${d.series}\n${d.year}: ${format(d.value)} (${d.hits} 次 hits)`,
      }),
      Plot.text(
        data,
        Plot.selectLast({
          x: "year",
          y: "value",
          z: "series",
          text: "series",
          fill: "series",
          dx: 6,
          textAnchor: "start",
          fontSize: 11,
        }),
      ),
    ],
  });
}
