// A term's or formulation's use by speech: bars of occurrences per 10k Han characters, each
// linking to the reader, labelled `year · short title` with the full title on hover. Used by the
// Terms page, the term-by-speech embed (and, through its rows, the term-trend chart).
import * as Plot from "npm:@observablehq/plot";
import { speechAxis, tickTitles } from "./speech-axis.js";
import { termSearchText } from "./captions.js";
import { fullTitle, per10k, readerLink, speechLabels } from "./params.js";

export const KIND = "term-by-speech";

/**
 * Occurrences per speech of one search (resolveSearch): a formulation counts the pipeline's
 * matches (all variants); a literal string counts non-overlapping occurrences in the sentences,
 * as the Terms page does.
 */
export function termCountsBySpeech(search, { formulationHits = [], sentences = [] }) {
  const counts = new Map();
  const add = (id, n) => counts.set(id, (counts.get(id) ?? 0) + n);
  if (search.kind === "formulation") {
    for (const h of formulationHits)
      if (h.formulation_id === search.formulation.formulation_id) add(h.speech_id, 1);
  } else if (search.kind === "term" && search.term) {
    const t = search.term;
    for (const s of sentences) {
      const text = String(s.text ?? "");
      let n = 0;
      for (let i = text.indexOf(t); i >= 0; i = text.indexOf(t, i + t.length)) n++;
      if (n) add(s.speech_id, n);
    }
  }
  return counts;
}

/** One row per selected speech: occurrences and occurrences per 10k Han characters. */
export function termBySpeechRows(counts, selected) {
  const label = speechLabels(selected);
  return selected.map((s) => {
    const hits = counts.get(s.speech_id) ?? 0;
    return {
      speech_id: s.speech_id,
      name: label.get(s.speech_id),
      title: fullTitle(s),
      year: s.year ?? null,
      han_chars: s.han_chars,
      hits,
      rate_per_10k: per10k(hits, s.han_chars),
      href: readerLink(s.speech_id),
    };
  });
}

/**
 * @param data rows {name, speech_id, hits, han_chars, rate_per_10k, href, title?}; one per speech
 *   (`name` is "year · short title", `title` the full title shown on hover)
 */
export function termBySpeech(data, { width, speechOrder } = {}) {
  const axis = speechAxis(speechOrder, width);
  const titleOf = new Map(data.map((d) => [d.name, d.title ?? d.name]));
  const svg = Plot.plot({
    width,
    height: 60 + 26 * speechOrder.length,
    marginLeft: axis.marginLeft,
    marginRight: 60,
    x: { label: "每万汉字出现次数 occurrences per 10k Han characters →", grid: true },
    y: axis.y,
    marks: [
      Plot.barX(data, {
        x: "rate_per_10k",
        y: "name",
        fill: "steelblue",
        href: "href",
        title: (d) =>
          `${titleOf.get(d.name)}\n次数 count: ${d.hits}\n每万字 per 10k: ${d.rate_per_10k.toFixed(2)}`,
      }),
      Plot.text(data, {
        x: "rate_per_10k",
        y: "name",
        text: (d) => String(d.hits),
        dx: 4,
        textAnchor: "start",
      }),
      Plot.ruleX([0]),
    ],
  });
  return tickTitles(svg, speechOrder, (name) => titleOf.get(name));
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
  return {
    id: id ?? "term-by-speech",
    kind,
    title: `${what} · 各讲话 by speech`,
    caption: `每万汉字出现次数，数字为次数 occurrences per 10k Han characters, labels are counts. ${countNote}.`,
    source,
    rows: bySpeech,
    columns: ["speech_id", "name", "year", "han_chars", "hits", "rate_per_10k"],
    marks: `g[aria-label="bar"] rect`,
    draw: (width) => termBySpeech(bySpeech, { width, speechOrder: bySpeech.map((d) => d.name) }),
    embed,
  };
}
