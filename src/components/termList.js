// The Terms page's term list (Voyant's Terms panel): term, count, rate per 10k Han characters,
// number of speeches, a small trend line of the rate by year; filter by text, sort by any
// column; a click on a term calls `onPick(term)` (the page searches it: trend and concordance).
// DOM calls and textContent: terms never become markup.
import { html } from "npm:htl";

const SVG = "http://www.w3.org/2000/svg";

/** A 80×18 polyline of values (rate by year), scaled to its own maximum. */
export function sparkline(values, { width = 80, height = 18 } = {}) {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("width", width);
  svg.setAttribute("height", height);
  svg.setAttribute("class", "atlas-sparkline");
  const max = Math.max(...values, 0);
  if (values.length < 2 || max <= 0) return svg;
  const x = (i) => (i / (values.length - 1)) * (width - 2) + 1;
  const y = (v) => height - 1 - (v / max) * (height - 2);
  const line = svg.appendChild(document.createElementNS(SVG, "polyline"));
  line.setAttribute(
    "points",
    values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" "),
  );
  line.setAttribute("fill", "none");
  line.setAttribute("stroke", "currentColor");
  line.setAttribute("stroke-width", "1.2");
  return svg;
}

const COLUMNS = [
  ["term", "词语 Term"],
  ["count", "次数 Count"],
  ["rate", "每万字 Per 10k"],
  ["df", "讲话数 Speeches"],
];

/**
 * @param data src/data/term_list.json ({years, year_chars, terms: [[term, count, rate, df,
 *   counts by year]], limit, total_terms})
 * @param options {onPick(term), rows: lines drawn}
 */
export function termList(data, { onPick = () => {}, rows = 100 } = {}) {
  const terms = data.terms.map(([term, count, rate, df, byYear]) => ({
    term,
    count,
    rate,
    df,
    trend: byYear.map((n, i) => (data.year_chars[i] > 0 ? (n / data.year_chars[i]) * 1e4 : 0)),
  }));
  const state = { filter: "", sort: "count", desc: true };
  const filter = html`<input type="search" placeholder="筛选 Filter, e.g. 改革" aria-label="筛选 Filter">`;
  const note = html`<span class="atlas-en"></span>`;
  const table = document.createElement("table");
  table.className = "atlas-term-list";
  const head = table
    .appendChild(document.createElement("thead"))
    .appendChild(document.createElement("tr"));
  for (const [key, text] of COLUMNS) {
    const th = head.appendChild(document.createElement("th"));
    const button = th.appendChild(document.createElement("button"));
    button.type = "button";
    button.textContent = text;
    button.dataset.sort = key;
    button.onclick = () => {
      state.desc = state.sort === key ? !state.desc : key !== "term";
      state.sort = key;
      draw();
    };
  }
  head.appendChild(document.createElement("th")).textContent =
    `趋势 Trend ${data.years[0] ?? ""}–${data.years.at(-1) ?? ""}`;
  const tbody = table.appendChild(document.createElement("tbody"));

  function draw() {
    const f = state.filter.trim();
    const sign = state.desc ? -1 : 1;
    const shown = terms
      .filter((d) => !f || d.term.includes(f))
      .sort(
        (a, b) =>
          (a[state.sort] < b[state.sort] ? -sign : a[state.sort] > b[state.sort] ? sign : 0) ||
          b.count - a.count,
      );
    note.textContent = `${shown.length} / ${terms.length} 词 terms（语料最常用的 ${data.limit} 个，共 ${data.total_terms} 个 the corpus's ${data.limit} most frequent of ${data.total_terms}）`;
    tbody.replaceChildren();
    for (const d of shown.slice(0, rows)) {
      const tr = tbody.appendChild(document.createElement("tr"));
      const a = tr
        .appendChild(document.createElement("td"))
        .appendChild(document.createElement("a"));
      a.textContent = d.term;
      a.href = `?q=${encodeURIComponent(d.term)}#term-search`;
      a.onclick = (e) => {
        e.preventDefault();
        onPick(d.term);
      };
      tr.appendChild(document.createElement("td")).textContent = d.count.toLocaleString("zh-CN");
      tr.appendChild(document.createElement("td")).textContent = d.rate.toFixed(2);
      tr.appendChild(document.createElement("td")).textContent = String(d.df);
      tr.appendChild(document.createElement("td")).appendChild(sparkline(d.trend));
    }
  }
  filter.oninput = () => {
    state.filter = filter.value;
    draw();
  };
  draw();
  return html`<div class="atlas-term-list-block">
    <style>
      .atlas-term-list th button { all: unset; cursor: pointer; font-weight: 600; }
      .atlas-term-list td { padding: 1px 8px; }
      .atlas-term-list .atlas-sparkline { color: #4269d0; vertical-align: middle; }
    </style>
    <p>${filter} ${note}</p>
    ${table}
  </div>`;
}
