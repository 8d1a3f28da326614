// Speeches by group for large corpora. Above GROUP_THRESHOLD speeches a chart with one row per
// speech is unreadable and slow to draw (10,000 heatmap rows take seconds): the Overview heatmap
// and the Themes bars then draw one row per group (year × level) from theme_groups.json, with the
// group's speech count, and each group links to the Overview filtered to it, where its speeches
// are listed and drawn one by one. Plain JS, no imports: runs in the browser and in Node tests.

/** Selections larger than this are drawn by group. */
export const GROUP_THRESHOLD = 400;

/** Display order of levels (the codebook's order, as in labels.js), unknown values after. */
const LEVEL_ORDER = ["central", "province", "city", "prefecture", "county", "district", "unknown"];
const levelRank = (v) => {
  const i = LEVEL_ORDER.indexOf(v);
  return i < 0 ? LEVEL_ORDER.length : i;
};

/** Byte-order comparison (as SQL ORDER BY); nulls last. */
export const cmp = (a, b) =>
  a == null ? (b == null ? 0 : 1) : b == null ? -1 : a < b ? -1 : a > b ? 1 : 0;

/** theme_groups.json → rows {year, level, genre, theme_id, speeches, hits, han_chars, sum_rate, sum_share, n_share}. */
export function unpackGroups({ columns, rows }) {
  return rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]])));
}

/** The additive fields of a theme_groups row (what pooled and mean values are computed from). */
export const SUM_FIELDS = ["speeches", "hits", "han_chars", "sum_rate", "sum_share", "n_share"];

/** Zero sums: {speeches, hits, han_chars, sum_rate, sum_share, n_share}. */
export function emptySums() {
  return Object.fromEntries(SUM_FIELDS.map((k) => [k, 0]));
}

/** Adds the sums of `g` into `t` (returned). */
export function addSums(t, g) {
  for (const k of SUM_FIELDS) t[k] += g[k];
  return t;
}

/** Rows of the groups that pass the Overview filters (null = any value). */
export function filterGroups(groups, { year = null, level = null, genre = null } = {}) {
  return groups.filter(
    (g) =>
      (year == null || g.year === year) &&
      (level == null || g.level === level) &&
      (genre == null || g.genre === genre),
  );
}

/**
 * One row per (year × level group, theme): pooled rate Σhits/Σhan_chars·10⁴, pooled share
 * Σhits/Σ(hits of all themes), mean of per-speech rates and shares; `speeches` in the group.
 * `groups` are theme_groups rows (already filtered). Ordered by year (unknown last), level, theme
 * order given by `themes` (theme ids).
 */
export function groupThemeRows(groups, themes) {
  const byKey = new Map();
  for (const g of groups) {
    const key = JSON.stringify([g.year, g.level]);
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = { year: g.year, level: g.level, themes: new Map() }));
    const t = addSums(entry.themes.get(g.theme_id) ?? emptySums(), g);
    entry.themes.set(g.theme_id, t);
  }
  const entries = [...byKey.values()].sort(
    (a, b) =>
      cmp(a.year, b.year) || levelRank(a.level) - levelRank(b.level) || cmp(a.level, b.level),
  );
  const rows = [];
  for (const e of entries) {
    const coded = [...e.themes.values()].reduce((n, t) => n + t.hits, 0);
    // Every speech has a whole-speech row per theme: the largest count is the group's size.
    const speeches = Math.max(...[...e.themes.values()].map((t) => t.speeches));
    for (const theme_id of themes) {
      const t = e.themes.get(theme_id);
      if (!t) continue;
      rows.push({
        year: e.year,
        level: e.level,
        speeches,
        theme_id,
        hits: t.hits,
        han_chars: t.han_chars,
        rate_per_10k: t.han_chars > 0 ? (t.hits / t.han_chars) * 1e4 : 0,
        share: coded > 0 ? t.hits / coded : 0,
        mean_rate: t.speeches ? t.sum_rate / t.speeches : 0,
        mean_share: t.n_share ? t.sum_share / t.n_share : null,
      });
    }
  }
  return rows;
}

/**
 * Year × theme rows of the Themes trend, as its SQL computed them from whole-speech rows:
 * pooled rate Σhits/Σhan_chars·10⁴, mean of per-speech rates, pooled share Σhits/Σ(coded hits of
 * the year), mean of per-speech shares. Speeches of unknown year are left out.
 */
export function yearThemeRows(groups) {
  const known = groups.filter((g) => g.year != null);
  const byYear = new Map();
  for (const g of known) {
    let y = byYear.get(g.year);
    if (!y) byYear.set(g.year, (y = { coded: 0, themes: new Map() }));
    y.coded += g.hits;
    const t = addSums(y.themes.get(g.theme_id) ?? emptySums(), g);
    y.themes.set(g.theme_id, t);
  }
  const rows = [];
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const y = byYear.get(year);
    for (const theme_id of [...y.themes.keys()].sort(cmp)) {
      const t = y.themes.get(theme_id);
      rows.push({
        year,
        theme_id,
        speeches: t.speeches,
        hits: t.hits,
        pooled_rate: (t.hits / t.han_chars) * 1e4,
        mean_rate: t.sum_rate / t.speeches,
        pooled_share: y.coded > 0 ? t.hits / y.coded : 0,
        mean_share: t.n_share ? t.sum_share / t.n_share : null,
      });
    }
  }
  return rows;
}

/** Overview URL filtered to one group (the drill-down of a group row), relative to the root. */
export function groupHref({ year, level }, prefix = "") {
  const params = new URLSearchParams();
  params.set("year", year == null ? "unknown" : String(year));
  if (level != null) params.set("level", level);
  return `${prefix}index.html?${params}#theme-heatmap-card`;
}
