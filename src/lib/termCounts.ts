// Node-side (loaders only): the terms table (speech × section × term) summed to speech × term
// counts, with terms as ids into one sorted vocabulary. Shared by logodds.zip.ts,
// speech-terms.zip.ts and speech_terms.arrow.ts. At 10,000 speeches the table has ~9 million
// rows: a Map keyed by "speech\0term" strings (the former loaders) took ~100 s; here each row
// costs one Map lookup of its term and one add into a dense counter of its speech.
import { readOutArrow } from "./columns.ts";

export interface TermCounts {
  /** Every term of the corpus, sorted by UTF-16 code units (the order of the former loaders). */
  vocab: string[];
  /** Corpus count of vocab[i]. */
  corpus: Float64Array;
  /** Speech ids (sorted) → that speech's term ids (ascending) and counts, same length. */
  speeches: Map<string, { terms: Int32Array; counts: Int32Array }>;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function readTermCounts(): TermCounts {
  const table = readOutArrow("terms", ["speech_id", "term", "count"]);
  const rows = table.numRows;
  // Pass 1: speech and term of every row as small integers (first-seen ids).
  const speechOfRow = new Int32Array(rows);
  const termOfRow = new Int32Array(rows);
  const countOfRow = new Int32Array(rows);
  const speechIds: string[] = [];
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  let i = 0;
  let lastSpeech: unknown = undefined;
  let lastSpeechId = -1;
  const speechIndex = new Map<string, number>();
  for (const v of table.getChild("speech_id")!) {
    // Rows come grouped by speech: compare with the previous value before a Map lookup.
    if (v !== lastSpeech) {
      const s = String(v);
      let id = speechIndex.get(s);
      if (id === undefined) speechIndex.set(s, (id = speechIds.push(s) - 1));
      lastSpeech = v;
      lastSpeechId = id;
    }
    speechOfRow[i++] = lastSpeechId;
  }
  i = 0;
  for (const v of table.getChild("term")!) {
    const t = String(v);
    let id = termIds.get(t);
    if (id === undefined) termIds.set(t, (id = terms.push(t) - 1));
    termOfRow[i++] = id;
  }
  i = 0;
  for (const v of table.getChild("count")!) countOfRow[i++] = Number(v);

  // Sorted vocabulary: rank[first-seen id] = position in sorted order.
  const order = terms.map((_, k) => k).sort((a, b) => byCodeUnits(terms[a]!, terms[b]!));
  const rank = new Int32Array(terms.length);
  order.forEach((k, r) => (rank[k] = r));
  const vocab = order.map((k) => terms[k]!);

  // Rows of each speech (counting sort by speech), then one dense counter per speech.
  const start = new Int32Array(speechIds.length + 1);
  for (let r = 0; r < rows; r++) start[speechOfRow[r]! + 1]!++;
  for (let s = 0; s < speechIds.length; s++) start[s + 1]! += start[s]!;
  const fill = start.slice(0, speechIds.length);
  const rowsBySpeech = new Int32Array(rows);
  for (let r = 0; r < rows; r++) rowsBySpeech[fill[speechOfRow[r]!]!++] = r;

  const corpus = new Float64Array(vocab.length);
  const dense = new Int32Array(vocab.length);
  const seen = new Int32Array(vocab.length).fill(-1); // speech that last touched a term
  const speeches = new Map<string, { terms: Int32Array; counts: Int32Array }>();
  for (const s of speechIds
    .map((_, k) => k)
    .sort((a, b) => byCodeUnits(speechIds[a]!, speechIds[b]!))) {
    const touched: number[] = [];
    for (let p = start[s]!; p < start[s + 1]!; p++) {
      const r = rowsBySpeech[p]!;
      const t = rank[termOfRow[r]!]!;
      if (seen[t] !== s) {
        seen[t] = s;
        touched.push(t);
      }
      dense[t]! += countOfRow[r]!;
      corpus[t]! += countOfRow[r]!;
    }
    touched.sort((a, b) => a - b);
    const own = { terms: Int32Array.from(touched), counts: new Int32Array(touched.length) };
    touched.forEach((t, k) => {
      own.counts[k] = dense[t]!;
      dense[t] = 0;
    });
    speeches.set(speechIds[s]!, own);
  }
  return { vocab, corpus, speeches };
}
