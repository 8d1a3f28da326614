// The briefing's numbers in words: which themes and formulations are strongest in the selection.
// Pure functions over the rows the charts drew, so summary, HTML and CSVs cannot disagree.
import type { ExampleGroup } from "./examples.ts";
import { reuseMarkdown, type ReuseFigures } from "./reuse.ts";
import type { FormulationLike, HitLike, Row, SpeechLike } from "../../src/charts/params.js";

export interface ThemeStrength {
  theme_id: string;
  theme: string;
  hits: number;
  han_chars: number;
  rate_per_10k: number;
  /** Speech label with the highest rate for this theme. */
  peak_speech: string;
  peak_rate_per_10k: number;
}

export interface FormulationStrength {
  formulation_id: string;
  canonical: string;
  hits: number;
  speeches: number;
  rate_per_10k: number;
}

/** Themes by pooled rate over the heatmap rows (Σ hits / Σ Han characters), strongest first. */
export function strongestThemes(heatmapRows: Row[], k = 5): ThemeStrength[] {
  const by = new Map<string, ThemeStrength>();
  for (const r of heatmapRows) {
    const id = String(r.theme_id);
    const t = by.get(id) ?? {
      theme_id: id,
      theme: String(r.theme),
      hits: 0,
      han_chars: 0,
      rate_per_10k: 0,
      peak_speech: "",
      peak_rate_per_10k: -1,
    };
    t.hits += Number(r.hits);
    t.han_chars += Number(r.han_chars);
    if (Number(r.rate_per_10k) > t.peak_rate_per_10k) {
      t.peak_rate_per_10k = Number(r.rate_per_10k);
      t.peak_speech = String(r.speech);
    }
    by.set(id, t);
  }
  for (const t of by.values()) t.rate_per_10k = t.han_chars ? (t.hits / t.han_chars) * 1e4 : 0;
  return [...by.values()]
    .sort((a, b) => b.rate_per_10k - a.rate_per_10k || a.theme_id.localeCompare(b.theme_id))
    .slice(0, k);
}

/** Formulations by matches in the selected speeches; `only` restricts to given formulations (zeros kept). */
export function formulationStrengths(
  hits: HitLike[],
  selected: SpeechLike[],
  formulations: FormulationLike[],
  only?: FormulationLike[],
): FormulationStrength[] {
  const ids = new Set(selected.map((s) => s.speech_id));
  const chars = selected.reduce((n, s) => n + (s.han_chars ?? 0), 0);
  const count = new Map<string, { hits: number; speeches: Set<string> }>();
  for (const h of hits) {
    if (!ids.has(h.speech_id)) continue;
    const c = count.get(h.formulation_id) ?? { hits: 0, speeches: new Set<string>() };
    c.hits += 1;
    c.speeches.add(h.speech_id);
    count.set(h.formulation_id, c);
  }
  const rows = (only ?? formulations).map((f) => {
    const c = count.get(f.formulation_id);
    const n = c?.hits ?? 0;
    return {
      formulation_id: f.formulation_id,
      canonical: f.canonical,
      hits: n,
      speeches: c?.speeches.size ?? 0,
      rate_per_10k: chars ? (n / chars) * 1e4 : 0,
    };
  });
  return only
    ? rows
    : rows
        .filter((r) => r.hits > 0)
        .sort((a, b) => b.hits - a.hits || a.formulation_id.localeCompare(b.formulation_id));
}

export interface SummaryInput {
  title: string;
  corpus: string;
  selection: string;
  selected: SpeechLike[];
  version: string;
  date: string;
  themes: ThemeStrength[];
  formulations: FormulationStrength[];
  requested: FormulationStrength[];
  charts: { id: string; title: string; caption: string; rows: number }[];
  /** Up to three example sentences per formulation and theme. */
  examples: ExampleGroup[];
  /** Where the data came from (folder and why it was chosen). */
  dataSource: string;
  /** Text reuse in the selection; null when it shares no passage (nothing is said). */
  reuse: ReuseFigures | null;
}

const f1 = (n: number): string => n.toFixed(1);

export function summaryMarkdown(s: SummaryInput): string {
  const lines = [
    `# ${s.title}`,
    "",
    `- 语料 Corpus: ${s.corpus}`,
    `- 选择 Selection: ${s.selection} (${s.selected.length} speeches, ${s.selected.reduce((n, x) => n + (x.han_chars ?? 0), 0)} Han characters)`,
    `- 数据版本 Data version: ${s.version}; 数据截至 data through ${s.date}`,
    `- 数据来源 Data from: ${s.dataSource}`,
    "",
    "## 最突出的主题 Strongest themes (pooled hits per 10,000 Han characters)",
    "",
    "| theme | hits | per 10k | highest in |",
    "|---|---:|---:|---|",
    ...s.themes.map(
      (t) =>
        `| ${t.theme} (${t.theme_id}) | ${t.hits} | ${f1(t.rate_per_10k)} | ${t.peak_speech} (${f1(t.peak_rate_per_10k)}) |`,
    ),
    "",
    "## 最常见的提法 Most frequent formulations",
    "",
    "| formulation | hits | speeches | per 10k |",
    "|---|---:|---:|---:|",
    ...s.formulations.map(
      (f) =>
        `| ${f.canonical} (${f.formulation_id}) | ${f.hits} | ${f.speeches} | ${f1(f.rate_per_10k)} |`,
    ),
  ];
  if (s.requested.length) {
    lines.push(
      "",
      "## 所查提法 Requested formulations",
      "",
      "| formulation | hits | speeches | per 10k |",
      "|---|---:|---:|---:|",
    );
    lines.push(
      ...s.requested.map(
        (f) =>
          `| ${f.canonical} (${f.formulation_id}) | ${f.hits} | ${f.speeches} | ${f1(f.rate_per_10k)} |`,
      ),
    );
  }
  if (s.examples.length) {
    lines.push("", "## 例句 Example sentences", "");
    for (const g of s.examples) {
      lines.push(`### ${g.label}`, "");
      if (!g.examples.length) lines.push("- （所选讲话中没有 none in the selected speeches）");
      for (const e of g.examples)
        lines.push(`- ${e.left}**${e.match}**${e.right} — ${e.year ?? "?"} · ${e.speech}`);
      lines.push("");
    }
  }
  if (s.reuse) lines.push("", ...reuseMarkdown(s.reuse));
  lines.push("", "## 图表 Charts", "");
  lines.push(
    ...s.charts.map(
      (c) => `- charts/${c.id}.svg|png|csv — ${c.title} (${c.rows} rows). ${c.caption}`,
    ),
  );
  return lines.join("\n") + "\n";
}
