// The per-speech shard files, the log-odds counts and the theme groups (src/data/*.zip.ts,
// theme_groups.json.ts) agree with the full tables they replace in the browser, on the published
// output: every speech's data in the shard its id hashes to, log-odds from precomputed counts
// equal to the embed's computation from speech × term rows, group sums equal to the per-speech
// rows, and the grouping functions of src/lib/groups.js.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { readOutTable, type Row } from "../../src/lib/outTables.ts";
import { readSpeechIds } from "../../src/lib/speechIds.ts";
import { PROJECT_ROOT } from "../../scripts/site/pipeline-out.ts";
import { shardCount, shardFile, shardOf, unpackRows } from "../../src/lib/shards.js";
import { groupCounts, groupKey, logOddsFromCounts, speechCounts } from "../../src/lib/logOdds.js";
import {
  filterGroups,
  groupThemeRows,
  unpackGroups,
  yearThemeRows,
  type ThemeGroup,
} from "../../src/lib/groups.js";
import { findInShard, literalScan } from "../../src/lib/literalSearch.js";
import { crc32 } from "../../src/lib/zip.ts";
import { logOddsScores } from "../../src/lib/logOdds.js";
import { ensurePipelineOutput } from "./site-build.ts";

ensurePipelineOutput();

const runLoader = (file: string): Buffer =>
  execFileSync(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "src", "data", file)], {
    cwd: PROJECT_ROOT,
    maxBuffer: 1 << 30,
  });

/** Members of a ZIP written by src/lib/zip.ts (central directory; DEFLATE), CRC checked. */
function unzip(buffer: Buffer): Map<string, string> {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const members = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const crc = buffer.readUInt32LE(at + 16);
    const packed = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const offset = buffer.readUInt32LE(at + 42);
    const name = buffer.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const dataStart =
      offset + 30 + buffer.readUInt16LE(offset + 26) + buffer.readUInt16LE(offset + 28);
    const data = inflateRawSync(buffer.subarray(dataStart, dataStart + packed));
    assert.equal(crc32(data), crc, `${name}: CRC`);
    members.set(name, data.toString("utf8"));
    at += 46 + nameLength;
  }
  return members;
}

const ids = readSpeechIds();
const key = (...parts: unknown[]) => parts.map(String).join("\u0000");

describe("shard files", () => {
  test("speech-detail: each speech's sections and section scores, in the shard of its id", () => {
    const members = unzip(runLoader("speech-detail.zip.ts"));
    const count = shardCount("speech-detail", ids.length);
    assert.deepEqual(
      [...members.keys()],
      Array.from({ length: count }, (_, i) => shardFile(i)),
    );
    const sections = readOutTable("sections");
    const scores = readOutTable("theme_scores").filter((r) => r.section_id !== "_all");
    for (const id of ids) {
      const shard = JSON.parse(members.get(shardFile(shardOf(id, count)))!);
      assert.ok(shard[id], `${id} in its shard`);
      const own = (rows: Row[]) => rows.filter((r) => r.speech_id === id);
      assert.equal(unpackRows(shard[id].sections).length, own(sections).length);
      const mine = unpackRows(shard[id].scores);
      assert.deepEqual(
        mine.map((r) => key(r.section_id, r.theme_id, r.hits, r.rate_per_10k, r.share)).sort(),
        own(scores)
          .map((r) => key(r.section_id, r.theme_id, r.hits, r.rate_per_10k, r.share))
          .sort(),
      );
    }
  });

  test("sentence-shards: every sentence once; a literal scan finds what a full scan finds", async () => {
    const members = unzip(runLoader("sentence-shards.zip.ts"));
    const sentences = readOutTable("sentences");
    const shards = [...members.values()].map((m) => JSON.parse(m));
    const all = shards.flatMap((s) =>
      Object.entries(s).flatMap(([id, rows]) =>
        (rows as [number, number, string][]).map(([sid, start, text]) => key(id, sid, start, text)),
      ),
    );
    assert.deepEqual(
      all.sort(),
      sentences.map((s) => key(s.speech_id, s.sentence_id, s.start, s.text)).sort(),
    );
    const term = "干部";
    const expected = sentences.reduce((n, s) => n + String(s.text).split(term).length - 1, 0);
    const urls = [...members.keys()];
    let last;
    for await (const step of literalScan(term, urls, async (u) => JSON.parse(members.get(u)!)))
      last = step;
    assert.ok(last?.done);
    assert.equal(last.occurrences.length, expected);
    for (const o of last.occurrences)
      assert.equal(o.text.slice(o.local, o.local + term.length), term);
    assert.equal(findInShard({}, term).length, 0);
  });
});

