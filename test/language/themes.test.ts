import { test } from "node:test";
import assert from "node:assert/strict";
import { loadGold, loadSampleCleaned, type GoldSpeech } from "../helpers/sample.ts";
import {
  loadCodebook,
  parseCodebook,
  type Codebook,
} from "../../data-loaders/language/codebook.ts";
import {
  ALL_SECTIONS,
  dominantTheme,
  findThemeHits,
  scoreThemes,
  themeRows,
  type LeafSpan,
} from "../../data-loaders/language/themes.ts";
import { countHan } from "../../data-loaders/describe/text-stats.ts";
import type { ThemeScoreRow } from "../../data-loaders/types.ts";

const tiny: Codebook = parseCodebook(`
version: t1
themes:
  - {id: cadres, zh: 干部, en: Cadres, description: d, terms: [干部队伍, 选人用人], patterns: ["(?:评价|选拔)干部"]}
  - {id: talent, zh: 人才, en: Talent, description: d, terms: [人才, 人才强市]}
  - {id: members, zh: 党员, en: Members, description: d, terms: [党员队伍建设, 干部队伍建设]}
`);

test("longest match over all themes together: a span counts for one theme only", () => {
  // 干部队伍建设 (members, 6 chars) beats 干部队伍 (cadres, 4 chars) at the same start.
  const hits = findThemeHits("加强干部队伍建设和干部队伍，建设人才强市。", tiny);
  assert.deepEqual(
    hits.map((h) => [h.theme_id, h.term, h.start, h.end]),
    [
      ["members", "干部队伍建设", 2, 8],
      ["cadres", "干部队伍", 9, 13],
      ["talent", "人才强市", 16, 20],
    ],
  );
});

test("pattern hits join the same leftmost-longest selection as literals", () => {
  const text = "要评价干部，选人用人，评价干部队伍";
  const hits = findThemeHits(text, tiny);
  for (const h of hits) assert.ok(text.slice(h.start, h.end).length > 0);
  // 评价干部 (regex, 0-4) ; 选人用人 (6-10) ; at 11 regex 评价干部 (11-15) starts before 干部队伍 (13-17): leftmost wins.
  assert.deepEqual(
    hits.map((h) => [h.theme_id, text.slice(h.start, h.end)]),
    [
      ["cadres", "评价干部"],
      ["cadres", "选人用人"],
      ["cadres", "评价干部"],
    ],
  );
  assert.deepEqual(
    hits.map((h) => h.start),
    [1, 6, 11],
  );
});

test("scoreThemes: per-leaf and _all rows, rates, shares, dominant", () => {
  const text = "人才人才干部队伍。党员队伍建设，无关的话。";
  const leaves: LeafSpan[] = [
    { section_id: "1", start: 0, end: 9 },
    { section_id: "2", start: 9, end: 16 },
    { section_id: "closing", start: 16, end: text.length },
  ];
  const rows = scoreThemes("s1", text, leaves, tiny);
  assert.equal(rows.length, 4 * 3, "one row per (section incl. _all) × theme");
  const get = (sec: string, th: string) =>
    rows.find((r) => r.section_id === sec && r.theme_id === th)!;

  assert.equal(get("1", "talent").hits, 2);
  assert.equal(get("1", "cadres").hits, 1);
  assert.equal(get("1", "talent").han_chars, 8);
  assert.equal(get("1", "talent").rate_per_10k, (2 / 8) * 10_000);
  assert.equal(get("1", "talent").share, 2 / 3);
  assert.equal(get("1", "talent").dominant, true);
  assert.equal(get("1", "cadres").dominant, false);

  assert.equal(get("2", "members").hits, 1);
  assert.equal(get("2", "members").dominant, true);

  // No hits: no dominant theme, shares 0, rates 0.
  for (const th of ["cadres", "talent", "members"]) {
    assert.equal(get("closing", th).dominant, false);
    assert.equal(get("closing", th).share, 0);
    assert.equal(get("closing", th).hits, 0);
  }

  // _all is the sum of the leaves.
  assert.equal(get(ALL_SECTIONS, "talent").hits, 2);
  assert.equal(get(ALL_SECTIONS, "members").hits, 1);
  assert.equal(get(ALL_SECTIONS, "talent").han_chars, countHan(text));
  assert.equal(get(ALL_SECTIONS, "talent").dominant, true);
  const shareSum = rows
    .filter((r) => r.section_id === ALL_SECTIONS)
    .reduce((a, r) => a + r.share, 0);
  assert.ok(Math.abs(shareSum - 1) < 1e-12);
});

test("a hit never straddles two leaves", () => {
  // 人才 split across the boundary counts nowhere.
  const text = "我们人才";
  const rows = scoreThemes(
    "s",
    text,
    [
      { section_id: "1", start: 0, end: 3 },
      { section_id: "2", start: 3, end: 4 },
    ],
    tiny,
  );
  assert.equal(
    rows.filter((r) => r.theme_id === "talent").reduce((a, r) => a + r.hits, 0),
    0,
  );
});

test("ties go to codebook order; zero hits give no dominant", () => {
  const ids = ["a", "b", "c"];
  assert.equal(
    dominantTheme(
      new Map([
        ["a", 1],
        ["b", 2],
        ["c", 2],
      ]),
      ids,
    ),
    "b",
  );
  assert.equal(
    dominantTheme(
      new Map([
        ["c", 3],
        ["a", 3],
      ]),
      ids,
    ),
    "a",
  );
  assert.equal(dominantTheme(new Map(), ids), null);
});

