// A term's or formulation's use across speeches (bars, per 10k Han characters, linking to the
// reader) and across years (pooled rate and mean of per-speech rates, on a continuous year axis).
import * as Plot from "npm:@observablehq/plot";
import { seriesColors } from "../charts/colors.js";
import { speechAxis, tickTitles } from "../charts/speechAxis.js";
import { yearTrend } from "../charts/yearTrend.js";

/**
 * @param data rows {name, speech_id, hits, han_chars, rate_per_10k, href, title?}; one per speech
 *   (`name` is "year · short title", `title` the full title shown on hover)
 */
export function termBySpeech(data, { width, speechOrder } = {}) {
  const axis = speechAxis(speechOrder, width);
  const titleOf = new Map(data.map((d) => [d.name, d.title ?? d.name]));
  const svg = Plot.plot({
    width,
    height: 60 + 26 * speechOrder.length,
    marginLeft: axis.marginLeft,
    marginRight: 60,
    x: { label: "每万汉字出现次数 occurrences per 10k Han characters →", grid: true },
    y: axis.y,
    marks: [
      Plot.barX(data, {
        x: "rate_per_10k",
        y: "name",
        fill: "steelblue",
        href: "href",
        title: (d) =>
          `${titleOf.get(d.name)}\n次数 count: ${d.hits}\n每万字 per 10k: ${d.rate_per_10k.toFixed(2)}`,
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
  return tickTitles(svg, speechOrder, (name) => titleOf.get(name));
}

/** @param data rows {year, measure, value, speeches}; measure is the bilingual label of the rate */
export function termByYear(data, { width } = {}) {
  const measures = [...new Set(data.map((d) => d.measure))].sort();
  return yearTrend(
    data.map((d) => ({ ...d, series: d.measure })),
    {
      width,
      yLabel: "每万汉字 per 10k Han characters",
      format: (v) => v.toFixed(2),
      order: measures,
      colors: seriesColors(measures),
      height: 300,
    },
  );
}