describe("log-odds from precomputed counts", () => {
  const lo = unzip(runLoader("logodds.zip.ts"));
  const corpus = JSON.parse(lo.get("corpus.json")!);
  const termShards = unzip(runLoader("speech-terms.zip.ts"));
  const speeches = readOutTable("speeches") as unknown as Parameters<typeof logOddsScores>[1];
  const speechTerms = (() => {
    const m = new Map<string, { speech_id: string; term: string; count: number }>();
    for (const r of readOutTable("terms")) {
      const k = key(r.speech_id, r.term);
      const e = m.get(k);
      if (e) e.count += Number(r.count);
      else
        m.set(k, { speech_id: String(r.speech_id), term: String(r.term), count: Number(r.count) });
    }
    return [...m.values()];
  })();
  const countsOf = (id: string) => {
    const count = shardCount("speech-terms", ids.length);
    const shard = JSON.parse(termShards.get(shardFile(shardOf(id, count)))!);
    return speechCounts(shard[id], corpus);
  };
  const same = (
    mine: ReturnType<typeof logOddsFromCounts>,
    theirs: { term: string; ya: number; yb: number; z: number }[],
  ) => {
    assert.ok(theirs.length > 0);
    assert.deepEqual(
      mine.map((r) => r.term),
      theirs.map((r) => r.term),
    );
    mine.forEach((r, i) => {
      const t = theirs[i]!;
      assert.equal(r.ya, t.ya);
      assert.equal(r.yb, t.yb);
      assert.ok(Math.abs(r.z - Number(t.z)) < 1e-9, `${r.term}: z ${r.z} vs ${t.z}`);
    });
  };

  test("speech vs the rest, and speech vs speech", () => {
    const [a, b] = ids as [string, string];
    same(
      logOddsFromCounts(corpus, countsOf(a), null),
      logOddsScores(speechTerms, speeches, { kind: "speech", a, b: "rest" }),
    );
    same(
      logOddsFromCounts(corpus, countsOf(a), countsOf(b)),
      logOddsScores(speechTerms, speeches, { kind: "speech", a, b }),
    );
  });

  test("year, level and genre groups vs the rest", () => {
    for (const kind of ["year", "level", "genre"] as const) {
      const file = JSON.parse(lo.get(`${kind}.json`)!);
      const values = Object.keys(file.groups).filter((v) => v !== "_null");
      assert.ok(values.length > 0, kind);
      const outside = kind === "year" ? new Map() : groupCounts(file, corpus, groupKey(null));
      same(
        logOddsFromCounts(corpus, groupCounts(file, corpus, values[0]!), null, outside),
        logOddsScores(speechTerms, speeches, { kind, a: values[0]!, b: "rest" }),
      );
    }
  });
});

describe("theme groups", () => {
  const groups: ThemeGroup[] = unpackGroups(
    JSON.parse(runLoader("theme_groups.json.ts").toString("utf8")),
  );
  const speeches = readOutTable("speeches");
  const all = readOutTable("theme_scores").filter((r) => r.section_id === "_all");
  const themes = [...new Set(all.map((r) => String(r.theme_id)))];

  test("group sums equal the whole-speech rows they sum", () => {
    assert.equal(
      groups.reduce((n, g) => n + g.hits, 0),
      all.reduce((n, r) => n + Number(r.hits), 0),
    );
    assert.equal(
      groups.reduce((n, g) => n + g.speeches, 0),
      all.length,
    );
  });

  test("year × level rows: pooled rate and share, mean rate, speech counts", () => {
    const rows = groupThemeRows(groups, themes);
    const bySpeech = new Map(speeches.map((s) => [s.speech_id, s]));
    for (const row of rows) {
      const own = all.filter((r) => {
        const s = bySpeech.get(r.speech_id)!;
        return s.year === row.year && s.level === row.level;
      });
      const theme = own.filter((r) => r.theme_id === row.theme_id);
      const hits = theme.reduce((n, r) => n + Number(r.hits), 0);
      const chars = theme.reduce((n, r) => n + Number(r.han_chars), 0);
      const coded = own.reduce((n, r) => n + Number(r.hits), 0);
      assert.equal(row.speeches, theme.length);
      assert.equal(row.hits, hits);
      assert.ok(Math.abs(row.rate_per_10k - (hits / chars) * 1e4) < 1e-9);
      assert.ok(Math.abs(row.share - (coded ? hits / coded : 0)) < 1e-12);
      const mean = theme.reduce((n, r) => n + Number(r.rate_per_10k), 0) / theme.length;
      assert.ok(Math.abs(row.mean_rate - mean) < 1e-9);
    }
    // Filters narrow to the groups of the chosen values.
    const level = String(speeches[0]!.level);
    assert.ok(filterGroups(groups, { level }).every((g) => g.level === level));
  });

  test("year trend: pooled and mean values as the Themes page's SQL computed them", () => {
    const years = yearThemeRows(groups);
    const yearOf = new Map(speeches.map((s) => [s.speech_id, s.year]));
    for (const y of years) {
      const own = all.filter((r) => yearOf.get(r.speech_id) === y.year);
      const theme = own.filter((r) => r.theme_id === y.theme_id);
      const hits = theme.reduce((n, r) => n + Number(r.hits), 0);
      const coded = own.reduce((n, r) => n + Number(r.hits), 0);
      assert.equal(y.speeches, theme.length);
      assert.ok(Math.abs(y.pooled_share - hits / coded) < 1e-12);
      const meanShare = theme.reduce((n, r) => n + Number(r.share), 0) / theme.length;
      assert.ok(Math.abs(Number(y.mean_share) - meanShare) < 1e-12);
    }
  });

  test("synthetic large corpus: one row per year × level, counts and pooled rate", () => {
    const synthetic: ThemeGroup[] = [];
    for (const year of [2020, 2021, null])
      for (const level of ["city", "county"])
        for (const genre of ["conference_speech", "study_session_remarks"])
          for (const theme_id of ["a", "b"])
            synthetic.push({
              year,
              level,
              genre,
              theme_id,
              speeches: 100,
              hits: theme_id === "a" ? 30 : 10,
              han_chars: 100_000,
              sum_rate: 100,
              sum_share: 50,
              n_share: 100,
            });
    const rows = groupThemeRows(synthetic, ["a", "b"]);
    assert.equal(rows.length, 3 * 2 * 2);
    assert.deepEqual(
      [...new Set(rows.map((r) => `${r.year}|${r.level}`))],
      ["2020|city", "2020|county", "2021|city", "2021|county", "null|city", "null|county"],
    );
    const first = rows[0]!;
    assert.equal(first.speeches, 200);
    assert.equal(first.hits, 60);
    assert.equal(first.rate_per_10k, (60 / 200_000) * 1e4);
    assert.equal(first.share, 0.75);
    assert.equal(first.mean_rate, 1);
  });
});