test("without leaves, _all covers the whole text", () => {
  const rows = scoreThemes("s", "人才，人才", [], tiny);
  assert.equal(rows.length, 3);
  assert.ok(rows.every((r) => r.section_id === ALL_SECTIONS));
  assert.equal(rows.find((r) => r.theme_id === "talent")!.hits, 2);
});

test("themeRows carries terms, patterns and the codebook version", () => {
  const rows = themeRows(tiny);
  assert.deepEqual(
    rows.map((r) => r.theme_id),
    ["cadres", "talent", "members"],
  );
  assert.deepEqual(JSON.parse(rows[0]!.terms), ["干部队伍", "选人用人", "/(?:评价|选拔)干部/"]);
  assert.ok(rows.every((r) => r.codebook_version === "t1"));
});

// ---- Gold: dominant theme of each hand-labelled section of the sample corpus ----------------

interface GoldNode {
  heading: string;
  level: 1 | 2;
  start: number;
}

/** Gold L1/L2 headings located in the text in document order. */
function goldHeadings(text: string, gold: GoldSpeech): GoldNode[] {
  const nodes: GoldNode[] = [];
  let from = 0;
  const find = (heading: string, level: 1 | 2) => {
    const start = text.indexOf(heading, from);
    assert.ok(start >= 0, `${gold.file}: heading not found: ${heading}`);
    nodes.push({ heading, level, start });
    from = start + heading.length;
  };
  gold.l1_headings.forEach((h1, i) => {
    find(h1, 1);
    for (const h2 of gold.l2_headings[i] ?? []) find(h2, 2);
  });
  return nodes;
}

/**
 * Leaf sections built from the gold headings: preamble, then each heading runs to the next one.
 * Stand-in for the segmenter: swap this call for
 * `segmentSpeech(text).filter((s) => s.is_leaf)` once data-loaders/segment exports it.
 */
function goldLeaves(text: string, nodes: GoldNode[]): LeafSpan[] {
  const starts = [0, ...nodes.map((n) => n.start), text.length];
  return starts
    .slice(0, -1)
    .map((start, i) => ({
      section_id: i === 0 ? "preamble" : String(i),
      start,
      end: starts[i + 1]!,
    }))
    .filter((s) => s.end > s.start);
}

/** A labelled node spans from its heading to the next heading of the same or a higher level. */
function nodeSpan(nodes: GoldNode[], k: number, textLength: number): [number, number] {
  const node = nodes[k]!;
  const next = nodes.slice(k + 1).find((n) => n.level <= node.level);
  return [node.start, next ? next.start : textLength];
}

/**
 * Known misses, each explained; everything else must match.
 *
 * 002 "1.坚定政治信仰。": the section argues political conviction *through theory study*: it
 *   names the study formats (首个议题, 理论中心组, 读书班, 学深悟透) and 习近平新时代中国特色社会主义思想
 *   four times, so theory_arming has 10 hits against political_building's 7 (政治信仰, 政治任务,
 *   以习近平同志为核心的党中央, 四个意识, 四个自信, 两个维护, 政治体检). Matching it would take weighting
 *   heading hits above body hits, or moving study vocabulary to political_building; the first changes
 *   what a hit means (a count of text spans), the second would mislabel genuine theory sections.
 */
const KNOWN_MISSES = new Set(["002_2a4cd31ebcd3fa37.txt|1.坚定政治信仰。"]);

test("gold: dominant theme of every labelled sample section", () => {
  const codebook = loadCodebook();
  const table: string[] = [];
  let matched = 0;
  let labelled = 0;
  const unexpected: string[] = [];
  for (const gold of loadGold()) {
    const text = loadSampleCleaned(gold.file);
    const nodes = goldHeadings(text, gold);
    const leaves = goldLeaves(text, nodes);
    const rows = scoreThemes(gold.file, text, leaves, codebook);
    for (const label of gold.section_themes) {
      const k = nodes.findIndex((n) => n.heading === label.heading);
      assert.ok(k >= 0, `${gold.file}: labelled heading is not a gold heading: ${label.heading}`);
      const [start, end] = nodeSpan(nodes, k, text.length);
      // A labelled section with children is scored over its whole span: sum over its leaves.
      const inside = new Set(
        leaves.filter((l) => l.start >= start && l.end <= end).map((l) => l.section_id),
      );
      const hits = sumHits(rows.filter((r) => inside.has(r.section_id)));
      const predicted = dominantTheme(
        hits,
        codebook.themes.map((t) => t.id),
      );
      const key = `${gold.file}|${label.heading}`;
      const ok = predicted === label.theme;
      labelled++;
      if (ok) matched++;
      if (ok === KNOWN_MISSES.has(key))
        unexpected.push(`${key}: gold ${label.theme}, predicted ${predicted}`);
      const top = [...hits]
        .filter(([, n]) => n > 0)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([t, n]) => `${t}:${n}`)
        .join(" ");
      table.push(
        `${ok ? "ok  " : "MISS"} ${gold.file.slice(0, 3)} ${label.heading.slice(0, 18).padEnd(18, "　")} gold=${label.theme.padEnd(23)} pred=${String(predicted).padEnd(23)} ${top}`,
      );
    }
  }
  console.log(`gold section themes: ${matched}/${labelled} match\n${table.join("\n")}`);
  assert.equal(labelled, 26);
  assert.deepEqual(
    unexpected,
    [],
    "every label matches except the explained misses (and those still miss)",
  );
});

function sumHits(rows: readonly ThemeScoreRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) out.set(r.theme_id, (out.get(r.theme_id) ?? 0) + r.hits);
  return out;
}
