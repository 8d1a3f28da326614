// Theme trend: each theme's emphasis by year, coloured by src/charts/colors.js. By default the
// five strongest themes of the selection (ten lines tangle); all of them on request (theme=all);
// one plot of lines or small multiples (layout=multiples). Used by the Themes page, the
// theme-trend embed and the report.
import { themeColors } from "./colors.js";
import { yearTrend } from "./year-trend.js";
import { GAP_NOTE, yearsText } from "./captions.js";
import { ALL_THEMES, per10k, yearTotals } from "./params.js";

export const KIND = "theme-trend";

/**
 * Theme trend rows, one per (year, theme): hits pooled over the year's selected speeches, divided
 * by their pooled Han characters (rate) or by all theme hits of that year (share). Pooling, not
 * averaging speech rates, so a short speech does not weigh as much as a long one.
 */
export function themeTrendRows(
  scores,
  selected,
  themes,
  { normalisation = "rate", pool = "pooled" } = {},
) {
  const totals = yearTotals(selected);
  const yearOf = new Map(selected.map((s) => [s.speech_id, s.year]));
  const hits = new Map();
  const allHits = new Map();
  // For pool "mean": Σ of per-speech rates and shares (a speech without a row counts as 0).
  const rateSum = new Map();
  const shareSum = new Map();
  const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);
  for (const d of scores) {
    if (d.section_id !== "_all" || !yearOf.has(d.speech_id)) continue;
    const y = yearOf.get(d.speech_id);
    if (y == null) continue;
    add(hits, `${y}\t${d.theme_id}`, d.hits);
    add(allHits, y, d.hits);
    add(rateSum, `${y}\t${d.theme_id}`, d.rate_per_10k);
    add(shareSum, `${y}\t${d.theme_id}`, d.share);
  }
  const rows = [];
  for (const [year, t] of totals) {
    for (const theme of themes) {
      const key = `${year}\t${theme.theme_id}`;
      const h = hits.get(key) ?? 0;
      const all = allHits.get(year) ?? 0;
      const rate = pool === "mean" ? (rateSum.get(key) ?? 0) / t.speeches : per10k(h, t.han_chars);
      const share = pool === "mean" ? (shareSum.get(key) ?? 0) / t.speeches : all > 0 ? h / all : 0;
      rows.push({
        year,
        theme_id: theme.theme_id,
        theme: theme.zh,
        speeches: t.speeches,
        hits: h,
        han_chars: t.han_chars,
        rate_per_10k: rate,
        share,
        value: normalisation === "share" ? share : rate,
      });
    }
  }
  return rows;
}

/** How many themes a theme trend shows unless told otherwise. */
export const DEFAULT_THEMES = 5;

/**
 * Ids of the `k` strongest themes over all the rows: most hits in the selection, which is the
 * same order as the pooled rate Σhits/Σchars (every theme shares the denominator); ties in
 * codebook order. Themes without a hit are never "strongest".
 * @param rows [{theme_id, hits}] (any grain: year × theme, speech × theme …)
 * @param allThemes the codebook's themes in order
 */
export function strongestThemeIds(rows, allThemes, k = DEFAULT_THEMES) {
  const hits = new Map();
  for (const r of rows) hits.set(r.theme_id, (hits.get(r.theme_id) ?? 0) + (r.hits ?? 0));
  return allThemes
    .map((t, i) => ({ id: t.theme_id, n: hits.get(t.theme_id) ?? 0, i }))
    .filter((d) => d.n > 0)
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .slice(0, k)
    .map((d) => d.id);
}

/**
 * Draws the trend of `shown` themes.
 * @param rows [{year, theme_id, theme (label), value, hits?, speeches?}]
 * @param options {width, yLabel, percent?, format?, shown: theme rows in codebook order,
 *   allThemes, label: theme → its display label, layout?: "lines" | "multiples"}
 */
export function themeTrendChart(
  rows,
  { width, yLabel, percent, format, shown, allThemes, label, layout = "lines" },
) {
  const colorOf = themeColors(allThemes);
  const ids = new Set(shown.map((t) => t.theme_id));
  const order = shown.map(label);
  const colors = new Map(shown.map((t) => [label(t), colorOf.get(t.theme_id)]));
  return yearTrend(
    rows.filter((d) => ids.has(d.theme_id)).map((d) => ({ ...d, series: d.theme })),
    { width, yLabel, percent, format, order, colors, layout },
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
  const pool = parsed.pools?.[0] ?? "pooled";
  const all = themeTrendRows(tables.themeScores, selected, parsed.themes, {
    normalisation,
    pool,
  });
  // Unless themes were named: the five strongest of the selection; theme=all: every theme.
  const strongest = new Set(strongestThemeIds(all, parsed.themes));
  const shown =
    parsed.themesDefault && parsed.params.theme !== ALL_THEMES
      ? parsed.themes.filter((t) => strongest.has(t.theme_id))
      : parsed.themes;
  const ids = new Set(shown.map((t) => t.theme_id));
  const rows = all.filter((d) => ids.has(d.theme_id));
  const which =
    shown.length < parsed.themes.length && parsed.themesDefault
      ? `命中最多的 ${shown.length} 个主题 the ${shown.length} strongest themes of ${parsed.themes.length}`
      : `${shown.length} 个主题 themes`;
  const perSpeech =
    normalisation === "share"
      ? "各讲话主题比例的平均 mean of per-speech shares"
      : "各讲话每万汉字命中数的平均 mean of per-speech rates per 10,000 Han characters";
  return {
    id: id ?? "theme-trend",
    kind,
    title: `主题趋势 Theme trend, ${yearsText(rows)}`,
    caption:
      (pool === "mean"
        ? `每年所选讲话的平均（每篇同权）：${perSpeech}。Mean over each year's selected speeches, every speech weighs the same. `
        : `每年所选讲话合并计算：${norm.zh}。Pooled over each year's selected speeches: ${norm.en}. `) +
      `${which}; 年份不明的讲话不计入 speeches without a year are left out; ${GAP_NOTE}`,
    source,
    rows,
    columns: [
      "year",
      "theme_id",
      "theme",
      "speeches",
      "hits",
      "han_chars",
      "rate_per_10k",
      "share",
    ],
    marks: `g[aria-label="dot"] circle`,
    draw: (width) =>
      themeTrendChart(rows, {
        width,
        yLabel: pool === "mean" ? `讲话平均 mean · ${norm.axis}` : norm.axis,
        percent: normalisation === "share",
        format: normalisation === "share" ? (v) => `${(100 * v).toFixed(1)}%` : (v) => v.toFixed(1),
        shown,
        allThemes: tables.themes,
        label: (t) => t.zh,
        layout: parsed.layout,
      }),
    embed,
  };
}
