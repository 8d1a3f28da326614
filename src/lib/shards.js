// Per-speech data cut into shards: files the browser fetches one at a time (a speech's outline
// and section theme scores, its term counts, the sentences of a literal search) instead of whole
// tables. Speeches go to shards by a hash of their id, so the shard of a speech is known from its
// id and the number of speeches alone: the site config lists the shard files to build
// (observablehq.config.ts), loaders write them (src/data/*.zip.ts) and pages fetch them, all with
// these functions. Plain JS, no imports: runs in the browser and in Node.

/**
 * Shard sets: speeches per shard (target) and a cap on the number of files. Fewer, larger shards
 * build faster: Framework re-reads the whole ZIP for every member it extracts (~60–200 ms each
 * at 10,000 speeches), so the site build pays (number of files × ZIP size).
 */
export const SHARD_SETS = {
  // Themes outline profile: sections + section × theme scores (~6 kB a speech, ~230 kB a shard).
  "speech-detail": { per: 40, max: 256 },
  // Terms log-odds by speech: term counts as indices into logodds/corpus.json (~3.5 kB a speech,
  // ~350 kB a shard).
  "speech-terms": { per: 100, max: 128 },
  // Terms literal search: sentences (~12 kB a speech, ~3 MB a shard); scanned shard by shard, about
  // 1,000 speeches (four shards) at a time, so larger shards cost a search no extra bytes.
  "sentence-shards": { per: 250, max: 64 },
};

/** Number of shards of a set for a corpus of `speeches` speeches (at least 1). */
export function shardCount(set, speeches) {
  const { per, max } = SHARD_SETS[set];
  return Math.max(1, Math.min(max, Math.ceil(speeches / per)));
}

/** FNV-1a (32 bit) over UTF-16 code units: stable across Node and browsers. */
export function shardOf(speechId, count) {
  let h = 0x811c9dc5;
  const s = String(speechId);
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % count;
}

/** File name of shard i inside its set's folder. */
export const shardFile = (i) => `${String(i).padStart(4, "0")}.json`;

/** Site paths ("/data/<set>/<file>") of every shard file of every set. */
export function shardPaths(speeches) {
  return Object.keys(SHARD_SETS).flatMap((set) =>
    Array.from({ length: shardCount(set, speeches) }, (_, i) => `/data/${set}/${shardFile(i)}`),
  );
}

/**
 * URL of the shard holding `speechId`, relative to a page at the site root (`prefix` "") or one
 * folder down ("../").
 */
export function shardUrl(set, speechId, speeches, prefix = "") {
  return `${prefix}data/${set}/${shardFile(shardOf(speechId, shardCount(set, speeches)))}`;
}

/**
 * A shard file as JSON. The built site has shard files at data/<set>/<file> (the site config's
 * dynamicPaths); Framework's preview (`npm run dev`) serves loader outputs only under /_file/, so
 * a 404 is retried at _file/data/<set>/<file>. `url` as shardUrl returns it.
 */
export async function fetchShard(url) {
  let response = await fetch(url);
  if (response.status === 404) response = await fetch(url.replace(/(^|\/)data\//, "$1_file/data/"));
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

/** Rows as {columns, rows: [[…]]}: a shard file repeats no key names (half the bytes of objects). */
export function packRows(rows, columns) {
  return { columns, rows: rows.map((r) => columns.map((c) => r[c] ?? null)) };
}

export function unpackRows({ columns, rows }) {
  return rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]])));
}
