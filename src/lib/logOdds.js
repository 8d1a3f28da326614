// Weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008) from
// precomputed counts, for the Terms page: the corpus total of every term (the prior) and the term
// counts of group A and group B, instead of every speech × term row. Same formula, prior and order
// as logOddsScores below and data-loaders/language/logodds.ts:
//   δ_w = ln((y_Aw+α_w)/(n_A+α0−y_Aw−α_w)) − ln((y_Bw+α_w)/(n_B+α0−y_Bw−α_w))
//   σ²_w ≈ 1/(y_Aw+α_w) + 1/(y_Bw+α_w),   z_w = δ_w/σ_w   (> 0: A uses w more than B)
// α_w = corpus count of w, α0 = corpus token total. Terms absent from both groups are dropped.
import { REST_PARAM, groupValue } from "../charts/params.js";

/**
 * @param corpus {terms: string[], counts: number[]} every term of the corpus with its count
 * @param a Map term → count of group A
 * @param b Map term → count of group B, or null for "all the rest": corpus − A − `outside`
 * @param outside Map term → count of speeches in no group (e.g. level unknown), only for b = null
 * @returns rows {term, ya, yb, na, nb, alpha_w, alpha0, delta, variance, z}, z descending, then term
 */
export function logOddsFromCounts(corpus, a, b, outside = new Map()) {
  const { terms, counts } = corpus;
  let alpha0 = 0;
  for (const c of counts) alpha0 += c;
  const yb = (term, prior) =>
    b ? (b.get(term) ?? 0) : prior - (a.get(term) ?? 0) - (outside.get(term) ?? 0);
  let na = 0,
    nb = 0;
  const counted = [];
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i];
    const prior = counts[i];
    const ya = a.get(term) ?? 0;
    const y = yb(term, prior);
    na += ya;
    nb += y;
    counted.push({ term, ya, yb: y, prior });
  }
  return scoreLogOdds(counted, { na, nb, alpha0 });
}

/**
 * z-scores of per-term counts ({term, ya, yb, prior}) given the group totals and α0: rows
 * {term, ya, yb, na, nb, alpha_w, alpha0, delta, variance, z} for terms present in A or B,
 * z descending, then term. The one place the formula above is computed in the browser.
 */
export function scoreLogOdds(counted, { na, nb, alpha0 }) {
  const rows = [];
  for (const { term, ya, yb, prior } of counted) {
    if (ya + yb <= 0) continue;
    const delta =
      Math.log((ya + prior) / (na + alpha0 - ya - prior)) -
      Math.log((yb + prior) / (nb + alpha0 - yb - prior));
    const variance = 1 / (ya + prior) + 1 / (yb + prior);
    rows.push({
      term,
      ya,
      yb,
      na,
      nb,
      alpha_w: prior,
      alpha0,
      delta,
      variance,
      z: delta / Math.sqrt(variance),
    });
  }
  return rows.sort((x, y) => y.z - x.z || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
}

/** Group file (logodds/<kind>.json) member → Map term → count, for one group value. */
export function groupCounts(file, corpus, value) {
  const pairs = file.groups[value] ?? [];
  return new Map(pairs.map(([i, c]) => [corpus.terms[i], c]));
}

/**
 * A speech's entry in a speech-terms shard ([term index gaps, counts], src/data/speech-terms.zip.ts)
 * → Map term → count; undefined (a speech without terms) → an empty Map.
 */
export function speechCounts(entry, corpus) {
  const counts = new Map();
  if (!entry) return counts;
  const [gaps, values] = entry;
  let t = 0;
  for (let k = 0; k < gaps.length; k++) {
    t += gaps[k];
    counts.set(corpus.terms[t], values[k]);
  }
  return counts;
}

/** Key of a group value in the group files: null (a speech in no group) is "_null". */
export const groupKey = (value) => (value == null ? "_null" : String(value));

/**
 * Weighted log-odds with an informative Dirichlet prior over speech × term counts: the same
 * formula, prior (whole corpus) and order (z descending, then term) as data-loaders/sql/log-odds.sql and
 * logOddsFromCounts above, so an embed draws what the Terms page computes. b = REST_PARAM: all other speeches
 * (speeches outside every group, e.g. level null, are in neither group, as in the SQL).
 */
export function logOddsScores(speechTerms, speeches, { kind, a, b }) {
  const groupOf = new Map(speeches.map((s) => [s.speech_id, groupValue(kind, s)]));
  const perTerm = new Map();
  for (const d of speechTerms) {
    if (!groupOf.has(d.speech_id)) continue;
    const g = groupOf.get(d.speech_id);
    const t = perTerm.get(d.term) ?? { prior: 0, ya: 0, yb: 0 };
    t.prior += d.count;
    if (g != null && g === a) t.ya += d.count;
    if (g != null && (b === REST_PARAM ? g !== a : g === b)) t.yb += d.count;
    perTerm.set(d.term, t);
  }
  let alpha0 = 0,
    na = 0,
    nb = 0;
  for (const t of perTerm.values()) ((alpha0 += t.prior), (na += t.ya), (nb += t.yb));
  return scoreLogOdds(
    [...perTerm].map(([term, t]) => ({ term, ...t })),
    { na, nb, alpha0 },
  );
}

/** The chart's rows: the n most A-leaning terms (z > 0) and the n most B-leaning (z < 0). */
export function logOddsTop(scored, n, sides) {
  return [
    ...scored
      .filter((d) => d.z > 0)
      .slice(0, n)
      .map((d) => ({ ...d, side: sides[0] })),
    ...scored
      .filter((d) => d.z < 0)
      .slice(-n)
      .map((d) => ({ ...d, side: sides[1] })),
  ];
}
