// The theme trend: each theme's emphasis by year, coloured by src/charts/colors.js. By default the
// five strongest themes of the selection (ten lines tangle); all of them on request; one plot of
// lines or small multiples. Used by the Themes page, the theme-trend embed and the report.
import { themeColors } from "./colors.js";
import { yearTrend } from "./yearTrend.js";

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
