// Caption text shared by chart kinds, so every chart words the same measure the same way.

export const NORMALISED = {
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

/** What the by-year charts' dashed lines mean (src/charts/year-trend.js). */
export const GAP_NOTE = "虚线跨过没有讲话的年份 a dashed line crosses years without speeches.";

/** "1954–2022" (or one year, or "—") for a title, from rows with a `year`. */
export function yearsText(rows) {
  const ys = [...new Set(rows.map((d) => d.year))].filter((y) => y != null).sort((a, b) => a - b);
  return ys.length ? (ys.length === 1 ? String(ys[0]) : `${ys[0]}–${ys[ys.length - 1]}`) : "—";
}

/** What a term search counts, for titles and captions of the term charts. */
export function termSearchText(search) {
  const isFormulation = search.kind === "formulation";
  return {
    what: isFormulation ? `提法 ${search.formulation.canonical}` : `“${search.term}”`,
    countNote: isFormulation
      ? "计数：管线的提法匹配（含各表述） counts: the pipeline's formulation matches, all variants"
      : "计数：句子中的字符串出现次数 counts: literal occurrences in the sentences",
  };
}
