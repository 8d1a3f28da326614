// A term's or formulation's use across speeches (bars, per 10k Han characters, linking to the
// reader) and across years (pooled rate and mean of per-speech rates).
import * as Plot from "npm:@observablehq/plot";

/** @param data rows {name, speech_id, hits, han_chars, rate_per_10k, href}; one per speech */
export function termBySpeech(data, { width, speechOrder } = {}) {
  return Plot.plot({
    width,
    height: 60 + 26 * speechOrder.length,
    marginLeft: Math.min(320, Math.max(140, width * 0.32)),
    marginRight: 60,
    x: { label: "每万汉字出现次数 occurrences per 10k Han characters →", grid: true },
    y: { domain: speechOrder, label: null },
    marks: [
      Plot.barX(data, {
        x: "rate_per_10k",
        y: "name",
        fill: "steelblue",
        href: "href",
        title: (d) =>
          `${d.name}\n次数 count: ${d.hits}\n每万字 per 10k: ${d.rate_per_10k.toFixed(2)}`,
      }),
      Plot.text(data, {
        x: "rate_per_10k",
        y: "name",
        text: (d) => String(d.hits),
        dx: 4,
        textAnchor: "start",
      }),
      Plot.ruleX([0]),
    ],
  });
}

/** @param data rows {year, measure, value, speeches}; measure is the bilingual label of the rate */
export function termByYear(data, { width } = {}) {
  const years = [...new Set(data.map((d) => d.year))].sort((a, b) => a - b);
  return Plot.plot({
    width,
    height: 300,
    x: { domain: years, type: "point", padding: 0.3, label: "年份 year", tickFormat: String },
    y: { label: "每万汉字 per 10k Han characters", grid: true, zero: true },
    color: { legend: true },
    marks: [
      Plot.line(data, { x: "year", y: "value", stroke: "measure" }),
      Plot.dot(data, {
        x: "year",
        y: "value",
        fill: "measure",
        r: 4,
        title: (d) =>
          `${d.year} · ${d.measure}: ${d.value.toFixed(2)}\n讲话 speeches: ${d.speeches}`,
      }),
      Plot.ruleY([0]),
    ],
  });
}
