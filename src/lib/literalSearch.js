// Literal string search over the sentence shards (src/data/sentence-shards.zip.ts) for the Terms
// page: reads shard after shard (a few fetches in flight) and yields the occurrences found so far,
// so the first keyword-in-context lines show before the last shard arrives, and a search can stop
// after `limit` shards on large corpora (the page says so and offers to scan the rest).
// Offsets are found in JavaScript, which counts UTF-16 code units like the pipeline.

/** Non-overlapping occurrences of `term` in one shard ({speech_id: [[sentence_id, start, text]]}). */
export function findInShard(shard, term) {
  const found = [];
  for (const speech_id of Object.keys(shard).sort()) {
    for (const [sentence_id, s_start, text] of shard[speech_id]) {
      for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + term.length)) {
        found.push({
          speech_id,
          sentence_id,
          start: s_start + i,
          end: s_start + i + term.length,
          matched: term,
          s_start,
          text,
          local: i,
        });
      }
    }
  }
  return found;
}

/**
 * @param term the literal string
 * @param urls shard URLs in scan order
 * @param load url → Promise of the parsed shard (the page caches them between searches)
 * @param limit number of shards to read (the rest are left for "scan all")
 * @yields {occurrences, speeches: Set of speech ids scanned, scanned, total, done}
 */
export async function* literalScan(term, urls, load, { limit = urls.length, ahead = 3 } = {}) {
  const todo = urls.slice(0, limit);
  const pending = todo.slice(0, ahead).map(load);
  const occurrences = [];
  const speeches = new Set();
  for (let i = 0; i < todo.length; i++) {
    if (i + ahead < todo.length) pending.push(load(todo[i + ahead]));
    const shard = await pending[i];
    for (const id of Object.keys(shard)) speeches.add(id);
    occurrences.push(...findInShard(shard, term));
    const done = i === todo.length - 1;
    // Yield every few shards (and at the end): each yield redraws the charts.
    if (done || i % 8 === 0)
      yield {
        occurrences: [...occurrences],
        speeches: new Set(speeches),
        scanned: i + 1,
        total: urls.length,
        done,
      };
  }
  if (!todo.length)
    yield { occurrences: [], speeches: new Set(), scanned: 0, total: urls.length, done: true };
}
