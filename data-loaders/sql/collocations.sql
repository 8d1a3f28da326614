-- collocations (contract: data-loaders/tables/language.ts): term pairs that share sentences more
-- often than chance. The unit is the sentence (a term counts once per sentence); with N
-- sentences:
--   p(a) = sentences containing a / N,  p(a,b) = sentences containing both / N
--   PMI  = ln(p(a,b) / (p(a) p(b)))
--   NPMI = PMI / −ln p(a,b)  ∈ [−1, 1]; 1 when a and b only ever occur together (and when
--          p(a,b) = 1, where −ln p(a,b) = 0)
-- One row per unordered pair with term_a < term_b in code-point order and at least
-- min_cooccurrence (variable; 3: PMI of rarer pairs is noise) sentences, ordered by term_a,
-- term_b.
--
-- Input: sentence_terms(terms VARCHAR[]), one row per sentence of the kept speeches (also the
-- sentences without a kept term: they count in N).
WITH
sets AS (
  SELECT list_sort(list_distinct(terms)) AS terms FROM sentence_terms
),
n AS (
  SELECT count(*)::DOUBLE AS n FROM sets
),
-- Sentences with the same terms count as one set with its copies: repeated sentences
-- (boilerplate, quoted formulas) are paired once.
distinct_sets AS (
  SELECT row_number() OVER () AS set_id, terms, copies
  FROM (SELECT terms, count(*) AS copies FROM sets WHERE len(terms) > 0 GROUP BY terms)
),
members AS (
  SELECT set_id, copies, unnest(terms) AS term FROM distinct_sets
),
df AS (
  SELECT term, sum(copies) AS df FROM members GROUP BY term
),
-- A term in fewer than min_cooccurrence sentences is in no pair that reaches it.
kept AS (
  SELECT m.set_id, m.copies, m.term
  FROM members m JOIN df USING (term)
  WHERE df.df >= getvariable('min_cooccurrence')
),
pairs AS (
  SELECT a.term AS term_a, b.term AS term_b, sum(a.copies) AS count
  FROM kept a JOIN kept b ON a.set_id = b.set_id AND a.term < b.term
  GROUP BY a.term, b.term
  HAVING sum(a.copies) >= getvariable('min_cooccurrence')
),
scored AS (
  SELECT p.term_a, p.term_b, p.count, p.count / n.n AS pab,
    ln((p.count / n.n) / ((da.df / n.n) * (db.df / n.n))) AS pmi
  FROM pairs p JOIN df da ON da.term = p.term_a JOIN df db ON db.term = p.term_b, n
)
SELECT term_a, term_b, count::INTEGER AS count, pmi::DOUBLE AS pmi,
  (CASE WHEN pab = 1 THEN 1 ELSE pmi / -ln(pab) END)::DOUBLE AS npmi
FROM scored
ORDER BY term_a, term_b
