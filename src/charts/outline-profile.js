// Outline profile: one speech along its outline, a row per leaf section in reading order, stacked
// by theme (rate per 10k Han characters or share of the section's coded hits); the section's
// dominant theme is written at the bar's end; each bar links to the reader at that section.
// Used by the Themes page, the outline-profile embed and the report.
import * as Plot from "npm:@observablehq/plot";
import { chartStack, swatchLegend } from "./legend.js";
import { fitLabel, labelMargin, tickTitles } from "./speech-axis.js";
import { themeColorList } from "./colors.js";
import { readerLink, speechLabels, themeName } from "./params.js";

export const KIND = "outline-profile";

const SECTION_KIND = { preamble: "开头 preamble", closing: "结尾 closing", intro: "导语 intro" };

/**
 * One speech along its outline: its leaf sections in reading order (`seq`), labelled
 * "<section_id> <heading>" (an intro leaf borrows its parent's heading), and its section × theme
 * scores. Returns {leaves: [{section_id, label}], rows, dominant} where `dominant` are the rows of
 * each leaf's dominant theme with at least one hit. Used by the Themes page and the embed alike.
 */
export function outlineProfileRows(sections, scores, speechId, themes, { href = readerLink } = {}) {
  const own = sections.filter((s) => s.speech_id === speechId);
  const byId = new Map(own.map((s) => [s.section_id, s]));
  const leaves = own
    .filter((s) => s.is_leaf === true || s.is_leaf === 1 || s.is_leaf === "true")
    .sort((a, b) => a.seq - b.seq)
    .map((l) => {
      const heading = l.heading ?? byId.get(l.parent_id)?.heading ?? null;
      return {
        section_id: l.section_id,
        label: `${l.section_id} ${heading ?? SECTION_KIND[l.kind] ?? ""}`.trim(),
      };
    });
  const labelOf = new Map(leaves.map((l) => [l.section_id, l.label]));
  const leafOrder = new Map(leaves.map((l, i) => [l.section_id, i]));
  const themeOf = new Map(themes.map((t) => [t.theme_id, t]));
  const themeOrder = new Map(themes.map((t, i) => [t.theme_id, i]));
  const rows = scores
    .filter((d) => d.speech_id === speechId && labelOf.has(d.section_id) && themeOf.has(d.theme_id))
    .map((d) => ({
      speech_id: speechId,
      section_id: d.section_id,
      label: labelOf.get(d.section_id),
      theme_id: d.theme_id,
      theme: themeName(themeOf.get(d.theme_id)),
      hits: d.hits,
      han_chars: d.han_chars,
      rate_per_10k: d.rate_per_10k,
      share: d.share,
      dominant: d.dominant === true || d.dominant === 1 || d.dominant === "true",
      href: href(speechId, { section: d.section_id }),
    }))
    .sort(
      (a, b) =>
        leafOrder.get(a.section_id) - leafOrder.get(b.section_id) ||
        themeOrder.get(a.theme_id) - themeOrder.get(b.theme_id),
    );
  return { leaves, rows, dominant: rows.filter((d) => d.dominant && d.hits > 0) };
}

/**
 * @param data rows {section_id, label, theme, hits, rate_per_10k, share, href} (leaf × theme)
 * @param dominant rows {label, theme, href} (one per leaf with coded hits)
 * @param options {width, metric, sectionOrder: string[] (labels), themeOrder, colors}
 */
export function outlineProfile(
  data,
  dominant,
  { width, metric = "share", sectionOrder, themeOrder, colors } = {},
) {
  const share = metric === "share";
  const marginLeft = labelMargin(sectionOrder, width, { share: 0.38 });
  const plot = Plot.plot({
    width,
    height: 50 + 24 * sectionOrder.length,
    marginLeft,
    marginRight: 150,
    x: {
      label: share
        ? "段内编码命中比例 share of the section's coded hits →"
        : "每万汉字命中 hits per 10k Han characters →",
      percent: share,
      grid: true,
    },
    y: {
      domain: sectionOrder,
      label: null,
      tickFormat: (s) => fitLabel(s, marginLeft - 12),
    },
    color: { domain: themeOrder, range: colors },
    marks: [
      Plot.barX(data, {
        x: metric,
        y: "label",
        fill: "theme",
        order: themeOrder,
        href: "href",
        inset: 0.5,
        title: (d) =>
          `${d.label}\n${d.theme}\n命中 hits: ${d.hits}\n每万字 per 10k: ${d.rate_per_10k.toFixed(1)}\n比例 share: ${(100 * d.share).toFixed(1)}%`,
      }),
      Plot.text(dominant, {
        y: "label",
        frameAnchor: "right",
        dx: 145,
        textAnchor: "end",
        text: (d) => `▶ ${d.theme.split(" ")[0]}`,
        fill: "currentColor",
        href: "href",
      }),
      Plot.ruleX([0]),
    ],
  });
  const legend = swatchLegend(
    themeOrder.map((label, i) => ({ label, color: colors[i] })),
    { width },
  );
  return chartStack(legend, tickTitles(plot, sectionOrder));
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
  const { leaves, rows, dominant } = outlineProfileRows(
    tables.sections ?? [],
    tables.themeScores,
    parsed.speech.speech_id,
    parsed.themes,
  );
  const metric = normalisation === "share" ? "share" : "rate_per_10k";
  const name = speechLabels([parsed.speech], 40).get(parsed.speech.speech_id);
  return {
    id: id ?? "outline-profile",
    kind,
    title: `沿提纲的主题走向 Themes along the outline: ${name}`,
    caption: `每行一个叶节点段落，按阅读顺序；▶ 为该段主导主题（命中最多，平局按编码表顺序）。One row per leaf section in reading order; ▶ the section's dominant theme (most hits, ties by codebook order). 条形 bars: ${normalisation === "share" ? "段内编码命中比例 share of the section's coded hits" : norm.zh + " " + norm.en}.`,
    source,
    rows,
    columns: [
      "speech_id",
      "section_id",
      "label",
      "theme_id",
      "theme",
      "hits",
      "han_chars",
      "rate_per_10k",
      "share",
      "dominant",
    ],
    marks: `g[aria-label="bar"] rect`,
    draw: (width) =>
      outlineProfile(rows, dominant, {
        width,
        metric,
        sectionOrder: leaves.map((l) => l.label),
        themeOrder: parsed.themes.map(themeName),
        colors: themeColorList(parsed.themes, tables.themes),
      }),
    embed,
  };
}
