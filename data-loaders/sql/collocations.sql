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
-- A term in fewer than min_cooccurrence sentences is in no pair that reaches it. The others get
-- ids in code-point order, so pairs are counted on integers and id_a < id_b is term_a < term_b.
vocab AS (
  SELECT term, df, row_number() OVER (ORDER BY term) AS id
  FROM df WHERE df >= getvariable('min_cooccurrence')
),
kept AS (
  SELECT m.set_id, m.copies, v.id FROM members m JOIN vocab v USING (term)
),
pairs AS (
  SELECT a.id AS id_a, b.id AS id_b, sum(a.copies) AS count
  FROM kept a JOIN kept b ON a.set_id = b.set_id AND a.id < b.id
  GROUP BY a.id, b.id
  HAVING sum(a.copies) >= getvariable('min_cooccurrence')
),
scored AS (
  SELECT va.term AS term_a, vb.term AS term_b, p.count, p.count / n.n AS pab,
    ln((p.count / n.n) / ((va.df / n.n) * (vb.df / n.n))) AS pmi
  FROM pairs p JOIN vocab va ON va.id = p.id_a JOIN vocab vb ON vb.id = p.id_b, n
)
SELECT term_a, term_b, count::INTEGER AS count, pmi::DOUBLE AS pmi,
  (CASE WHEN pab = 1 THEN 1 ELSE pmi / -ln(pab) END)::DOUBLE AS npmi
FROM scored
ORDER BY term_a, term_b
