// Formulation trend: matches per 10,000 Han characters by year, one line per formulation.
// Used by the formulation-trend embed and the report.
import { seriesColors } from "./colors.js";
import { yearTrend } from "./year-trend.js";
import { GAP_NOTE, NORMALISED } from "./captions.js";
import { per10k, yearTotals } from "./params.js";

export const KIND = "formulation-trend";

/** Formulation trend rows, one per (year, formulation): matches per 10k Han characters of that year's selected speeches. */
export function formulationTrendRows(formulationHits, selected, formulations) {
  const totals = yearTotals(selected);
  const yearOf = new Map(selected.map((s) => [s.speech_id, s.year]));
  const wanted = new Set(formulations.map((f) => f.formulation_id));
  const hits = new Map();
  for (const h of formulationHits) {
    const y = yearOf.get(h.speech_id);
    if (y == null || !wanted.has(h.formulation_id)) continue;
    hits.set(`${y}\t${h.formulation_id}`, (hits.get(`${y}\t${h.formulation_id}`) ?? 0) + 1);
  }
  const rows = [];
  for (const [year, t] of totals) {
    for (const f of formulations) {
      const n = hits.get(`${year}\t${f.formulation_id}`) ?? 0;
      const rate = per10k(n, t.han_chars);
      rows.push({
        year,
        formulation_id: f.formulation_id,
        term: f.canonical,
        speeches: t.speeches,
        hits: n,
        han_chars: t.han_chars,
        rate_per_10k: rate,
        value: rate,
      });
    }
  }
  return rows;
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
