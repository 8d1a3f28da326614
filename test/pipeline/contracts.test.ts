// Every published table checked against its written contract (data-loaders/tables/) on real
// output, plus the cross-table invariants: leaf sections and sentences partition each cleaned
// text, hits lie inside their sentences, CSV and Parquet hold the same rows.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as tables from "../../data-loaders/tables/index.ts";
import type { TableSpec } from "../../data-loaders/tables/spec.ts";
import type {
  FormulationHitRow,
  SectionRow,
  SentenceRow,
  SpeechRow,
  TermRow,
  TermStatRow,
  ThemeScoreRow,
} from "../../data-loaders/types.ts";
import { STATS_VARIABLES } from "../../data-loaders/publish/corpus-stats.ts";
import { contractViolations } from "../contracts/check-table.ts";
import { pipelineOutput, readTable } from "../helpers/run-cli.ts";
import { SAMPLE_DIR } from "../helpers/sample.ts";

const out = pipelineOutput(SAMPLE_DIR);
const specs = tables.ALL_TABLES as readonly TableSpec<any>[];

test("every table has a contract and its Parquet rows satisfy it", () => {
  assert.equal(specs.length, 15);
  for (const spec of specs) {
    const rows = readTable(out, spec.name);
    assert.deepEqual(contractViolations(spec, rows), [], spec.name);
  }
});

test("CSV files have a BOM, the contract's header and as many rows as the Parquet file", () => {
  for (const spec of specs) {
    const csv = readFileSync(join(out, `${spec.name}.csv`), "utf8");
    assert.ok(csv.startsWith("\uFEFF"), spec.name);
    assert.equal(csv.slice(1, csv.indexOf("\n")), spec.columns.map((c) => c.name).join(","));
    const records = countCsvRecords(csv.slice(1)) - 1;
    assert.equal(records, readTable(out, spec.name).length, spec.name);
  }
});

test("leaf sections and sentences partition each speech's cleaned text exactly", () => {
  const speeches = readTable<SpeechRow>(out, "speeches");
  const sections = readTable<SectionRow>(out, "sections");
  const sentences = readTable<SentenceRow>(out, "sentences");
  for (const s of speeches) {
    const leaves = sections
      .filter((x) => x.speech_id === s.speech_id && x.is_leaf)
      .sort((a, b) => a.start - b.start);
    let pos = 0;
    for (const leaf of leaves) {
      assert.equal(leaf.start, pos, `${s.speech_id} gap/overlap at ${pos}`);
      pos = leaf.end;
    }
    assert.equal(pos, s.chars);
    const sents = sentences
      .filter((x) => x.speech_id === s.speech_id)
      .sort((a, b) => a.sentence_id - b.sentence_id);
    pos = 0;
    const text = sents.map((x) => x.text).join("");
    assert.equal(text.length, s.chars);
    for (const [i, x] of sents.entries()) {
      assert.equal(x.sentence_id, i);
      assert.equal(x.start, pos);
      pos = x.end;
      const leaf = leaves.find((l) => l.section_id === x.section_id)!;
      assert.ok(
        leaf && leaf.start <= x.start && x.end <= leaf.end,
        `sentence ${i} outside its leaf`,
      );
    }
    for (const sec of sections.filter((x) => x.speech_id === s.speech_id && x.heading !== null)) {
      assert.equal(text.slice(sec.heading_start!, sec.heading_end!), sec.heading);
    }
    assert.equal(s.sentences, sents.length);
    assert.equal(s.sections, sections.filter((x) => x.speech_id === s.speech_id).length);
  }
});

test("formulation hits are exact slices inside their sentences; theme shares sum to 1", () => {
  const sentences = readTable<SentenceRow>(out, "sentences");
  const key = (id: string, n: number) => `${id}#${n}`;
  const bySentence = new Map(sentences.map((x) => [key(x.speech_id, x.sentence_id), x]));
  const hits = readTable<FormulationHitRow>(out, "formulation_hits");
  assert.ok(hits.length > 50);
  for (const h of hits) {
    const s = bySentence.get(key(h.speech_id, h.sentence_id))!;
    assert.ok(s.start <= h.start && h.end <= s.end);
    assert.equal(s.text.slice(h.start - s.start, h.end - s.start), h.matched);
    assert.equal(s.section_id, h.section_id);
  }
  const scores = readTable<ThemeScoreRow>(out, "theme_scores");
  const spans = new Map<string, ThemeScoreRow[]>();
  for (const r of scores)
    spans.set(`${r.speech_id}|${r.section_id}`, [
      ...(spans.get(`${r.speech_id}|${r.section_id}`) ?? []),
      r,
    ]);
  for (const [span, rows] of spans) {
    const share = rows.reduce((a, r) => a + r.share, 0);
    const hitsN = rows.reduce((a, r) => a + r.hits, 0);
    assert.ok(hitsN === 0 ? share === 0 : Math.abs(share - 1) < 1e-9, span);
    assert.ok(rows.filter((r) => r.dominant).length === (hitsN > 0 ? 1 : 0), span);
  }
});

