-- Log-odds z of every term, group A against group B (definition: log-odds.sql, run it first).
--
-- Input: a table or view log_odds_input(term VARCHAR, count_a, count_b, prior) with one row per
-- term of the prior (every term of the corpus, also those absent from A and B, so that the
-- totals below are the groups' and the corpus's token totals):
--   count_a, count_b   the term's count in group A and in group B (0 when absent)
--   prior              the term's background count (the whole corpus: alpha_w = prior)
-- Output: one row per term used by A or B, z descending, then term:
--   term, count_a, count_b, n_a, n_b, alpha_w, alpha0, delta, variance, z
WITH totals AS (
  SELECT sum(count_a)::DOUBLE AS n_a, sum(count_b)::DOUBLE AS n_b, sum(prior)::DOUBLE AS alpha0
  FROM log_odds_input
)
SELECT
  i.term, i.count_a, i.count_b, t.n_a, t.n_b, i.prior::DOUBLE AS alpha_w, t.alpha0,
  log_odds_delta(i.count_a, t.n_a, i.count_b, t.n_b, i.prior, t.alpha0) AS delta,
  log_odds_variance(i.count_a, i.count_b, i.prior) AS variance,
  log_odds_z(i.count_a, t.n_a, i.count_b, t.n_b, i.prior, t.alpha0) AS z
FROM log_odds_input i, totals t
WHERE i.count_a + i.count_b > 0
ORDER BY z DESC, i.term;
