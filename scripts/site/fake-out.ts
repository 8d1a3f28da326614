// DEV FIXTURE ONLY — throwaway stand-in for the pipeline's output folder, so the dashboard can be
// built and browser-tested before data-loaders/ publishes real tables. Nothing here is analysis:
// sections are cut at the gold L1 headings, sentences at 。！？, theme and formulation hits are
// naive substring counts of the draft codebook. Delete once `npm run data` writes out/.
//
// Usage: tsx scripts/site/fake-out.ts [outDir]   (default: .cache/fake-out)
// Writes <table>.parquet (ZSTD) + <table>.csv for the 12 tables, datapackage.json, manifest.json.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as arrow from "apache-arrow";
import * as pw from "parquet-wasm";
import { parse as parseYaml } from "yaml";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const OUT = process.argv[2] ?? join(ROOT, ".cache", "fake-out");

type Cell = string | number | boolean | null;
type Row = Record<string, Cell>;
type ColType = "utf8" | "int" | "float" | "bool";

interface Gold {
  file: string;
  title: string | null;
  salutation: string | null;
  closing: string | null;
  genre: string;
  level: string;
  year: number;
  year_basis: string;
  year_evidence: string[];
  year_conflict: boolean;
  content_year?: number;
  placeholders: number;
  l1_headings: string[];
}
interface Codebook {
  themes: { id: string; zh: string; en: string; terms: string[] }[];
  formulations: { canonical: string; theme?: string; variants?: string[] }[];
}

const gold = JSON.parse(readFileSync(join(ROOT, "..", "shared", "corpus", "sample-gold.json"), "utf8")) as Gold[];
const codebook = parseYaml(readFileSync(join(ROOT, "..", "shared", "codebook-draft.yaml"), "utf8")) as Codebook;

const hanCount = (s: string): number => (s.match(/\p{Script=Han}/gu) ?? []).length;
const occurrences = (text: string, needle: string): number[] => {
  const at: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) at.push(i);
  return at;
};

const tables: Record<string, Row[]> = {
  speeches: [], sections: [], sentences: [], removals: [], manifest: [], terms: [],
  formulations: [], formulation_hits: [], formulation_candidates: [], themes: [], theme_scores: [], term_stats: [],
};

for (const t of codebook.themes) {
  tables.themes!.push({ theme_id: t.id, zh: t.zh, en: t.en, description: t.en, terms: JSON.stringify(t.terms), codebook_version: "draft" });
}
codebook.formulations.forEach((f, i) => {
  tables.formulations!.push({
    formulation_id: `f${String(i + 1).padStart(3, "0")}`, canonical: f.canonical, variants: JSON.stringify(f.variants ?? []),
    theme: f.theme ?? null, gloss_en: null, lexicon_version: "draft",
  });
});

for (const g of gold) {
  const raw = readFileSync(join(ROOT, "corpus", "sample", g.file));
  const text = raw.toString("utf8").replace(/\r\n?/g, "\n");
  const sha = createHash("sha256").update(raw).digest("hex");
  const speech_id = `sp_${sha.slice(0, 12)}`;
  // Sections: preamble + one per gold L1 heading found verbatim.
  const starts = g.l1_headings.map((h) => text.indexOf(h)).filter((i) => i >= 0).sort((a, b) => a - b);
  const bounds = [0, ...starts, text.length];
  const sections: { id: string; start: number; end: number; heading: string | null }[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const start = bounds[i]!, end = bounds[i + 1]!;
    if (end <= start) continue;
    const id = i === 0 ? "preamble" : String(i);
    const heading = i === 0 ? null : text.slice(start, text.indexOf("\n", start) < 0 ? end : Math.min(end, text.indexOf("\n", start)));
    sections.push({ id, start, end, heading });
    tables.sections!.push({
      speech_id, section_id: id, parent_id: null, level: i === 0 ? 0 : 1, ordinal: i, heading, heading_style: i === 0 ? null : "fixture",
      kind: i === 0 ? "preamble" : "heading", start, end, heading_start: i === 0 ? null : start,
      heading_end: heading === null ? null : start + heading.length, is_leaf: true, seq: i,
    });
  }
  const sectionAt = (pos: number): string => sections.find((s) => pos >= s.start && pos < s.end)?.id ?? "preamble";
  // Sentences.
  let sentenceCount = 0;
  const sentenceAt: { start: number; end: number; id: number }[] = [];
  for (const m of text.matchAll(/[^。！？\n]+[。！？]?/g)) {
    const start = m.index, end = m.index + m[0].length;
    if (!m[0].trim()) continue;
    sentenceAt.push({ start, end, id: sentenceCount });
    tables.sentences!.push({ speech_id, sentence_id: sentenceCount++, section_id: sectionAt(start), start, end, text: m[0] });
  }
  // Formulation hits (canonical forms only).
  tables.formulations!.forEach((f) => {
    for (const at of occurrences(text, String(f.canonical))) {
      tables.formulation_hits!.push({
        speech_id, section_id: sectionAt(at), sentence_id: sentenceAt.find((s) => at >= s.start && at < s.end)?.id ?? 0,
        formulation_id: String(f.formulation_id), start: at, end: at + String(f.canonical).length, matched: String(f.canonical),
      });
    }
  });
  // Theme scores per section and "_all".
  const scopes = [...sections, { id: "_all", start: 0, end: text.length, heading: null }];
  for (const scope of scopes) {
    const body = text.slice(scope.start, scope.end);
    const han = hanCount(body);
    const hits = codebook.themes.map((t) => t.terms.reduce((n, term) => n + occurrences(body, term).length, 0));
    const total = hits.reduce((a, b) => a + b, 0);
    const top = Math.max(...hits);
    codebook.themes.forEach((t, k) => {
      const h = hits[k]!;
      tables.theme_scores!.push({
        speech_id, section_id: scope.id, theme_id: t.id, hits: h, han_chars: han,
        rate_per_10k: han ? (h / han) * 10000 : 0, share: total ? h / total : 0, dominant: total > 0 && h === top && hits.indexOf(top) === k,
      });
    });
  }
  tables.speeches!.push({
    speech_id, source_file: g.file, source_sha256: sha, title: g.title, salutation: g.salutation, closing: g.closing,
    genre: g.genre, level: g.level, speaker_role: null, year: g.year, year_basis: g.year_basis.startsWith("explicit") ? "explicit" : g.year_basis,
    year_evidence: JSON.stringify(g.year_evidence.map((snippet) => ({ snippet, source: "fixture" }))),
    year_conflict: g.year_conflict, content_year: g.content_year ?? null, year_min: null, year_max: null, declared_chars: null,
    han_chars: hanCount(text), chars: text.length, placeholders: g.placeholders,
    quality_flags: g.placeholders ? "placeholders" : "", sections: sections.length, sentences: sentenceCount,
  });
  tables.manifest!.push({ path: g.file, sha256: sha, bytes: raw.length, encoding: "utf-8", status: "ingested", reason: null, speech_id, similarity: null });
}
tables.manifest!.push({ path: "fixture_duplicate.txt", sha256: "0".repeat(64), bytes: 10, encoding: "utf-8", status: "quarantined", reason: "fixture: empty after cleaning", speech_id: null, similarity: null });
tables.terms!.push({ speech_id: String(tables.speeches![0]!.speech_id), section_id: "preamble", term: "组织", pos: "n", count: 3 });
tables.term_stats!.push({ term: "组织", group_kind: "corpus", group: "all", count: 3, han_chars: 100, rate_per_10k: 300, mean_speech_rate_per_10k: null, df: 1, tfidf: null, log_odds_z: null });
tables.formulation_candidates!.push({ phrase: "六个体系", pattern: "numbered", count: 2, speeches: 1, in_lexicon: false, rank: 1, example_speech_id: String(tables.speeches![0]!.speech_id), example_start: 0, example_end: 4 });
tables.removals!.push({ speech_id: String(tables.speeches![0]!.speech_id), source_file: gold[0]!.file, rule_id: "fixture", start: 0, end: 1, text: " " });

