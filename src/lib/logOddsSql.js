// The Terms page's marker for group B = "all the rest" of the corpus. (This module held the
// log-odds as DuckDB-wasm SQL; the page now computes it from precomputed counts in
// src/lib/logOdds.js, and the build's SQL is data-loaders/sql/log-odds.sql, so only the marker is
// left.)

/** Group B = every speech outside group A. */
export const REST = "__rest__";
