// Concordance (KWIC) block of the Terms page: `year · speech`, the left context right-aligned
// against the keyword, the keyword, the right context, one line per occurrence, each a link to
// the reader at its sentence. Its own controls: order, context width, CSV export. Built from DOM
// calls (textContent): corpus text can never become markup, and 500 lines render in a few ms.
import { html } from "npm:htl";
import { concordanceCsv, concordanceLine, sortConcordance, SORTS } from "../lib/concordance.js";
import { deferLayout } from "./deferLayout.js";

/**
 * @param occurrences rows {speech_id, sentence_id, start, end, text (the sentence), local (the
 *   keyword's offset in it), year, name, title, source_file, href}
 * @param options {limit: lines drawn (the CSV has all), width: initial context width in
 *   characters, sort: initial order (lib/concordance.js SORTS), file: CSV file name}
 */
export function concordance(
  occurrences,
  { limit = 500, width = 14, sort = "year", file = "concordance.csv" } = {},
) {
  const state = { width, sort };
  const sortInput = html`<select aria-label="排序 Order">${Object.entries(SORTS).map(
    ([value, text]) => html`<option value=${value} selected=${value === sort}>${text}`,
  )}</select>`;
  const widthInput = html`<input type="range" min="5" max="60" step="1" value=${width} aria-label="上下文宽度 Context width">`;
  const widthOut = html`<output>${width}</output>`;
  const csvButton = html`<button type="button">下载 CSV Download CSV</button>`;
  const count = html`<span class="atlas-en"></span>`;
  const body = html`<div class="atlas-concordance-lines"></div>`;

  const lines = () =>
    sortConcordance(
      occurrences.map((d) => ({
        ...d,
        ...concordanceLine(d.text, d.local, d.local + (d.end - d.start), state.width),
      })),
      state.sort,
    );

  function draw() {
    const all = lines();
    const shown = all.slice(0, limit);
    count.textContent =
      shown.length < all.length
        ? `显示 shown ${shown.length} / 共 total ${all.length}（CSV 含全部 the CSV has all）`
        : `共 ${all.length} 处 occurrences`;
    const table = document.createElement("table");
    table.className = "atlas-concordance";
    table.style.cssText =
      "table-layout: fixed; width: auto; max-width: none; font-size: 14px; border-collapse: collapse";
    const colgroup = table.appendChild(document.createElement("colgroup"));
    for (const w of ["9em", `${state.width + 1.5}em`, "auto", `${state.width + 1.5}em`])
      colgroup.appendChild(document.createElement("col")).style.width = w;
    const tbody = table.appendChild(document.createElement("tbody"));
    for (const d of shown) {
      const tr = tbody.appendChild(document.createElement("tr"));
      const source = cell(tr, "cc-source kwic-source").appendChild(document.createElement("a"));
      source.href = d.href;
      source.textContent = d.name;
      source.title = d.title ?? d.name;
      // The left cell holds exactly `width` characters, right-aligned: it ends where the
      // keyword begins. A flex box aligned to the end overflows on its start side, so even a
      // context wider than its cell is clipped on the left, never next to the keyword.
      const left = cell(tr, "cc-left kwic-left").appendChild(document.createElement("div"));
      left.appendChild(document.createElement("span")).textContent =
        (d.cutLeft ? "…" : "") + d.left;
      const kw = cell(tr, "cc-keyword kwic-match").appendChild(document.createElement("a"));
      kw.href = d.href;
      kw.appendChild(document.createElement("mark")).textContent = d.keyword;
      // An occurrence inside a longer formulation's match: counted, and marked as such.
      if (d.nested_in) {
        kw.parentElement.classList.add("cc-nested");
        kw.title = `在更长的提法之内 inside a longer formulation: ${d.nested_matched}`;
        kw.appendChild(document.createElement("sup")).textContent = "⊂";
      }
      cell(tr, "cc-right kwic-right").textContent = d.right + (d.cutRight ? "…" : "");
    }
    body.replaceChildren(
      deferLayout(html`<div style="overflow-x: auto">${table}</div>`, shown.length * 1.6),
    );
  }

  sortInput.onchange = () => {
    state.sort = sortInput.value;
    draw();
  };
  widthInput.oninput = () => {
    state.width = Number(widthInput.value);
    widthOut.value = String(state.width);
    draw();
  };
  csvButton.onclick = () => {
    const blob = new Blob([concordanceCsv(lines())], { type: "text/csv;charset=utf-8" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = file;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };
  draw();
  return html`<div class="atlas-concordance-block">
    <style>
      .atlas-concordance td { padding: 2px 4px; white-space: nowrap; overflow: hidden; }
      .atlas-concordance .cc-source { font-size: 12px; text-overflow: ellipsis; }
      .atlas-concordance .cc-source a { color: var(--theme-foreground-muted); }
      .atlas-concordance .cc-left div { display: flex; justify-content: flex-end; overflow: hidden; }
      .atlas-concordance .cc-keyword { text-align: center; }
      .atlas-concordance mark { background: #ffe58a; }
      .atlas-concordance .cc-nested mark { background: #fff3c4; outline: 1px dashed #c9a400; }
      .atlas-concordance-controls { display: flex; gap: 1.2em; align-items: center; flex-wrap: wrap; font-size: 14px; }
    </style>
    <div class="atlas-concordance-controls">
      <label>排序 Order ${sortInput}</label>
      <label>上下文 Context ${widthInput} ${widthOut} 字 chars</label>
      ${csvButton} ${count}
    </div>
    ${body}
  </div>`;
}

function cell(tr, className) {
  const td = tr.appendChild(document.createElement("td"));
  td.className = className;
  return td;
}
