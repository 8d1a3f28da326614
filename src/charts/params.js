// Chart parameters and the helpers every chart kind shares, as pure functions over plain table
// rows: parsing and validating the parameters of a chart (URL query of an embed, options of the
// report command; a bad value yields a message listing the valid values, never an exception, so
// pages show it instead of failing), the speech selection, labels, and the source line.
// Each chart kind's own rows, drawing and spec live in src/charts/<kind>.js.

import { resolveSearch } from "../lib/search.js";

export const NORMALISATIONS = ["rate", "share"];
/** `theme=all`: every theme of the codebook (a theme trend otherwise shows the five strongest). */
export const ALL_THEMES = "all";
/** Layouts of by-year charts: one plot of lines, or small multiples (src/charts/year-trend.js). */
export const LAYOUTS = ["lines", "multiples"];

/** Arrow hands Int64 columns over as BigInt: every numeric cell becomes a Number. */
export function plainRows(rows) {
  // An Arrow table is read column by column: the same objects as row.toJSON(), but without a
  // row proxy and a type dispatch per cell (10,000 speeches: ~55 ms against ~70 ms in Node;
  // dictionary-encoded tables such as formulation_kwic ~7× faster).
  if (typeof rows?.getChildAt === "function" && rows.schema?.fields) {
    const out = Array.from({ length: rows.numRows }, () => ({}));
    rows.schema.fields.forEach(({ name }, j) => {
      let i = 0;
      for (const v of rows.getChildAt(j)) out[i++][name] = typeof v === "bigint" ? Number(v) : v;
    });
    return out;
  }
  return Array.from(rows, (row) => {
    const o = typeof row?.toJSON === "function" ? row.toJSON() : { ...row };
    for (const k of Object.keys(o)) if (typeof o[k] === "bigint") o[k] = Number(o[k]);
    return o;
  });
}

/** "a,b、c" / ["a,b"] → ["a","b","c"]: lists arrive from URLs and command lines alike. */
export function parseList(value) {
  const parts = (Array.isArray(value) ? value : [value ?? ""]).flatMap((v) =>
    String(v).split(/[,，、\s]+/),
  );
  return [...new Set(parts.map((s) => s.trim()).filter(Boolean))];
}

/** "2019-2023", "2019–2023", "2023" → {from, to}; returns {error} for anything else or from > to. */
export function parseYears(value) {
  const m = /^\s*(\d{4})\s*(?:[-–—~至]\s*(\d{4}))?\s*$/.exec(String(value ?? ""));
  if (!m) return { error: `years must look like 2019-2023 or 2023, got "${value}"` };
  const from = Number(m[1]);
  const to = Number(m[2] ?? m[1]);
  if (from > to)
    return { error: `empty year range ${from}-${to}: the first year is after the last` };
  return { from, to };
}

/** Character-bigram Dice similarity; containment counts as a near match too. */
function similarity(a, b) {
  if (!a || !b) return 0;
  if (a.includes(b) || b.includes(a))
    return 0.9 + Math.min(a.length, b.length) / Math.max(a.length, b.length) / 10;
  const grams = (s) => {
    const out = new Map();
    for (let i = 0; i < s.length - 1; i++)
      out.set(s.slice(i, i + 2), (out.get(s.slice(i, i + 2)) ?? 0) + 1);
    return out;
  };
  const ga = grams(a);
  const gb = grams(b);
  let shared = 0;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  const total = Math.max(a.length - 1, 0) + Math.max(b.length - 1, 0);
  if (total === 0) return a === b ? 1 : a[0] === b[0] ? 0.5 : 0;
  return (2 * shared) / total;
}

/** Up to `k` candidates most similar to `query` (similarity > 0.3), best first. */
export function nearMatches(query, candidates, k = 5) {
  const q = String(query).toLowerCase();
  return candidates
    .map((c) => ({ c, s: similarity(q, String(c).toLowerCase()) }))
    .filter((d) => d.s > 0.3)
    .sort((a, b) => b.s - a.s || String(a.c).localeCompare(String(b.c)))
    .slice(0, k)
    .map((d) => d.c);
}