test("term_stats: per speech only its 50 most distinctive terms, counts as in the terms table", () => {
  const stats = readTable<TermStatRow>(out, "term_stats");
  const terms = readTable<TermRow>(out, "terms");
  const perSpeech = new Map<string, Map<string, number>>();
  for (const t of terms) {
    const m = perSpeech.get(t.speech_id) ?? new Map<string, number>();
    m.set(t.term, (m.get(t.term) ?? 0) + t.count);
    perSpeech.set(t.speech_id, m);
  }
  const corpusCount = new Map<string, number>();
  let total = 0;
  for (const t of terms) {
    corpusCount.set(t.term, (corpusCount.get(t.term) ?? 0) + t.count);
    total += t.count;
  }
  for (const [id, counts] of perSpeech) {
    const rows = stats.filter((r) => r.group_kind === "speech" && r.group === id);
    const tokens = [...counts.values()].reduce((a, b) => a + b, 0);
    // z of every candidate (terms with corpus count ≥ 5), computed from the terms table alone.
    const z = new Map(
      [...counts]
        .filter(([t]) => corpusCount.get(t)! >= STATS_VARIABLES.min_term_count)
        .map(([t, c]) => {
          const w = corpusCount.get(t)!;
          return [t, logOddsZ(c, tokens, w - c, total - tokens, w, total)] as const;
        }),
    );
    assert.equal(rows.length, Math.min(STATS_VARIABLES.speech_terms_kept, z.size), id);
    for (const r of rows) {
      assert.equal(r.count, counts.get(r.term), `${id} ${r.term}`);
      assert.ok(Math.abs(r.log_odds_z! - z.get(r.term)!) < 1e-9, `${id} ${r.term}`);
    }
    // No term left out is more distinctive than the least distinctive one kept.
    const lowest = Math.min(...rows.map((r) => r.log_odds_z!));
    const kept = new Set(rows.map((r) => r.term));
    for (const [t, zt] of z) if (!kept.has(t)) assert.ok(zt <= lowest + 1e-12, `${id} ${t}`);
  }
});

test("datapackage.json describes every table in both formats and states the offset unit", () => {
  const pkg = JSON.parse(readFileSync(join(out, "datapackage.json"), "utf8"));
  assert.equal(pkg.profile, "tabular-data-package");
  assert.match(pkg.description, /UTF-16 code-unit/);
  for (const spec of specs) {
    const csv = pkg.resources.find((r: { name: string }) => r.name === spec.name);
    const pq = pkg.resources.find((r: { name: string }) => r.name === `${spec.name}_parquet`);
    assert.ok(csv && pq, spec.name);
    assert.deepEqual(
      csv.schema.fields.map((f: { name: string }) => f.name),
      spec.columns.map((c) => c.name),
    );
    for (const f of csv.schema.fields)
      assert.ok(f.description.length > 5, `${spec.name}.${f.name}`);
  }
  const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
  assert.equal(manifest.inputs.length, 5);
  for (const i of manifest.inputs) assert.match(i.sha256, /^[0-9a-f]{64}$/);
  assert.ok(manifest.outputs.length >= 27);
  for (const v of ["pipeline", "formulations", "codebook", "anchors", "cleaning_rules"])
    assert.ok(manifest.lexicons[v], v);
});

/** Records in an RFC 4180 CSV (newlines inside quotes do not end a record). */
function countCsvRecords(csv: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of csv) {
    if (ch === '"') quoted = !quoted;
    else if (ch === "\n" && !quoted) n++;
  }
  return n;
}

/** Monroe, Colaresi & Quinn (2008) z, written out here, independently of data-loaders/sql/. */
function logOddsZ(yA: number, nA: number, yB: number, nB: number, aW: number, a0: number): number {
  const delta =
    Math.log((yA + aW) / (nA + a0 - yA - aW)) - Math.log((yB + aW) / (nB + a0 - yB - aW));
  return delta / Math.sqrt(1 / (yA + aW) + 1 / (yB + aW));
}
