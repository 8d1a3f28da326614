-- Measures shared by the corpus statistics (term-stats.sql) and the dashboard: each defined once
-- here as a DuckDB macro. Run this file once on a connection before the queries that use them.

-- Occurrences per 10,000 Han characters; 0 for a text without Han characters.
CREATE OR REPLACE MACRO rate_per_10k(count, han_chars) AS
  CASE WHEN han_chars > 0 THEN count / han_chars * 10000 ELSE 0 END;

-- TF-IDF of a term in a speech: relative term frequency × natural-log idf, no smoothing.
--   tf = count / the speech's term tokens,  idf = ln(speeches / speeches containing the term)
-- A term used by every speech gets 0 (it distinguishes nothing); so does everything in a
-- corpus of one speech.
CREATE OR REPLACE MACRO tfidf(count, speech_tokens, df, speeches) AS
  CASE WHEN count <= 0 OR speech_tokens <= 0 OR df <= 0 THEN 0
       ELSE count / speech_tokens * ln(speeches / df) END;

-- A string cell of a published CSV: one that starts with = + - @ tab or CR gets an apostrophe in
-- front, so a spreadsheet never evaluates it as a formula.
CREATE OR REPLACE MACRO formula_safe(s) AS
  CASE WHEN left(s, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || s ELSE s END;
