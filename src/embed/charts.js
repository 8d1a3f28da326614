// Briefing charts as specs: validated parameters + tables → {id, title, caption, source, rows,
// columns, draw(width), embed}. Embed pages, dashboard pages and the report command all build a
// chart through here, so the title, the caption, the rows in the CSV and the marks drawn agree.
import { themeHeatmap } from "../components/themeHeatmap.js";
import { yearTrend } from "../charts/yearTrend.js";
import { strongestThemeIds, themeTrendChart } from "../charts/themeTrend.js";
import { themeBars } from "../components/themeBars.js";
import { outlineProfile } from "../components/outlineProfile.js";
import { termBySpeech, termByYear } from "../components/termTrend.js";
import { logOddsBars } from "../components/logOddsBars.js";
import { GENRE, LEVEL, label } from "../lib/labels.js";
import { seriesColors, themeColorList } from "../charts/colors.js";
import {
  ALL_THEMES,
  formulationTrendRows,
  logOddsScores,
  logOddsTop,
  outlineProfileRows,
  REST_PARAM,
  sourceLine,
  speechLabels,
  termBySpeechRows,
  termCountsBySpeech,
  termTrendRows,
  themeBarsRows,
  themeHeatmapRows,
  themeName,
  themeTrendRows,
} from "./series.js";

const NORMALISED = {
  rate: {
    zh: "每万汉字命中数",
    en: "hits per 10,000 Han characters",
    axis: "每万字命中 hits / 10k chars",
  },
  share: {
    zh: "占当年全部主题命中的比例",
    en: "share of all theme hits",
    axis: "占比 share of theme hits",
  },
};

/** Colours of `themes` by their position in the whole codebook (`allThemes`): src/charts/colors.js. */
const themeColorsOf = themeColorList;

/** What the by-year charts' dashed lines mean (src/charts/yearTrend.js). */
export const GAP_NOTE = "虚线跨过没有讲话的年份 a dashed line crosses years without speeches.";

const yearsText = (rows) => {
  const ys = [...new Set(rows.map((d) => d.year))].filter((y) => y != null).sort((a, b) => a - b);
  return ys.length ? (ys.length === 1 ? String(ys[0]) : `${ys[0]}–${ys[ys.length - 1]}`) : "—";
};

/**
 * @param parsed  a successful parseChartParams(...) result
 * @param tables  {speeches, themes, themeScores, formulations, formulationHits, manifest}
 * @param options {date?: data date override (SPEECH_ATLAS_DATA_DATE), id?: DOM id}
 */
export function chartSpec(parsed, tables, { date, id } = {}) {
  const { kind, selected, normalisation } = parsed;
  const source = sourceLine({
    manifest: tables.manifest,
    selected,
    allSpeeches: tables.speeches,
    date,
  });
  const embed = { chart: kind, params: parsed.params };
  const norm = NORMALISED[normalisation] ?? NORMALISED.rate;
  if (kind === "theme-heatmap") {
    const rows = themeHeatmapRows(tables.themeScores, selected, parsed.themes, { normalisation });
    const speechOrder = [...new Set(rows.map((d) => d.speech))];
    return {
      id: id ?? "theme-heatmap",
      kind,
      title: "主题热力图：讲话 × 主题 Theme heatmap: speech × theme",
      caption:
        normalisation === "share"
          ? `颜色：该主题占本篇全部主题命中的比例；数字：命中数。Colour: the theme's share of the speech's theme hits; number: hits. ${selected.length} speeches × ${parsed.themes.length} themes.`
          : `颜色：每万汉字主题命中数；数字：命中数。Colour: theme hits per 10,000 Han characters; number: hits. ${selected.length} speeches × ${parsed.themes.length} themes.`,
      source,
      rows,
      columns: [
        "speech_id",
        "speech",
        "year",
        "theme_id",
        "theme",
        "hits",
        "han_chars",
        "rate_per_10k",
        "share",
      ],
      marks: `g[aria-label="cell"] rect`,
      draw: (width) =>
        themeHeatmap(rows, {
          width,
          normalisation,
          caption: null,
          themeOrder: parsed.themes.map((t) => t.zh),
          speechOrder,
        }),
      embed,
    };
  }
  if (kind === "theme-trend") {
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
          format:
            normalisation === "share" ? (v) => `${(100 * v).toFixed(1)}%` : (v) => v.toFixed(1),
          shown,
          allThemes: tables.themes,
          label: (t) => t.zh,
          layout: parsed.layout,
        }),
      embed,
    };
  }
  if (kind === "formulation-trend") {
    const rows = formulationTrendRows(tables.formulationHits, selected, parsed.formulations);
    const terms = parsed.formulations.map((f) => f.canonical);
    return {
      id: id ?? "formulation-trend",
      kind,
      title: `提法趋势 Formulation trend: ${terms.join("、") || "—"}`,
      caption: `每年所选讲话中每万汉字的提法命中数（含变体）。Matches per 10,000 Han characters of each year's selected speeches, variants included. Speeches without a year are left out; ${GAP_NOTE}`,
      source,
      rows,
      columns: ["year", "formulation_id", "term", "speeches", "hits", "han_chars", "rate_per_10k"],
      marks: `g[aria-label="dot"] circle`,
      draw: (width) =>
        yearTrend(
          rows.map((d) => ({ ...d, series: d.term })),
          { width, yLabel: NORMALISED.rate.axis, colors: seriesColors(terms) },
        ),
      embed,
    };
  }
  if (kind === "theme-bars") {
    const rows = themeBarsRows(tables.themeScores, selected, parsed.themes);
    const metric = normalisation === "share" ? "share" : "rate_per_10k";
    const themeOrder = parsed.themes.map(themeName);
    const colors = themeColorsOf(parsed.themes, tables.themes);
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
  if (kind === "outline-profile") {
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
          colors: themeColorsOf(parsed.themes, tables.themes),
        }),
      embed,
    };
  }
  if (kind === "term-by-speech" || kind === "term-trend") {
    const counts = termCountsBySpeech(parsed.search, tables);
    const bySpeech = termBySpeechRows(counts, selected);
    const isFormulation = parsed.search.kind === "formulation";
    const what = isFormulation
      ? `提法 ${parsed.search.formulation.canonical}`
      : `“${parsed.search.term}”`;
    const countNote = isFormulation
      ? "计数：管线的提法匹配（含各表述） counts: the pipeline's formulation matches, all variants"
      : "计数：句子中的字符串出现次数 counts: literal occurrences in the sentences";
    if (kind === "term-by-speech") {
      return {
        id: id ?? "term-by-speech",
        kind,
        title: `${what} · 各讲话 by speech`,
        caption: `每万汉字出现次数，数字为次数 occurrences per 10k Han characters, labels are counts. ${countNote}.`,
        source,
        rows: bySpeech,
        columns: ["speech_id", "name", "year", "han_chars", "hits", "rate_per_10k"],
        marks: `g[aria-label="bar"] rect`,
        draw: (width) =>
          termBySpeech(bySpeech, { width, speechOrder: bySpeech.map((d) => d.name) }),
        embed,
      };
    }
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
  if (kind === "log-odds") {
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
  throw new Error(`unknown chart kind ${kind}`);
}
