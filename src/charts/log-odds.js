// Distinctive terms of two groups (weighted log-odds z, informative Dirichlet prior = the whole
// corpus): the top-N terms of each side as diverging bars. The numbers come from src/lib/logOdds.js
// (logOddsScores, logOddsTop), the data API the Terms page uses too. Used by the Terms page and
// the log-odds embed.
import * as Plot from "npm:@observablehq/plot";
import { GENRE, LEVEL, label } from "../lib/labels.js";
import { chartStack, swatchLegend } from "./legend.js";
import { logOddsScores, logOddsTop } from "../lib/logOdds.js";
import { REST_PARAM, speechLabels } from "./params.js";

export const KIND = "log-odds";

/** @param data rows {term, z, ya, yb, side: label of the group that favours it} */
export function logOddsBars(data, { width, sides } = {}) {
  const order = [...data].sort((a, b) => b.z - a.z).map((d) => d.term);
  const range = ["#d95f02", "#1b9e77"];
  const plot = Plot.plot({
    width,
    height: 60 + 20 * data.length,
    // Room for the z labels at the ends of the longest bars.
    marginLeft: 36,
    marginRight: 36,
    x: {
      label: "← 乙组更多 more in B · 加权对数优势比 z (log-odds z) · 甲组更多 more in A →",
      grid: true,
    },
    y: { domain: order, axis: null },
    color: { domain: sides, range },
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
  // The two sides as an SVG legend (Plot's swatches are HTML, which downloads would lose).
  return chartStack(
    swatchLegend(
      sides.map((label, i) => ({ label, color: range[i] })),
      { width },
    ),
    plot,
  );
}

/**
 * The chart's spec: {id, kind, title, caption, source, rows (exactly the rows drawn), columns
 * (CSV order), marks (CSS selector of the marks that stand for rows), draw(width), embed}.
 * @param parsed a successful parseChartParams(...) result for this kind
 * @param tables plain rows: {speeches, themes, themeScores, formulations, formulationHits, sections?, sentences?, speechTerms?, manifest}
 * @param context {id?, source, embed, norm} from chartSpec (src/charts/index.js)
 */
export function spec(parsed, tables, { id, source, embed, norm }) {
  const { kind, selected, normalisation } = parsed;
  const { kind: groupKind, a, b, n } = parsed.groups;
  const names = speechLabels(tables.speeches, 22);
  const groupLabel = (v) =>
    v === REST_PARAM
      ? "其余全部 all the rest"
      : groupKind === "speech"
        ? (names.get(v) ?? v)
        : groupKind === "level"
          ? label(LEVEL, v)
          : groupKind === "genre"
            ? label(GENRE, v)
            : v === "unknown"
              ? "未知 unknown"
              : v;
  const sides = [`甲 A: ${groupLabel(a)}`, `乙 B: ${groupLabel(b)}`];
  const rows = logOddsTop(
    logOddsScores(tables.speechTerms ?? [], tables.speeches, { kind: groupKind, a, b }),
    n,
    sides,
  );
  return {
    id: id ?? "log-odds",
    kind,
    title: `区别性词语 Distinctive terms: ${sides[0]} vs ${sides[1]}`,
    caption: `加权对数优势比 z（信息性狄利克雷先验 = 全语料计数）weighted log-odds z, informative Dirichlet prior = whole-corpus counts (α_w = corpus count, α₀ = corpus tokens). |z| > 1.96 ≈ 5% level. 每侧前 ${n} top ${n} per side.`,
    source,
    rows,
    columns: ["term", "side", "z", "delta", "ya", "yb", "na", "nb", "alpha_w", "alpha0"],
    marks: `g[aria-label="bar"] rect`,
    draw: (width) => logOddsBars(rows, { width, sides }),
    embed,
  };
}
