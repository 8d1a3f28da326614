import { test } from "node:test";
import assert from "node:assert/strict";
import type { TermRow, TermStatRow } from "../../data-loaders/types.ts";
import { termStatsSql as termStats, type SpeechMeta } from "./corpus-sql.ts";

// data-loaders/sql/term-stats.sql on a four-speech corpus worked out by hand.

const close = (a: number | null, b: number, tol = 1e-9) =>
  assert.ok(a !== null && Math.abs(a - b) <= tol, `${a} ≠ ${b}`);

const SPEECHES: SpeechMeta[] = [
  { speech_id: "s1", year: 2020, level: "city", genre: "conference_speech", han_chars: 1000 },
  { speech_id: "s2", year: 2020, level: "county", genre: "conference_speech", han_chars: 3000 },
  { speech_id: "s3", year: 2021, level: "city", genre: "study_session_remarks", han_chars: 2000 },
  // A speech with no terms still counts: in N, in its groups' characters and in mean rates.
  { speech_id: "s4", year: null, level: "unknown", genre: "other", han_chars: 500 },
];

const row = (speech_id: string, section_id: string, term: string, count: number): TermRow => ({
  speech_id,
  section_id,
  term,
  pos: "n",
  count,
});
// s1: 人才 3 (over two sections), 干部 1 | s2: 人才 1, 干部 4, 基层 2 | s3: 干部 2, 基层 1.
// Corpus: 人才 4, 干部 7, 基层 3; tokens per speech 4, 7, 3 → 14.
const TERMS: TermRow[] = [
  row("s1", "1", "人才", 2),
  row("s1", "2", "人才", 1),
  row("s1", "2", "干部", 1),
  row("s2", "1", "人才", 1),
  row("s2", "1", "干部", 4),
  row("s2", "2", "基层", 2),
  row("s3", "preamble", "干部", 2),
  row("s3", "1", "基层", 1),
];

const all = await termStats(TERMS, SPEECHES, { minCount: 1 });
const find = (term: string, kind: string, group: string): TermStatRow => {
  const r = all.find((x) => x.term === term && x.group_kind === kind && x.group === group);
  assert.ok(r, `no row ${term}/${kind}/${group}`);
  return r;
};

test("pooled and mean-of-speech rates for a year group", () => {
  const r = find("人才", "year", "2020");
  assert.equal(r.count, 4);
  assert.equal(r.han_chars, 4000);
  assert.equal(r.df, 2);
  close(r.rate_per_10k, 10); // 4 / 4000 · 10⁴
  close(r.mean_speech_rate_per_10k, (30 + 10 / 3) / 2); // s1: 3/1000·10⁴ = 30, s2: 1/3000·10⁴
  assert.equal(r.tfidf, null);
});

test("rows only where the term occurs (count ≥ 1, df ≥ 1); mean rates still count the zeros", () => {
  assert.ok(all.every((r) => r.count >= 1 && r.df >= 1));
  assert.equal(
    all.find((r) => r.term === "人才" && r.group === "2021"),
    undefined,
  );
  assert.ok(!all.some((r) => r.group === "unknown" || r.group === "other" || r.group === "s4"));
  // level "city" = s1 (干部 1 in 1000 chars) + s3 (干部 2 in 2000 chars): both rates 10.
  const city = find("干部", "level", "city");
  assert.deepEqual([city.count, city.df, city.han_chars], [3, 2, 3000]);
  close(city.mean_speech_rate_per_10k, 10);
  // genre conference_speech = s1 + s2; 基层 only in s2 (2/3000·10⁴), s1 counts 0 in the mean.
  close(find("基层", "genre", "conference_speech").mean_speech_rate_per_10k, 20 / 3 / 2);
});

test("corpus row: totals, pooled rate over all speeches (the term-less one included), no log-odds", () => {
  const r = find("干部", "corpus", "all");
  assert.equal(r.count, 7);
  assert.equal(r.df, 3);
  assert.equal(r.han_chars, 6500);
  close(r.rate_per_10k, (7 / 6500) * 1e4);
  assert.equal(r.mean_speech_rate_per_10k, null);
  assert.equal(r.log_odds_z, null);
});

test("speech rows: only where the term occurs, with tf-idf", () => {
  const speechRows = all.filter((r) => r.group_kind === "speech");
  assert.equal(speechRows.length, 7);
  assert.ok(
    speechRows.every((r) => r.count > 0 && r.df === 1 && r.mean_speech_rate_per_10k === null),
  );
  assert.ok(!all.some((r) => r.group_kind === "speech" && r.group === "s4"));
  // tf = 3/4, df = 2 of N = 4 speeches: 0.75 · ln 2.
  close(find("人才", "speech", "s1").tfidf, 0.75 * Math.log(2));
  close(find("基层", "speech", "s2").tfidf, (2 / 7) * Math.log(2));
  // 干部 is in 3 of 4 speeches: (4/7) · ln(4/3).
  close(find("干部", "speech", "s2").tfidf, (4 / 7) * Math.log(4 / 3));
  close(find("干部", "speech", "s2").rate_per_10k, (4 / 3000) * 1e4);
});

test("log-odds z is the group against the rest of the corpus, prior = corpus, α0 = corpus tokens", () => {
  const bySpeech = countsBySpeech(TERMS);
  const corpus = sum([...bySpeech.values()]);
  const g2020 = sum([bySpeech.get("s1")!, bySpeech.get("s2")!]);
  const rest = sum([bySpeech.get("s3")!]);
  for (const term of ["人才", "干部", "基层"])
    close(find(term, "year", "2020").log_odds_z, zOf(term, g2020, rest, corpus));
  // 人才 is used only in 2020: positive there; 基层 is relatively more frequent in 2021 (1 of 3 tokens vs 2 of 11).
  assert.ok(find("人才", "year", "2020").log_odds_z! > 0);
  assert.ok(find("基层", "year", "2021").log_odds_z! > 0);
  const s3 = bySpeech.get("s3")!;
  close(find("干部", "speech", "s3").log_odds_z, zOf("干部", s3, g2020, corpus));
});

