// The streaming term_stats (typed arrays, group sums one group at a time, each speech's top
// terms from a heap that skips terms whose z bound is below its last) equal
// language/stats.ts termStats() on random corpora: same rows, same order, same floating-point
// values. Few kept terms per speech (speechTerms 3) make the heap full early, so most terms
// are decided by the bound; zero counts, and a negative one that takes the corpus group off its
// shortcut (corpus counts and df), are handled as termStats() handles them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { prng } from "../../scripts/bench/generate.ts";
import { termStats, type SpeechMeta } from "../../data-loaders/language/stats.ts";
import type { CompactSpeech } from "../../data-loaders/pipeline/corpus-tables.ts";
import { termStatsChunks } from "../../data-loaders/pipeline/term-stats-stream.ts";
import type { TermRow } from "../../data-loaders/types.ts";

const WORDS = Array.from({ length: 60 }, (_, i) => (i % 7 === 0 ? `词${i}` : `w${i}`));

function corpus(seed: number, odd: boolean) {
  const rand = prng(seed);
  const speeches: CompactSpeech[] = [];
  const metas: SpeechMeta[] = [];
  const rows: TermRow[] = [];
  for (let s = 0; s < 80; s++) {
    const speechId = `s${String(s).padStart(3, "0")}`;
    const meta: CompactSpeech["speech"] = {
      han_chars: rand() < 0.05 ? 0 : Math.floor(rand() * 5000),
      year: rand() < 0.2 ? null : 2000 + Math.floor(rand() * 4),
      level: (["central", "county", "city"] as const)[Math.floor(rand() * 3)]!,
      genre: rand() < 0.5 ? "other" : "conference_speech",
    };
    const counts = new Map<number, number>();
    for (let j = Math.floor(rand() * 40); j > 0; j--) {
      // Skewed: a few frequent terms, many rare ones (some below the corpus minimum).
      const t = Math.floor(rand() * rand() * WORDS.length);
      counts.set(t, (counts.get(t) ?? 0) + 1 + Math.floor(rand() * rand() * 6));
    }
    if (odd && rand() < 0.3) counts.set(Math.floor(rand() * WORDS.length), 0);
    // A negative count (not real data) makes the corpus group sum like the others.
    if (odd && s === 40) counts.set(1, -1);
    const ids = [...counts.keys()].sort((a, b) => a - b);
    speeches.push({
      speechId,
      speech: meta,
      termIds: Int32Array.from(ids),
      termCounts: Int32Array.from(ids.map((t) => counts.get(t)!)),
      tokens: new Int32Array(0),
      sentenceEnds: new Int32Array(0),
    });
    metas.push({ speech_id: speechId, ...meta });
    for (const t of ids)
      rows.push({
        speech_id: speechId,
        section_id: "1",
        term: WORDS[t]!,
        pos: "n",
        count: counts.get(t)!,
      });
  }
  return { speeches, metas, rows };
}

test("termStatsChunks equals termStats() on random corpora", () => {
  for (const [seed, speechTerms, odd] of [
    [1, 3, false],
    [2, 3, true],
    [3, 50, false],
    [4, 1, true],
  ] as const) {
    const { speeches, metas, rows } = corpus(seed, odd);
    const streamed = [...termStatsChunks(speeches, WORDS, 100, speechTerms)].flat();
    const reference = termStats(rows, metas, { speechTerms });
    assert.ok(reference.length > 300, `seed ${seed}: ${reference.length} rows`);
    assert.deepEqual(streamed, reference, `seed ${seed}`);
  }
});
