// Distinctive terms of two groups: top-N terms by weighted log-odds z for each side, diverging
// bars (right: group A uses the term more; left: group B).
import * as Plot from "npm:@observablehq/plot";

/** @param data rows {term, z, ya, yb, side: label of the group that favours it} */
export function logOddsBars(data, { width, sides } = {}) {
  const order = [...data].sort((a, b) => b.z - a.z).map((d) => d.term);
  return Plot.plot({
    width,
    height: 60 + 20 * data.length,
    marginLeft: 20,
    marginRight: 20,
    x: {
      label: "← 乙组更多 more in B · 加权对数优势比 z (log-odds z) · 甲组更多 more in A →",
      grid: true,
    },
    y: { domain: order, axis: null },
    color: { domain: sides, range: ["#d95f02", "#1b9e77"], legend: true },
    marks: [
      Plot.barX(data, {
        x: "z",
        y: "term",
        fill: "side",
        title: (d) => `${d.term}\nz = ${d.z.toFixed(2)}\n甲 A: ${d.ya} · 乙 B: ${d.yb}`,
      }),
      // Term names sit beside the zero line, on the side opposite their bar.
      Plot.text(data, {
        filter: (d) => d.z > 0,
        x: 0,
        y: "term",
        text: "term",
        textAnchor: "end",
        dx: -4,
        fontSize: 11,
      }),
      Plot.text(data, {
        filter: (d) => d.z <= 0,
        x: 0,
        y: "term",
        text: "term",
        textAnchor: "start",
        dx: 4,
        fontSize: 11,
      }),
      Plot.text(data, {
        filter: (d) => d.z > 0,
        x: "z",
        y: "term",
        text: (d) => d.z.toFixed(2),
        textAnchor: "start",
        dx: 3,
        fontSize: 9,
        fill: "gray",
        className: "z-label",
      }),
      Plot.text(data, {
        filter: (d) => d.z <= 0,
        x: "z",
        y: "term",
        text: (d) => d.z.toFixed(2),
        textAnchor: "end",
        dx: -3,
        fontSize: 9,
        fill: "gray",
        className: "z-label",
      }),
      Plot.ruleX([0]),
    ],
  });
}