test("deterministic long-form order: term, kind, group", async () => {
  const kinds = ["corpus", "year", "level", "genre", "speech"];
  const key = (r: TermStatRow) => [r.term, kinds.indexOf(r.group_kind), r.group] as const;
  for (let i = 1; i < all.length; i++) {
    const [t1, k1, g1] = key(all[i - 1]!);
    const [t2, k2, g2] = key(all[i]!);
    assert.ok(
      t1 < t2 || (t1 === t2 && (k1 < k2 || (k1 === k2 && g1 < g2))),
      `rows ${i - 1}, ${i} out of order`,
    );
  }
  // Present pairs: 人才 all/2020/city/county/conference + 2 speeches; 干部 all/2020/2021/city/county/
  // conference/study + 3 speeches; 基层 all/2020/2021/city/county/conference/study + 2 speeches.
  assert.equal(all.length, 7 + 10 + 9);
  assert.deepEqual(
    await termStats([...TERMS].reverse(), [...SPEECHES].reverse(), { minCount: 1 }),
    all,
  );
  // The same rows, to the bit, whatever DuckDB's thread count.
  assert.deepEqual(await termStats(TERMS, SPEECHES, { minCount: 1, threads: 4 }), all);
});

test("minCount drops rare terms everywhere (default 5)", async () => {
  const rows = await termStats(TERMS, SPEECHES);
  assert.deepEqual([...new Set(rows.map((r) => r.term))], ["干部"]);
  // The filter only limits output: tf and log-odds still use all tokens.
  close(
    rows.find((r) => r.group_kind === "speech" && r.group === "s2")!.tfidf,
    (4 / 7) * Math.log(4 / 3),
  );
});

test("speech rows keep each speech's most distinctive terms: z desc, count desc, term", async () => {
  for (const k of [0, 1, 2]) {
    const rows = await termStats(TERMS, SPEECHES, { minCount: 1, speechTerms: k });
    const pooled = rows.filter((r) => r.group_kind !== "speech");
    // Pooled rows do not depend on the cut.
    assert.deepEqual(
      pooled,
      all.filter((r) => r.group_kind !== "speech"),
    );
    for (const id of ["s1", "s2", "s3"]) {
      const every = all
        .filter((r) => r.group_kind === "speech" && r.group === id)
        .map((r) => ({ term: r.term, count: r.count, z: r.log_odds_z }))
        .sort(compareDistinctive);
      const kept = rows
        .filter((r) => r.group_kind === "speech" && r.group === id)
        .map((r) => r.term)
        .sort();
      assert.deepEqual(
        kept,
        every
          .slice(0, k)
          .map((r) => r.term)
          .sort(),
        `speech ${id}, k = ${k}`,
      );
    }
  }
});

test("a one-speech corpus: no log-odds (the speech is the corpus), speech rows by count", async () => {
  const rows = await termStats(
    TERMS.filter((r) => r.speech_id === "s2"),
    SPEECHES.filter((s) => s.speech_id === "s2"),
    { minCount: 1, speechTerms: 2 },
  );
  assert.ok(rows.every((r) => r.log_odds_z === null));
  assert.deepEqual(
    rows.filter((r) => r.group_kind === "speech").map((r) => r.term),
    ["基层", "干部"], // the two most frequent (4 and 2), in term order
  );
  // tf-idf of a one-speech corpus: ln(1/1) = 0.
  assert.ok(rows.filter((r) => r.group_kind === "speech").every((r) => r.tfidf === 0));
});

/** speech → term → count, summed over sections. */
function countsBySpeech(terms: readonly TermRow[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const r of terms) {
    if (!out.has(r.speech_id)) out.set(r.speech_id, new Map());
    const m = out.get(r.speech_id)!;
    m.set(r.term, (m.get(r.term) ?? 0) + r.count);
  }
  return out;
}

/** Monroe et al. (2008) z of `term`, group a against group b, prior = the corpus (α0 = its total). */
function zOf(
  term: string,
  a: Map<string, number>,
  b: Map<string, number>,
  corpus: Map<string, number>,
) {
  const total = (m: Map<string, number>) => [...m.values()].reduce((x, y) => x + y, 0);
  const [yA, yB, nA, nB, aW, a0] = [
    a.get(term) ?? 0,
    b.get(term) ?? 0,
    total(a),
    total(b),
    corpus.get(term)!,
    total(corpus),
  ];
  const delta =
    Math.log((yA + aW) / (nA + a0 - yA - aW)) - Math.log((yB + aW) / (nB + a0 - yB - aW));
  return delta / Math.sqrt(1 / (yA + aW) + 1 / (yB + aW));
}

/** Order of a speech's candidate rows: z descending (null last), count descending, term. */
function compareDistinctive(
  a: { z: number | null; count: number; term: string },
  b: { z: number | null; count: number; term: string },
): number {
  const za = a.z ?? -Infinity;
  const zb = b.z ?? -Infinity;
  if (za !== zb) return za > zb ? -1 : 1;
  if (a.count !== b.count) return b.count - a.count;
  return a.term < b.term ? -1 : a.term > b.term ? 1 : 0;
}

function sum(maps: Map<string, number>[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of maps) for (const [k, v] of m) out.set(k, (out.get(k) ?? 0) + v);
  return out;
}
