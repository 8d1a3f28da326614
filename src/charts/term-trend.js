// A term's or formulation's use by year: the pooled rate (Σcount/Σchars) and/or the mean of
// per-speech rates, on a continuous year axis. Used by the Terms page, the term-trend embed.
import { seriesColors } from "./colors.js";
import { yearTrend } from "./year-trend.js";
import { GAP_NOTE, termSearchText, yearsText } from "./captions.js";
import { POOLS, per10k } from "./params.js";
import { termBySpeechRows, termCountsBySpeech } from "./term-by-speech.js";

export const KIND = "term-trend";

export const POOL_MEASURE = {
  pooled: "合并 pooled (Σ count / Σ chars)",
  mean: "讲话平均 mean of per-speech rates",
};

/**
 * A term's rate per year from termBySpeechRows: pooled Σcount/Σchars·10⁴ and/or the mean of
 * per-speech rates (absent = 0); speeches without a year are left out.
 */
export function termTrendRows(bySpeech, pools = POOLS) {
  const years = new Map();
  for (const d of bySpeech)
    if (d.year != null) years.set(d.year, [...(years.get(d.year) ?? []), d]);
  const rows = [];
  for (const [year, v] of years) {
    const chars = v.reduce((a, d) => a + d.han_chars, 0);
    const hits = v.reduce((a, d) => a + d.hits, 0);
    if (pools.includes("pooled"))
      rows.push({
        year,
        measure: POOL_MEASURE.pooled,
        value: per10k(hits, chars),
        speeches: v.length,
      });
    if (pools.includes("mean"))
      rows.push({
        year,
        measure: POOL_MEASURE.mean,
        value: v.reduce((a, d) => a + d.rate_per_10k, 0) / v.length,
        speeches: v.length,
      });
  }
  return rows.sort((a, b) => a.year - b.year || a.measure.localeCompare(b.measure));
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

/**
 * The chart's spec: {id, kind, title, caption, source, rows (exactly the rows drawn), columns
 * (CSV order), marks (CSS selector of the marks that stand for rows), draw(width), embed}.
 * @param parsed a successful parseChartParams(...) result for this kind
 * @param tables plain rows: {speeches, themes, themeScores, formulations, formulationHits, sections?, sentences?, speechTerms?, manifest}
 * @param context {id?, source, embed, norm} from chartSpec (src/charts/index.js)
 */
export function spec(parsed, tables, { id, source, embed, norm }) {
  const { kind, selected, normalisation } = parsed;
  const counts = termCountsBySpeech(parsed.search, tables);
  const bySpeech = termBySpeechRows(counts, selected);
  const { what, countNote } = termSearchText(parsed.search);
  const rows = termTrendRows(bySpeech, parsed.pools);
  const measures = parsed.pools.map((p) =>
    p === "pooled"
      ? "合并值 = Σ次数/Σ汉字×10⁴ pooled = Σcount/Σhan_chars·10⁴"
      : "讲话平均 = 各讲话每万字次数的平均（未出现计0）mean of per-speech rates (absent = 0)",
  );
  return {
    id: id ?? "term-trend",
    kind,
    title: `${what} · 各年份 by year, ${yearsText(rows)}`,
    caption: `${measures.join("；")}。年份不明的讲话不计入 speeches of unknown year left out; ${GAP_NOTE} ${countNote}.`,
    source,
    rows,
    columns: ["year", "measure", "value", "speeches"],
    marks: `g[aria-label="dot"] circle`,
    draw: (width) => termByYear(rows, { width }),
    embed,
  };
}
