// Weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
// "Fightin' Words", Political Analysis 16(4), eq. 16, 18–20). It answers "which terms does
// group A use more than group B" without letting rare terms dominate (a raw log-odds ratio of
// 1 vs 0 is infinite) or frequent ones (their differences are always "significant").
//
// For term w, counts y_Aw, y_Bw, group totals n_A, n_B, prior α_w with Σα_w = α0 (natural logs):
//   δ_w  = ln((y_Aw+α_w)/(n_A+α0−y_Aw−α_w)) − ln((y_Bw+α_w)/(n_B+α0−y_Bw−α_w))
//   σ²_w ≈ 1/(y_Aw+α_w) + 1/(y_Bw+α_w)
//   z_w  = δ_w / σ_w            (> 0: A uses w more than B)
// The prior is the corpus itself: α_w = α0 · (background count of w / background total).

export interface LogOddsResult {
  delta: number;
  variance: number;
  z: number;
}

/** One term. `alphaW` is the term's prior pseudo-count, `alpha0` the sum over all terms. */
export function logOddsTerm(
  yA: number,
  nA: number,
  yB: number,
  nB: number,
  alphaW: number,
  alpha0: number,
): LogOddsResult {
  const delta =
    Math.log((yA + alphaW) / (nA + alpha0 - yA - alphaW)) -
    Math.log((yB + alphaW) / (nB + alpha0 - yB - alphaW));
  const variance = 1 / (yA + alphaW) + 1 / (yB + alphaW);
  return { delta, variance, z: delta / Math.sqrt(variance) };
}

function total(counts: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const c of counts.values()) n += c;
  return n;
}

/**
 * Any two groups against a background. `prior` holds background counts (typically the whole
 * corpus); they are rescaled to sum to `alpha0`, the prior's strength in pseudo-tokens.
 * Every term of A and B must have a positive background count (else α_w = 0 and the log-odds
 * of an absent term is infinite); the result covers all terms of the prior.
 */
export function logOdds(
  countsA: ReadonlyMap<string, number>,
  countsB: ReadonlyMap<string, number>,
  prior: ReadonlyMap<string, number>,
  alpha0: number,
): Map<string, LogOddsResult> {
  if (!(alpha0 > 0)) throw new Error(`alpha0 must be positive: ${alpha0}`);
  const priorTotal = total(prior);
  for (const counts of [countsA, countsB]) {
    for (const term of counts.keys()) {
      if (!((prior.get(term) ?? 0) > 0)) throw new Error(`term missing from the prior: ${term}`);
    }
  }
  const nA = total(countsA);
  const nB = total(countsB);
  const out = new Map<string, LogOddsResult>();
  for (const [term, background] of prior) {
    if (!(background > 0)) continue;
    const alphaW = (alpha0 * background) / priorTotal;
    out.set(
      term,
      logOddsTerm(countsA.get(term) ?? 0, nA, countsB.get(term) ?? 0, nB, alphaW, alpha0),
    );
  }
  return out;
}

/**
 * Each group against the rest of the corpus (all other groups pooled). The prior is the pooled
 * corpus; `alpha0` defaults to the corpus token total, i.e. α_w = the corpus count of w (the
 * convention of tidylo and most "fightin' words" implementations).
 */
export function logOddsVsRest(
  groups: ReadonlyMap<string, ReadonlyMap<string, number>>,
  alpha0?: number,
): Map<string, Map<string, LogOddsResult>> {
  const corpus = new Map<string, number>();
  for (const counts of groups.values()) {
    for (const [term, c] of counts) corpus.set(term, (corpus.get(term) ?? 0) + c);
  }
  const a0 = alpha0 ?? total(corpus);
  const out = new Map<string, Map<string, LogOddsResult>>();
  for (const [group, counts] of groups) {
    const rest = new Map<string, number>();
    for (const [term, c] of corpus) rest.set(term, c - (counts.get(term) ?? 0));
    out.set(group, logOdds(counts, rest, corpus, a0));
  }
  return out;
}