/** Speeches narrowed by explicit ids and/or a year range; errors list the valid values. */
export function selectSpeeches(speeches, { ids = [], years = null } = {}) {
  const errors = [];
  const byId = new Map(speeches.map((s) => [s.speech_id, s]));
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length)
    errors.push(
      `unknown speech id ${unknown.join(", ")}; valid ids: ${[...byId.keys()].sort().join(", ")}`,
    );
  // Explicit ids keep their order; otherwise the dashboard's order: by year (unknown last), then file.
  let selected = ids.length
    ? ids.filter((id) => byId.has(id)).map((id) => byId.get(id))
    : speeches
        .slice()
        .sort(
          (a, b) =>
            (a.year ?? Infinity) - (b.year ?? Infinity) ||
            String(a.source_file ?? "").localeCompare(String(b.source_file ?? "")),
        );
  if (years) {
    selected = selected.filter((s) => s.year != null && s.year >= years.from && s.year <= years.to);
    if (!errors.length && !selected.length) {
      const known = [...new Set(speeches.map((s) => s.year).filter((y) => y != null))].sort(
        (a, b) => a - b,
      );
      errors.push(
        `no speech in ${years.from}-${years.to}; years with speeches: ${known.join(", ") || "none"}`,
      );
    }
  }
  return { selected, errors };
}

/** Theme ids / Chinese / English names → theme rows; unknown names get near-match suggestions. */
export function resolveThemes(themes, names) {
  const errors = [];
  const found = [];
  for (const name of names) {
    const n = name.toLowerCase();
    const t = themes.find((t) =>
      [t.theme_id, t.zh, t.en].some((v) => v != null && String(v).toLowerCase() === n),
    );
    if (t) found.push(t);
    else {
      const near = nearMatches(
        name,
        themes.flatMap((t) => [t.theme_id, t.zh]),
      );
      errors.push(
        `unknown theme "${name}"${near.length ? ` (did you mean ${near.join(", ")}?)` : ""}; valid themes: ${themes.map((t) => t.theme_id).join(", ")}`,
      );
    }
  }
  return { themes: [...new Set(found)], errors };
}

