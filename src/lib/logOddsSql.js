// Weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), as SQL
// for DuckDB-wasm over the speech × term table. Same formula and conventions as
// data-loaders/language/logodds.ts:
//   δ_w = ln((y_Aw+α_w)/(n_A+α0−y_Aw−α_w)) − ln((y_Bw+α_w)/(n_B+α0−y_Bw−α_w))
//   σ²_w ≈ 1/(y_Aw+α_w) + 1/(y_Bw+α_w),   z_w = δ_w/σ_w   (> 0: A uses w more than B)
// Prior: the WHOLE corpus (all speeches, not only the two groups), α0 = corpus token total, so
// α_w = corpus count of w — the convention of logOddsVsRest and of term_stats.log_odds_z.

/** SQL expression of a speech's group value for a group kind (column names are fixed here). */
export function groupExpr(kind, alias = "s") {
  switch (kind) {
    case "speech":
      return `${alias}.speech_id`;
    case "year":
      return `coalesce(CAST(${alias}."year" AS VARCHAR), 'unknown')`;
    case "level":
      return `${alias}."level"`;
    case "genre":
      return `${alias}.genre`;
    default:
      throw new Error(`unknown group kind ${kind}`);
  }
}

/** Group B = null means "all other speeches" (the rest of the corpus). */
export const REST = "__rest__";

/**
 * Query and params: one row per term of the prior with yA, yB, nA, nB, alpha_w, alpha0, delta, z,
 * ordered by z descending. Terms absent from both groups are dropped (z is then only prior noise).
 */
export function logOddsQuery(kind, groupA, groupB) {
  const g = groupExpr(kind);
  const inB = groupB === REST ? `${g} <> ?` : `${g} = ?`;
  const sql = `WITH t AS (
    SELECT st.term, st.count, (${g} = ?) AS in_a, (${inB}) AS in_b
    FROM speech_terms st JOIN speeches s USING (speech_id)
  ),
  per_term AS (
    SELECT term,
      sum(count)::DOUBLE AS prior_count,
      coalesce(sum(count) FILTER (WHERE in_a), 0)::DOUBLE AS ya,
      coalesce(sum(count) FILTER (WHERE in_b), 0)::DOUBLE AS yb
    FROM t GROUP BY term
  ),
  totals AS (
    SELECT sum(prior_count) AS alpha0, sum(ya) AS na, sum(yb) AS nb FROM per_term
  ),
  scored AS (
    SELECT p.term, p.ya, p.yb, tot.na, tot.nb, p.prior_count AS alpha_w, tot.alpha0,
      ln((p.ya + p.prior_count) / (tot.na + tot.alpha0 - p.ya - p.prior_count))
        - ln((p.yb + p.prior_count) / (tot.nb + tot.alpha0 - p.yb - p.prior_count)) AS delta,
      1 / (p.ya + p.prior_count) + 1 / (p.yb + p.prior_count) AS variance
    FROM per_term p, totals tot
    WHERE p.ya + p.yb > 0
  )
  SELECT *, delta / sqrt(variance) AS z FROM scored ORDER BY z DESC, term`;
  const value = (v) => String(v);
  return [sql, [value(groupA), value(groupB === REST ? groupA : groupB)]];
}
