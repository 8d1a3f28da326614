-- Weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
-- "Fightin' Words", Political Analysis 16(4), eq. 16, 18–20): which terms group A uses more than
-- group B, without rare terms dominating (a raw log-odds of 1 vs 0 is infinite) or frequent
-- ones (their differences are always "significant"). The one definition of the statistic: the
-- build's term_stats.sql and the dashboard (DuckDB-wasm) run this same text.
--
-- For a term w with counts y_a, y_b, group totals n_a, n_b, prior pseudo-count alpha_w and
-- prior total alpha0 (natural logs):
--   delta    = ln((y_a+alpha_w)/(n_a+alpha0−y_a−alpha_w)) − ln((y_b+alpha_w)/(n_b+alpha0−y_b−alpha_w))
--   variance ≈ 1/(y_a+alpha_w) + 1/(y_b+alpha_w)
--   z        = delta / sqrt(variance)          (> 0: A uses w more than B)
-- Convention of the project (and of tidylo): the prior is the whole corpus, alpha_w = corpus
-- count of w and alpha0 = corpus token total.
--
-- Usage: run this file once on a connection (it only defines macros), then either call
-- log_odds_z(...) in any query, or run log-odds-compare.sql over a relation
-- log_odds_input(term, count_a, count_b, prior).
CREATE OR REPLACE MACRO log_odds_delta(y_a, n_a, y_b, n_b, alpha_w, alpha0) AS
  ln((y_a::DOUBLE + alpha_w) / (n_a::DOUBLE + alpha0 - y_a - alpha_w))
    - ln((y_b::DOUBLE + alpha_w) / (n_b::DOUBLE + alpha0 - y_b - alpha_w));

CREATE OR REPLACE MACRO log_odds_variance(y_a, y_b, alpha_w) AS
  1 / (y_a::DOUBLE + alpha_w) + 1 / (y_b::DOUBLE + alpha_w);

CREATE OR REPLACE MACRO log_odds_z(y_a, n_a, y_b, n_b, alpha_w, alpha0) AS
  log_odds_delta(y_a, n_a, y_b, n_b, alpha_w, alpha0) / sqrt(log_odds_variance(y_a, y_b, alpha_w));