function variantsOf(f) {
  if (Array.isArray(f.variants)) return f.variants;
  try {
    const v = JSON.parse(f.variants ?? "[]");
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

/** Formulation ids, canonical forms or variants → formulation rows; unknown terms get near matches. */
export function resolveFormulations(formulations, terms) {
  const errors = [];
  const found = [];
  for (const term of terms) {
    const f = formulations.find(
      (f) => f.formulation_id === term || f.canonical === term || variantsOf(f).includes(term),
    );
    if (f) found.push(f);
    else {
      const near = nearMatches(
        term,
        formulations.flatMap((f) => [f.canonical, f.formulation_id]),
      );
      errors.push(
        `unknown term "${term}"` +
          (near.length
            ? `; near matches: ${near.join(", ")}`
            : `; valid terms are the lexicon's formulations, e.g. ${formulations
                .slice(0, 8)
                .map((f) => f.canonical)
                .join(", ")}`),
      );
    }
  }
  return { formulations: [...new Set(found)], errors };
}

export function parseNormalisation(value) {
  // The dashboard's measure switches say "rate_per_10k"; embeds and the CLI say "rate".
  const v = value == null || value === "" || value === "rate_per_10k" ? "rate" : String(value);
  return NORMALISATIONS.includes(v)
    ? { normalisation: v }
    : { error: `normalisation must be one of ${NORMALISATIONS.join(", ")}, got "${v}"` };
}

/** The chart kinds with an embed page, and the URL parameters each one reads. */
export const CHART_KINDS = {
  "theme-heatmap": ["speeches", "years", "theme", "normalisation"],
  "theme-trend": ["speeches", "years", "theme", "normalisation", "pool", "layout"],
  "formulation-trend": ["speeches", "years", "term"],
  "theme-bars": ["speeches", "years", "theme", "normalisation"],
  "outline-profile": ["speech", "theme", "normalisation"],
  "term-by-speech": ["speeches", "years", "term"],
  "term-trend": ["speeches", "years", "term", "pool"],
  "log-odds": ["kind", "a", "b", "n"],
  "reuse-ranking": ["speeches", "years", "top"],
  "reuse-groups": ["speeches", "years", "top"],
};

/** `top`: bars (reuse-ranking) or groups (reuse-groups) drawn. */
export const TOP_ROWS = { min: 1, max: 200, default: 20 };

/** Year aggregations: pooled Σhits/Σchars (long speeches weigh more) or the mean of per-speech values. */
export const POOLS = ["pooled", "mean"];
/** Group kinds of the distinctive-terms chart. */
export const GROUP_KINDS = ["speech", "year", "level", "genre"];
/** "b=rest": group B is every other speech. */
export const REST_PARAM = "rest";
export const TOP_N = { min: 5, max: 40, default: 15 };

// Kinds whose `term` is one search (a formulation or else a literal string, as on the Terms page)
// rather than a list of lexicon formulations.
const SEARCH_TERM_KINDS = new Set(["term-by-speech", "term-trend"]);

/**
 * Validates the parameters of one chart kind against the data.
 * `get(name)` reads a raw parameter (URLSearchParams#get or an options object).
 * Without `term`, a formulation trend shows the five formulations with most hits in the selection.
 * Returns {ok: true, selected, themes, formulations, normalisation, years, params} or {ok: false, errors};
 * `params` is the canonical URL query of the chart (what an embed snippet carries).
 */
export function parseChartParams(
  kind,
  get,
  { speeches, themes, formulations, formulationHits = [] },
) {
  const allowed = CHART_KINDS[kind];
  if (!allowed)
    return {
      ok: false,
      errors: [`unknown chart "${kind}"; valid charts: ${Object.keys(CHART_KINDS).join(", ")}`],
    };
  const errors = [];
  const yearsRaw = get("years");
  let years = null;
  if (yearsRaw != null && yearsRaw !== "") {
    const y = parseYears(yearsRaw);
    if (y.error) errors.push(y.error);
    else years = y;
  }
  const ids = parseList(get("speeches"));
  const sel = errors.length
    ? { selected: [], errors: [] }
    : selectSpeeches(speeches, { ids, years });
  errors.push(...sel.errors);
  const out = {
    ok: true,
    kind,
    selected: sel.selected,
    years,
    themes,
    formulations: [],
    normalisation: "rate",
    params: {},
  };
  if (ids.length) out.params.speeches = ids.join(",");
  if (years)
    out.params.years = years.from === years.to ? String(years.from) : `${years.from}-${years.to}`;
  if (allowed.includes("theme")) {
    const names = parseList(get("theme"));
    // No theme named: the chart decides (a theme trend shows the five strongest); "all": every theme.
    out.themesDefault = !names.length;
    if (names.length === 1 && names[0] === ALL_THEMES) out.params.theme = ALL_THEMES;
    else if (names.length) {
      const r = resolveThemes(themes, names);
      errors.push(...r.errors);
      out.themes = r.themes;
      out.params.theme = r.themes.map((t) => t.theme_id).join(",");
    }
  }
  if (allowed.includes("normalisation")) {
    const n = parseNormalisation(get("normalisation") ?? get("metric"));
    if (n.error) errors.push(n.error);
    else out.normalisation = n.normalisation;
    if (n.normalisation && n.normalisation !== "rate") out.params.normalisation = n.normalisation;
  }
  if (allowed.includes("layout")) {
    const layout = String(get("layout") ?? "").trim() || "lines";
    if (!LAYOUTS.includes(layout))
      errors.push(`layout must be one of ${LAYOUTS.join(", ")}, got "${layout}"`);
    else {
      out.layout = layout;
      if (layout !== "lines") out.params.layout = layout;
    }
  }
  const pool = get("pool");
  if (allowed.includes("pool")) {
    // A theme trend draws one aggregation (default pooled); a term trend draws both unless told.
    const pools = parseList(pool);
    const bad = pools.filter((p) => !POOLS.includes(p));
    if (bad.length)
      errors.push(
        `pool must be ${kind === "term-trend" ? "pooled, mean or both (pooled,mean)" : "pooled or mean"}, got "${bad.join(",")}"`,
      );
    else if (kind === "theme-trend" && pools.length > 1)
      errors.push(`pool must be pooled or mean (one line per theme), got "${pools.join(",")}"`);
    else {
      out.pools = pools.length
        ? POOLS.filter((p) => pools.includes(p))
        : kind === "term-trend"
          ? POOLS.slice()
          : ["pooled"];
      if (kind === "theme-trend" ? out.pools[0] !== "pooled" : out.pools.length < POOLS.length)
        out.params.pool = out.pools.join(",");
    }
  } else if (pool != null && pool !== "" && pool !== "pooled") {
    // These charts are always pooled (Σ hits / Σ chars); a copied "mean" view must not silently change.
    errors.push(`pool must be "pooled" (the only aggregation this chart draws), got "${pool}"`);
  }
  if (SEARCH_TERM_KINDS.has(kind)) {
    const raw = String(get("term") ?? "").trim();
    const found = resolveSearch(raw, formulations);
    if (found.kind === "empty") {
      errors.push(
        `term is required: a formulation of the lexicon (e.g. ${formulations
          .slice(0, 5)
          .map((f) => f.canonical)
          .join(", ")}) or any literal string`,
      );
    } else {
      out.search = found;
      if (found.kind === "formulation") out.formulations = [found.formulation];
      out.params.term = found.kind === "formulation" ? found.formulation.canonical : found.term;
    }
  } else if (allowed.includes("term")) {
    const terms = parseList(get("term"));
    if (terms.length) {
      const r = resolveFormulations(formulations, terms);
      errors.push(...r.errors);
      out.formulations = r.formulations;
    } else out.formulations = topFormulations(formulationHits, out.selected, formulations);
    // Always explicit, so a copied embed keeps its lines when the data grows.
    out.params.term = out.formulations.map((f) => f.canonical).join(",");
  }
  if (allowed.includes("speech")) {
    const id = String(get("speech") ?? "").trim();
    const speech = speeches.find((s) => s.speech_id === id);
    const valid = speeches
      .map((s) => s.speech_id)
      .sort()
      .join(", ");
    if (!id) errors.push(`speech is required: one speech id; valid ids: ${valid}`);
    else if (!speech) errors.push(`unknown speech id ${id}; valid ids: ${valid}`);
    else {
      out.speech = speech;
      out.selected = [speech];
      out.params.speech = id;
    }
  }
  if (allowed.includes("top")) {
    const raw = get("top");
    out.top = TOP_ROWS.default;
    if (raw != null && raw !== "") {
      const top = Number(raw);
      if (!Number.isInteger(top) || top < TOP_ROWS.min || top > TOP_ROWS.max)
        errors.push(
          `top must be a whole number from ${TOP_ROWS.min} to ${TOP_ROWS.max}, got "${raw}"`,
        );
      else {
        out.top = top;
        if (top !== TOP_ROWS.default) out.params.top = String(top);
      }
    }
  }
  if (kind === "log-odds") {
    const groups = parseGroups(get, speeches);
    errors.push(...groups.errors);
    if (!groups.errors.length) {
      out.groups = groups.groups;
      out.params = groups.params;
      out.selected = speeches;
    }
  }
  return errors.length ? { ok: false, errors } : out;
}

/** A speech's group value for a group kind, as src/data/logodds.zip.ts groups it (null: in no group). */
export function groupValue(kind, speech) {
  if (kind === "speech") return speech.speech_id;
  if (kind === "year") return speech.year == null ? "unknown" : String(speech.year);
  return speech[kind] ?? null;
}

/** The valid values of a group kind, in the Terms page's order (speech: dashboard order; else sorted). */
export function groupValues(kind, speeches) {
  if (kind === "speech") return selectSpeeches(speeches).selected.map((s) => s.speech_id);
  return [...new Set(speeches.map((s) => groupValue(kind, s)).filter((v) => v != null))].sort();
}

/** kind, a, b (a group value or "rest"), n → {groups: {kind, a, b (REST_PARAM or a value), n}, params} or errors. */
function parseGroups(get, speeches) {
  const errors = [];
  const kind = String(get("kind") ?? "").trim() || "speech";
  if (!GROUP_KINDS.includes(kind))
    return { errors: [`kind must be one of ${GROUP_KINDS.join(", ")}, got "${kind}"`] };
  const values = groupValues(kind, speeches);
  const a = String(get("a") ?? "").trim();
  const b = String(get("b") ?? "").trim() || REST_PARAM;
  const list = `valid ${kind} values: ${values.join(", ")}`;
  if (!a) errors.push(`a is required: the ${kind} of group A; ${list}`);
  else if (!values.includes(a)) errors.push(`unknown ${kind} "${a}" for a; ${list}`);
  if (b !== REST_PARAM && !values.includes(b))
    errors.push(`unknown ${kind} "${b}" for b; ${list}, or ${REST_PARAM} (all other speeches)`);
  if (a && a === b) errors.push(`a and b are the same ${kind} "${a}": pick two different groups`);
  const nRaw = get("n");
  let n = TOP_N.default;
  if (nRaw != null && nRaw !== "") {
    n = Number(nRaw);
    if (!Number.isInteger(n) || n < TOP_N.min || n > TOP_N.max)
      errors.push(`n must be a whole number from ${TOP_N.min} to ${TOP_N.max}, got "${nRaw}"`);
  }
  const params = { kind, a, b };
  if (n !== TOP_N.default) params.n = String(n);
  return { errors, groups: { kind, a, b, n }, params };
}

/** Formulations with the most hits in the selection (ties: lexicon order), for default trends. */
export function topFormulations(hits, selected, formulations, k = 5) {
  const ids = new Set(selected.map((s) => s.speech_id));
  const count = new Map();
  for (const h of hits)
    if (ids.has(h.speech_id)) count.set(h.formulation_id, (count.get(h.formulation_id) ?? 0) + 1);
  return formulations
    .map((f, i) => ({ f, n: count.get(f.formulation_id) ?? 0, i }))
    .filter((d) => d.n > 0)
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .slice(0, k)
    .map((d) => d.f);
}

/** The full title of a speech (hover text of its chart label). */
export const fullTitle = (s) => s.title || s.source_file || s.speech_id;

export const per10k = (hits, chars) => (chars > 0 ? (hits / chars) * 1e4 : 0);

/**
 * Unique display names "2023 · title…" for chart rows (titles may repeat or be missing); the chart
 * fits them to its margin (src/charts/speech-axis.js) and shows fullTitle on hover.
 */
export function speechLabels(selected, max = 40) {
  const names = new Map();
  const seen = new Map();
  for (const s of selected) {
    const raw = s.title || s.source_file || s.speech_id;
    const name = `${s.year ?? "?"} · ${raw.length > max ? raw.slice(0, max - 1) + "…" : raw}`;
    seen.set(name, (seen.get(name) ?? 0) + 1);
    names.set(s.speech_id, seen.get(name) > 1 ? `${name} (${s.speech_id.slice(-4)})` : name);
  }
  return names;
}

/** Speeches and Han characters per year of the selection (speeches without a year are left out). */
export function yearTotals(selected) {
  const totals = new Map();
  for (const s of selected) {
    if (s.year == null) continue;
    const t = totals.get(s.year) ?? { speeches: 0, han_chars: 0 };
    t.speeches += 1;
    t.han_chars += s.han_chars ?? 0;
    totals.set(s.year, t);
  }
  return new Map([...totals].sort((a, b) => a[0] - b[0]));
}

/** Bilingual theme label "政治建设 Political building", as on the dashboard (src/lib/atlas.js). */
export const themeName = (t) => (t.en ? `${t.zh} ${t.en}` : t.zh);

/** Link to a speech's reader page from a page one folder below the site root (src/embed/). */
export function readerLink(speechId, { section } = {}) {
  return `../speeches/${encodeURIComponent(speechId)}.html${section != null ? `#sec-${section}` : ""}`;
}

/**
 * The data date shown in source lines. Deliberately not the clock (an embed rebuilt tomorrow must
 * say the same thing): an explicit SPEECH_ATLAS_DATA_DATE when the publisher sets one, else the
 * newest speech year in the data ("数据截至 2024").
 */
export function dataDate(speeches, override) {
  if (override) return String(override);
  const years = speeches.map((s) => s.year).filter((y) => y != null);
  return years.length ? String(Math.max(...years)) : "n.d.";
}

/** "pipeline 0.1.0 · formulations 2026.11.1 · codebook 1.0.0" from manifest.json. */
export function dataVersion(manifest) {
  const lex = manifest?.lexicons ?? {};
  const parts = [`pipeline ${manifest?.pipeline?.version ?? lex.pipeline ?? "?"}`];
  for (const [k, v] of Object.entries(lex)) if (k !== "pipeline") parts.push(`${k} ${v}`);
  return parts.join(", ");
}

/** Source line of a chart: corpus, number of speeches drawn, data version, data date. */
export function sourceLine({ manifest, selected, allSpeeches, date }) {
  const corpus = manifest?.corpus?.name ?? "?";
  return `语料 Corpus: ${corpus} · ${selected.length} 篇讲话 speeches · 数据版本 data: ${dataVersion(manifest)} · 数据截至 data through ${dataDate(allSpeeches ?? selected, date)}`;
}
