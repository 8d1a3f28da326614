// Theme bars: stacked bars, one per speech, each theme's rate per 10k Han characters (stacks sum
// to the speech's coded rate) or its share of the speech's coded hits (stacks sum to 1), with an
// SVG legend. Each segment links to the speech's reader page. Used by the Themes page, the
// theme-bars embed and the report.
import * as Plot from "npm:@observablehq/plot";
import { chartStack, swatchLegend } from "./legend.js";
import { speechAxis, tickTitles } from "./speech-axis.js";
import { themeColorList } from "./colors.js";
import { fullTitle, readerLink, speechLabels, themeName } from "./params.js";

export const KIND = "theme-bars";

/**
 * Theme bars rows, one per (selected speech, theme), whole-speech scores: the Themes page's
 * "emphasis across speeches". Rates stack to the speech's coded rate, shares to 1.
 */
export function themeBarsRows(scores, selected, themes) {
  const label = speechLabels(selected);
  const themeOf = new Map(themes.map((t) => [t.theme_id, t]));
  const order = new Map(selected.map((s, i) => [s.speech_id, i]));
  const themeOrder = new Map(themes.map((t, i) => [t.theme_id, i]));
  return scores
    .filter((d) => d.section_id === "_all" && order.has(d.speech_id) && themeOf.has(d.theme_id))
    .map((d) => ({
      speech_id: d.speech_id,
      name: label.get(d.speech_id),
      title: fullTitle(selected[order.get(d.speech_id)]),
      theme_id: d.theme_id,
      theme: themeName(themeOf.get(d.theme_id)),
      hits: d.hits,
      han_chars: d.han_chars,
      rate_per_10k: d.rate_per_10k,
      share: d.share,
      href: readerLink(d.speech_id),
    }))
    .sort(
      (a, b) =>
        order.get(a.speech_id) - order.get(b.speech_id) ||
        themeOrder.get(a.theme_id) - themeOrder.get(b.theme_id),
    );
}

/**
 * @param data rows {speech_id, name, theme_id, theme, hits, rate_per_10k, share, href}
 * @param options {width, metric: "rate_per_10k"|"share", themeOrder: string[] (theme labels),
 *   speechOrder: string[] (names), colors: string[] (aligned with themeOrder)}
 */
export function themeBars(
  data,
  { width, metric = "rate_per_10k", themeOrder, speechOrder, colors } = {},
) {
  const share = metric === "share";
  const axis = speechAxis(speechOrder, width);
  const titleOf = new Map(data.map((d) => [d.name, d.title ?? d.name]));
  const plot = Plot.plot({
    width,
    height: 40 + 28 * speechOrder.length,
    marginLeft: axis.marginLeft,
    marginRight: 20,
    x: {
      label: share
        ? "占编码命中的比例 share of coded hits →"
        : "每万汉字命中 hits per 10k Han characters →",
      percent: share,
      grid: true,
    },
    y: axis.y,
    color: { domain: themeOrder, range: colors },
    marks: [
      Plot.barX(data, {
        x: metric,
        y: "name",
        fill: "theme",
        order: themeOrder,
        href: "href",
        title: (d) =>
          `${titleOf.get(d.name)}\n${d.theme}\n命中 hits: ${d.hits}\n每万字 per 10k: ${d.rate_per_10k.toFixed(1)}\n比例 share: ${(100 * d.share).toFixed(1)}%`,
        inset: 0.5,
      }),
      Plot.ruleX([0]),
    ],
  });
  // The legend as SVG (Plot's swatches are HTML, which downloads would lose).
  const legend = swatchLegend(
    themeOrder.map((label, i) => ({ label, color: colors[i] })),
    { width },
  );
  return chartStack(
    legend,
    tickTitles(plot, speechOrder, (name) => titleOf.get(name)),
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
  const rows = themeBarsRows(tables.themeScores, selected, parsed.themes);
  const metric = normalisation === "share" ? "share" : "rate_per_10k";
  const themeOrder = parsed.themes.map(themeName);
  const colors = themeColorList(parsed.themes, tables.themes);
  const speechOrder = [...new Set(rows.map((d) => d.name))];
  return {
    id: id ?? "theme-bars",
    kind,
    title: "各讲话的主题侧重 Theme emphasis by speech",
    caption:
      normalisation === "share"
        ? `条形长度：占该讲话全部编码命中的比例。Bar length: share of the speech's coded hits. ${selected.length} speeches × ${parsed.themes.length} themes.`
        : `条形长度：每万汉字命中数。Bar length: hits per 10,000 Han characters. ${selected.length} speeches × ${parsed.themes.length} themes.`,
    source,
    rows,
    columns: [
      "speech_id",
      "name",
      "theme_id",
      "theme",
      "hits",
      "han_chars",
      "rate_per_10k",
      "share",
    ],
    marks: `g[aria-label="bar"] rect`,
    draw: (width) => themeBars(rows, { width, metric, themeOrder, speechOrder, colors }),
    embed,
  };
}
