// "Then versus now" on the Terms page: two groups of speeches, each built from a year range,
// levels, genres, speakers and/or a hand-picked list of speeches (or "all the rest"), their term
// counts, and the input table of the one log-odds definition (data-loaders/sql/log-odds.sql and
// log-odds-compare.sql, run in DuckDB-wasm by lib/logOddsDuckDB.js). Plain JS, no imports.

/**
 * A group definition: {years: [from, to] | null, levels: [], genres: [], speakers: [],
 * speeches: []}. Every criterion given must hold (a speech of 1960 at the central level);
 * within one criterion any value will do (central or province). No criterion: no speech (an
 * empty form is not "everything", which would hide a mistake).
 */
export function groupPredicate(spec) {
  const years = spec.years && spec.years.some((y) => y != null) ? spec.years : null;
  const sets = ["levels", "genres", "speakers", "speeches"].map((k) => [k, new Set(spec[k] ?? [])]);
  const field = {
    levels: "level",
    genres: "genre",
    speakers: "speaker_role",
    speeches: "speech_id",
  };
  const active = sets.filter(([, s]) => s.size > 0);
  if (!years && active.length === 0) return () => false;
  return (d) =>
    (!years ||
      (d.year != null &&
        (years[0] == null || d.year >= years[0]) &&
        (years[1] == null || d.year <= years[1]))) &&
    active.every(([k, s]) => s.has(d[field[k]]));
}

/** Short description of a group for titles and the CSV: "1954–1978 · 中央 central". */
export function describeGroup(
  spec,
  { level = (v) => v, genre = (v) => v, speech = (v) => v } = {},
) {
  const parts = [];
  if (spec.years && spec.years.some((y) => y != null))
    parts.push(`${spec.years[0] ?? "…"}–${spec.years[1] ?? "…"}`);
  if (spec.levels?.length) parts.push(spec.levels.map(level).join("/"));
  if (spec.genres?.length) parts.push(spec.genres.map(genre).join("/"));
  if (spec.speakers?.length) parts.push(spec.speakers.join("/"));
  if (spec.speeches?.length)
    parts.push(
      spec.speeches.length > 2
        ? `${spec.speeches.length} 篇 speeches`
        : spec.speeches.map(speech).join(" + "),
    );
  return parts.join(" · ") || "—";
}

/** "1954-1978" (or "1954-", "-1978", "1990") → [from, to]; anything else → null. */
export function parseYearRange(text) {
  const m = /^\s*(\d{4})?\s*(?:([-–~至])\s*(\d{4})?)?\s*$/.exec(String(text ?? ""));
  if (!m || (!m[1] && !m[3])) return null;
  const from = m[1] ? Number(m[1]) : null;
  const to = m[2] ? (m[3] ? Number(m[3]) : null) : from;
  return [from, to];
}

const HAN = /^\p{Script=Han}$/u;
// Digits and Chinese numerals (一九五四, 二〇一三, 1954), optionally with one unit of time or
// quantity: the tokenizer's pieces of dates and figures, not words.
const NUMERAL = /^[0-9０-９〇零一二三四五六七八九十百千万亿两.．%％]+[年月日号亿万]?$/u;

/**
 * True when a term is a word fragment to keep out of "distinctive terms": a single Han
 * character (侧, 年) or a numeral fragment (一九五, 1954年), unless the lexicon has it (a
 * formulation such as 十四五 stays).
 */
export function isFragment(term, lexicon = new Set()) {
  if (lexicon.has(term)) return false;
  return HAN.test(term) || NUMERAL.test(term);
}

/** Sum of several Map term → count. */
export function sumCounts(maps) {
  const out = new Map();
  for (const m of maps) for (const [t, c] of m) out.set(t, (out.get(t) ?? 0) + c);
  return out;
}

/**
 * The log-odds input table as CSV text: one row per term of the corpus (the prior, also terms
 * absent from both groups, so that the SQL's totals are the groups' and the corpus's token
 * totals): term, count_a, count_b, prior. `b` null = all the rest: corpus − A.
 */
export function logOddsInputCsv(corpus, a, b) {
  const quote = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = ["term,count_a,count_b,prior"];
  const { terms, counts } = corpus;
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i];
    const ya = a.get(term) ?? 0;
    const yb = b ? (b.get(term) ?? 0) : counts[i] - ya;
    lines.push(`${quote(term)},${ya},${yb},${counts[i]}`);
  }
  return lines.join("\n") + "\n";
}

/**
 * The two sides of a comparison from the SQL's rows (z descending): terms kept (no fragments,
 * count in A and B together ≥ minCount, |z| ≥ zFloor), the top `n` of each side.
 */
export function distinctive(rows, { lexicon = new Set(), minCount = 1, zFloor = 0, n = 20 } = {}) {
  const kept = rows.filter(
    (d) =>
      !isFragment(d.term, lexicon) && d.count_a + d.count_b >= minCount && Math.abs(d.z) >= zFloor,
  );
  return {
    a: kept.filter((d) => d.z > 0).slice(0, n),
    b: kept
      .filter((d) => d.z < 0)
      .reverse()
      .slice(0, n),
  };
}

/** Statements of a SQL file (comments dropped, split at the semicolons that end a line). */
export function statements(sql) {
  return sql
    .split("\n")
    .filter((line) => !/^\s*--/.test(line))
    .join("\n")
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}
