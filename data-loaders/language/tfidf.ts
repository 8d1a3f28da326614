// TF-IDF of a term in a speech: which terms set a speech apart from the others.
//
// Variant: relative term frequency × natural-log idf, no smoothing:
//   tf  = count of the term in the speech / all term tokens of the speech
//   idf = ln(N / df), N = speeches in the corpus, df = speeches containing the term
// A term used by every speech gets 0 (it distinguishes nothing); with one speech, everything is 0.

export function tfidf(count: number, speechTokens: number, df: number, nSpeeches: number): number {
  if (count <= 0 || speechTokens <= 0 || df <= 0) return 0;
  return (count / speechTokens) * Math.log(nSpeeches / df);
}

/** Per speech, per term present in it. Input: speech → term → count. */
export function tfidfBySpeech(
  counts: ReadonlyMap<string, ReadonlyMap<string, number>>,
): Map<string, Map<string, number>> {
  const df = new Map<string, number>();
  for (const terms of counts.values()) {
    for (const [term, c] of terms) if (c > 0) df.set(term, (df.get(term) ?? 0) + 1);
  }
  const n = counts.size;
  const out = new Map<string, Map<string, number>>();
  for (const [speech, terms] of counts) {
    let tokens = 0;
    for (const c of terms.values()) tokens += c;
    const row = new Map<string, number>();
    for (const [term, c] of terms) if (c > 0) row.set(term, tfidf(c, tokens, df.get(term) ?? 0, n));
    out.set(speech, row);
  }
  return out;
}
