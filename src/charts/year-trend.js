// Lines across years, one per series (a theme, a formulation or a measure), on a continuous year
// axis (src/charts/year-axis.js). Two layouts:
//   "lines"     – all series in one plot, each labelled at its last point; labels are moved apart
//                 so they never overlap, and when they cannot fit the chart draws an SVG legend
//                 above the plot instead;
//   "multiples" – one small panel per series, sharing the year and value axes.
// Years without data are gaps: solid lines join consecutive years only, a dashed line crosses a gap.
// Every label and the legend are SVG text, so downloads and the report carry them.
import * as Plot from "npm:@observablehq/plot";
import { chartStack, swatchLegend, textWidth } from "./legend.js";
import { dodge, yearDomain, yearRuns, yearTicks } from "./year-axis.js";

const LABEL_FONT = 11;
// A label's box is ~1.4em high with CJK fonts: a 1.5em pitch keeps the boxes apart.
const LABEL_GAP = Math.ceil(LABEL_FONT * 1.5);
const MARGIN_LEFT = 56;
// Centred under the plot: Plot puts a right-anchored label past the end labels' margin.
const YEAR_LABEL = { label: "年份 Year", labelAnchor: "center", labelArrow: "none" };

/**
 * @param data rows {year, series, value, hits?, speeches?}: one per (year, series)
 * @param options {width, yLabel, format?: value → text, percent?, order?: series in legend order,
 *   colors: Map series → colour, layout?: "lines" | "multiples", height?}
 * @returns a div with the chart's SVGs (legend first when there is one)
 */
export function yearTrend(
  data,
  {
    width,
    yLabel,
    format = (v) => v.toFixed(1),
    percent = false,
    order,
    colors,
    layout = "lines",
    height,
  } = {},
) {
  const series = order ?? [...new Set(data.map((d) => d.series))];
  const colorOf = (s) => colors?.get(s) ?? "#888";
  const color = { domain: series, range: series.map(colorOf) };
  const { runs, gaps } = yearRuns(data);
  const domain = yearDomain(data.map((d) => d.year));
  const tip = (d) =>
    `${d.series}\n${d.year}: ${format(d.value)}${d.hits != null ? ` (${d.hits} 次 hits)` : ""}${d.speeches != null ? `\n讲话 speeches: ${d.speeches}` : ""}`;
  const lineMarks = (fy) => [
    Plot.ruleY([0]),
    Plot.line(runs, { x: "year", y: "value", z: "run", stroke: "series", fy, strokeWidth: 1.8 }),
    Plot.link(gaps, {
      x1: "year1",
      y1: "value1",
      x2: "year2",
      y2: "value2",
      stroke: "series",
      fy,
      strokeWidth: 1.2,
      strokeDasharray: "2,3",
      strokeOpacity: 0.8,
    }),
    Plot.dot(data, { x: "year", y: "value", fill: "series", fy, r: 2.8, title: tip }),
  ];

  if (layout === "multiples") {
    const panel = 74;
    const marginRight = 16;
    const inner = width - MARGIN_LEFT - marginRight;
    return chartStack(
      Plot.plot({
        width,
        height: 40 + panel * series.length,
        marginLeft: MARGIN_LEFT,
        marginRight,
        marginTop: 26,
        x: { domain, ticks: yearTicks(domain, inner), tickFormat: "d", ...YEAR_LABEL },
        y: { label: yLabel, grid: true, zero: true, percent, ticks: 2 },
        fy: { domain: series, axis: null, padding: 0.18 },
        color,
        marks: [
          Plot.frame({ stroke: "#ddd" }),
          ...lineMarks("series"),
          Plot.text(series, {
            fy: (d) => d,
            text: (d) => d,
            fill: (d) => d,
            frameAnchor: "top-left",
            dx: 4,
            dy: 3,
            fontSize: LABEL_FONT,
            fontWeight: "bold",
          }),
        ],
      }),
    );
  }

  // One plot: room on the right for the end labels (at most a third of the width).
  const longest = Math.max(0, ...series.map((s) => textWidth(s, LABEL_FONT)));
  const wanted = longest + 16;
  const labelled = wanted <= width / 3;
  const marginRight = labelled ? wanted : 16;
  const h = height ?? Math.max(260, Math.min(460, width * 0.5));
  const marginTop = 16;
  const marginBottom = 36;
  const plot = Plot.plot({
    width,
    height: h,
    marginLeft: MARGIN_LEFT,
    marginRight,
    marginTop,
    marginBottom,
    x: {
      domain,
      ticks: yearTicks(domain, width - MARGIN_LEFT - marginRight),
      tickFormat: "d",
      ...YEAR_LABEL,
    },
    y: { label: yLabel, grid: true, zero: true, percent },
    color,
    marks: lineMarks(undefined),
  });
  const placed = labelled
    ? endLabels(plot, data, series, colorOf, marginTop, h - marginBottom)
    : false;
  const legend = placed
    ? null
    : swatchLegend(
        series.map((s) => ({ label: s, color: colorOf(s) })),
        { width },
      );
  return chartStack(legend, plot);
}

/**
 * Writes each series' name beside its last point, moved apart (dodge) so no two overlap; a thin
 * leader joins a moved label to its point. Returns false, drawing nothing, when they cannot fit.
 */
function endLabels(plot, data, series, colorOf, top, bottom) {
  const x = plot.scale("x");
  const y = plot.scale("y");
  const last = series
    .map((s) => {
      const rows = data.filter((d) => d.series === s && d.year != null);
      return rows.length ? rows.reduce((a, b) => (b.year > a.year ? b : a)) : null;
    })
    .filter(Boolean);
  const targets = last.map((d) => y.apply(d.value));
  const ys = dodge(targets, LABEL_GAP, top + 4, bottom);
  if (!ys) return false;
  const ns = "http://www.w3.org/2000/svg";
  const g = plot.appendChild(document.createElementNS(ns, "g"));
  g.setAttribute("aria-label", "end-labels");
  g.setAttribute("font-size", LABEL_FONT);
  g.setAttribute("text-anchor", "start");
  last.forEach((d, i) => {
    const px = x.apply(d.year);
    if (Math.abs(ys[i] - targets[i]) > 2) {
      const leader = g.appendChild(document.createElementNS(ns, "path"));
      leader.setAttribute("d", `M${px + 4},${targets[i]}L${px + 10},${ys[i]}`);
      leader.setAttribute("stroke", colorOf(d.series));
      leader.setAttribute("fill", "none");
    }
    const text = g.appendChild(document.createElementNS(ns, "text"));
    text.setAttribute("x", px + 12);
    text.setAttribute("y", ys[i]);
    text.setAttribute("dy", "0.35em");
    text.setAttribute("fill", colorOf(d.series));
    text.setAttribute("class", "end-label");
    text.textContent = d.series;
  });
  return true;
}
