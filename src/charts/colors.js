// One colour per theme, everywhere: dashboard pages, embeds, chart downloads and the report all
// colour a theme by its position in the WHOLE codebook (the themes table's row order), never by
// its position among the themes a chart happens to draw, so a filtered embed keeps the page's
// colours. Written out as hex (d3.schemeTableau10, then d3.schemeSet3) so this module needs no d3
// and runs unchanged in Node, in Framework pages and in the report's headless browser.

export const THEME_PALETTE = [
  "#4e79a7",
  "#f28e2c",
  "#e15759",
  "#76b7b2",
  "#59a14f",
  "#edc949",
  "#af7aa1",
  "#ff9da7",
  "#9c755f",
  "#bab0ab",
  "#8dd3c7",
  "#ffffb3",
  "#bebada",
  "#fb8072",
  "#80b1d3",
  "#fdb462",
  "#b3de69",
  "#fccde5",
  "#d9d9d9",
  "#bc80bd",
  "#ccebc5",
  "#ffed6f",
];

/** Neutral colour of anything that is not a codebook theme. */
export const OTHER_COLOR = "#888888";

/**
 * theme_id → colour for every theme of the codebook.
 * @param allThemes the whole themes table in its row order (codebook order), not a selection
 */
export function themeColors(allThemes) {
  return new Map(allThemes.map((t, i) => [t.theme_id, THEME_PALETTE[i % THEME_PALETTE.length]]));
}

/** The colour of one theme (by id), from the whole codebook; OTHER_COLOR for an unknown id. */
export function themeColor(themeId, allThemes) {
  return themeColors(allThemes).get(themeId) ?? OTHER_COLOR;
}

/** Colours of `themes` (a selection), aligned with it, by their place in `allThemes`. */
export function themeColorList(themes, allThemes) {
  const colorOf = themeColors(allThemes);
  return themes.map((t) => colorOf.get(t.theme_id) ?? OTHER_COLOR);
}

/**
 * Colours of series that are not themes (formulations, measures), by their order in the chart:
 * a different hue family from the themes' so a formulation line is never read as a theme.
 */
export const SERIES_PALETTE = [
  "#1b9e77",
  "#d95f02",
  "#7570b3",
  "#e7298a",
  "#66a61e",
  "#e6ab02",
  "#a6761d",
  "#666666",
];

export function seriesColors(names) {
  return new Map(names.map((n, i) => [n, SERIES_PALETTE[i % SERIES_PALETTE.length]]));
}