// ---- writing -------------------------------------------------------------------------------
const INT_COLS = /^(level|ordinal|start|end|heading_start|heading_end|seq|sentence_id|hits|han_chars|year|content_year|year_min|year_max|declared_chars|chars|placeholders|sections|sentences|bytes|count|speeches|rank|example_start|example_end|df)$/;
function colType(name: string, values: Cell[]): ColType {
  const v = values.find((x) => x !== null);
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return INT_COLS.test(name) ? "int" : "float";
  if (v === undefined && INT_COLS.test(name)) return "int";
  if (v === undefined && /rate|share|similarity|tfidf|log_odds|mean_/.test(name)) return "float";
  return "utf8";
}
const ARROW_TYPE = { utf8: new arrow.Utf8(), int: new arrow.Int32(), float: new arrow.Float64(), bool: new arrow.Bool() };

function writeTable(name: string, rows: Row[]): { name: string; fields: { name: string; type: string }[] } {
  const cols = Object.keys(rows[0] ?? {});
  const vectors: Record<string, arrow.Vector> = {};
  const fields: { name: string; type: string }[] = [];
  for (const c of cols) {
    const values = rows.map((r) => r[c] ?? null);
    const t = colType(c, values);
    vectors[c] = arrow.vectorFromArray(values, ARROW_TYPE[t] as arrow.DataType);
    fields.push({ name: c, type: t === "utf8" ? "string" : t === "int" ? "integer" : t === "float" ? "number" : "boolean" });
  }
  const table = new arrow.Table(vectors);
  const props = new pw.WriterPropertiesBuilder().setCompression(pw.Compression.ZSTD).build();
  writeFileSync(join(OUT, `${name}.parquet`), pw.writeParquet(pw.Table.fromIPCStream(arrow.tableToIPC(table, "stream")), props));
  const esc = (v: Cell): string => (v === null ? "" : /[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  writeFileSync(join(OUT, `${name}.csv`), [cols.join(","), ...rows.map((r) => cols.map((c) => esc(r[c] ?? null)).join(","))].join("\n") + "\n");
  return { name, fields };
}

mkdirSync(OUT, { recursive: true });
const resources = Object.entries(tables).map(([name, rows]) => {
  const { fields } = writeTable(name, rows);
  return { name, path: `${name}.parquet`, format: "parquet", schema: { fields }, rows: rows.length };
});
writeFileSync(join(OUT, "datapackage.json"), JSON.stringify({
  name: "speech-atlas-fixture", title: "Speech Atlas DEV FIXTURE (not real pipeline output)",
  description: "Offsets are UTF-16 code units into the cleaned text, half-open [start, end).", resources,
}, null, 2));
writeFileSync(join(OUT, "manifest.json"), JSON.stringify({
  generator: "scripts/site/fake-out.ts (dev fixture)", generated_at: new Date().toISOString(),
  tables: Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, v.length])),
}, null, 2));
console.log(`fixture written to ${OUT}: ${resources.map((r) => `${r.name}=${r.rows}`).join(" ")}`);
