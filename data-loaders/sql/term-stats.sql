-- term_stats (contract: data-loaders/tables/language.ts): one row per term × group where the
-- term occurs, for the groups analysts compare: the corpus, each year, level and genre, and each
-- speech (for a speech only its most distinctive terms). Needs log-odds.sql and measures.sql.
--
-- Input relations:
--   speeches(speech_id, year, level, genre, han_chars)   the kept speeches
--   speech_terms(speech_id, term, count)                 each speech's term counts, summed over
--                                                        sections and tags
-- Variables (SET VARIABLE):
--   min_term_count     terms whose corpus count is below it are left out of every group (5):
--                      their rates and z are noise, and on a large corpus most distinct terms
--                      are that rare. Totals (n of log-odds, tf) still count every token.
--   speech_terms_kept  rows kept per speech, its most distinctive terms (50): every (term,
--                      speech) pair would restate the terms table; exact per-speech counts of
--                      every term stay there.
--
-- Rates are per 10,000 Han characters of the group's speeches; two for year/level/genre:
--   rate_per_10k              pooled: Σ count / Σ han_chars (long speeches weigh more)
--   mean_speech_rate_per_10k  mean of per-speech rates over all the group's speeches, those
--                             without the term counting 0 (every speech weighs the same)
-- log_odds_z compares the group with the rest of the corpus, prior = the corpus (alpha_w = the
-- term's corpus count, alpha0 = all tokens); null for the corpus row and for a group that is the
-- whole corpus. tfidf on speech rows only. Rows: term, then group kind (corpus, year, level,
-- genre, speech), then group, in code-point order.
WITH
speech_tokens AS (
  SELECT speech_id, sum(count) AS tokens FROM speech_terms GROUP BY speech_id
),
corpus AS (
  SELECT term, sum(count) AS total, count(*) AS df FROM speech_terms WHERE count > 0 GROUP BY term
),
totals AS (
  SELECT (SELECT sum(total) FROM corpus)::DOUBLE AS tokens, (SELECT count(*) FROM speeches) AS speeches
),
kept AS (
  SELECT term, total, df FROM corpus WHERE total >= getvariable('min_term_count')
),
membership AS (
  SELECT speech_id, han_chars, 'corpus' AS group_kind, 0 AS kind_rank, 'all' AS "group" FROM speeches
  UNION ALL
  SELECT speech_id, han_chars, 'year', 1, coalesce(CAST(year AS VARCHAR), 'unknown') FROM speeches
  UNION ALL
  SELECT speech_id, han_chars, 'level', 2, level FROM speeches
  UNION ALL
  SELECT speech_id, han_chars, 'genre', 3, genre FROM speeches
),
groups AS (
  SELECT m.group_kind, m."group", count(*) AS speeches, sum(m.han_chars) AS han_chars,
    coalesce(sum(t.tokens), 0) AS tokens
  FROM membership m LEFT JOIN speech_tokens t USING (speech_id)
  GROUP BY m.group_kind, m."group"
),
pooled AS (
  -- Per-speech rates summed as DECIMAL(38, 18): each rate rounded once (at 1e-18), then summed
  -- exactly, so the sum is the same bits in whatever order DuckDB's threads add them (a DOUBLE
  -- sum depends on that order). One pass over the speeches' terms for the four group kinds.
  SELECT term,
    CASE grouping(year_group, level, genre) WHEN 7 THEN 'corpus' WHEN 3 THEN 'year' WHEN 5 THEN 'level' ELSE 'genre' END AS group_kind,
    CASE grouping(year_group, level, genre) WHEN 7 THEN 0 WHEN 3 THEN 1 WHEN 5 THEN 2 ELSE 3 END AS kind_rank,
    CASE grouping(year_group, level, genre) WHEN 7 THEN 'all' WHEN 3 THEN year_group WHEN 5 THEN level ELSE genre END AS "group",
    sum(count) AS count, count(*) AS df, sum(rate) AS rate_sum
  FROM (
    SELECT st.term, st.count, coalesce(CAST(s.year AS VARCHAR), 'unknown') AS year_group, s.level, s.genre,
      rate_per_10k(st.count, s.han_chars)::DECIMAL(38, 18) AS rate
    FROM speech_terms st JOIN kept USING (term) JOIN speeches s USING (speech_id)
    WHERE st.count > 0
  )
  GROUP BY GROUPING SETS ((term), (term, year_group), (term, level), (term, genre))
),
pooled_rows AS (
  SELECT p.term, p.group_kind, p.kind_rank, p."group", p.count, g.han_chars,
    rate_per_10k(p.count, g.han_chars) AS rate_per_10k,
    CASE WHEN p.group_kind <> 'corpus' THEN p.rate_sum::DOUBLE / g.speeches END AS mean_speech_rate_per_10k,
    p.df, NULL::DOUBLE AS tfidf,
    CASE WHEN p.group_kind <> 'corpus' AND g.tokens < tot.tokens
      THEN log_odds_z(p.count, g.tokens, k.total - p.count, tot.tokens - g.tokens, k.total, tot.tokens)
    END AS log_odds_z
  FROM pooled p JOIN groups g USING (group_kind, "group") JOIN kept k USING (term), totals tot
),
-- A speech's most distinctive terms: ranked on a narrow relation (the window sorts every term of
-- every speech: half the time of sorting the full rows), other columns for the kept rows only.
speech_z AS (
  SELECT st.speech_id, st.term, st.count,
    CASE WHEN t.tokens < tot.tokens
      THEN log_odds_z(st.count, t.tokens, k.total - st.count, tot.tokens - t.tokens, k.total, tot.tokens)
    END AS log_odds_z
  FROM speech_terms st JOIN kept k USING (term) JOIN speech_tokens t USING (speech_id), totals tot
  WHERE st.count > 0
),
speech_top AS (
  SELECT speech_id, term, count, log_odds_z FROM speech_z
  QUALIFY row_number() OVER (
    PARTITION BY speech_id ORDER BY log_odds_z DESC NULLS LAST, count DESC, term
  ) <= getvariable('speech_terms_kept')
),
speech_rows AS (
  SELECT z.term, 'speech' AS group_kind, 4 AS kind_rank, z.speech_id AS "group", z.count,
    s.han_chars, rate_per_10k(z.count, s.han_chars) AS rate_per_10k,
    NULL::DOUBLE AS mean_speech_rate_per_10k, 1 AS df,
    tfidf(z.count, t.tokens, k.df, tot.speeches) AS tfidf, z.log_odds_z
  FROM speech_top z JOIN kept k USING (term) JOIN speeches s USING (speech_id)
    JOIN speech_tokens t USING (speech_id), totals tot
)
SELECT term, group_kind, "group", count::INTEGER AS count, han_chars::INTEGER AS han_chars,
  rate_per_10k::DOUBLE AS rate_per_10k, mean_speech_rate_per_10k::DOUBLE AS mean_speech_rate_per_10k,
  df::INTEGER AS df, tfidf::DOUBLE AS tfidf, log_odds_z::DOUBLE AS log_odds_z
FROM (SELECT * FROM pooled_rows UNION ALL SELECT * FROM speech_rows)
ORDER BY term, kind_rank, "group"
