// Keyword in context: one line per occurrence — left context · match · right context — each a
// link to the reader at that sentence with the match highlighted. Text is interpolated by htl,
// i.e. inserted as text nodes: corpus text can never become markup.
import { html } from "npm:htl";
import { deferLayout } from "./deferLayout.js";

/**
 * @param lines rows {left, match, right, href, name, title?}
 * @param options {total?: number of occurrences before any limit}
 */
export function kwicList(lines, { total = lines.length } = {}) {
  // Rows from DOM calls, not one htl template a row: htl parses its template in JS on every
  // call, ~30 ms for 300 lines, paid by every search. textContent keeps text as text.
  const tbody = document.createElement("tbody");
  for (const d of lines) {
    const tr = tbody.appendChild(document.createElement("tr"));
    cell(tr, "kwic-left").textContent = d.left;
    const a = cell(tr, "kwic-match").appendChild(document.createElement("a"));
    a.setAttribute("href", d.href);
    a.setAttribute("title", d.title ?? "");
    a.appendChild(document.createElement("mark")).textContent = d.match;
    cell(tr, "kwic-right").textContent = d.right;
    const source = cell(tr, "kwic-source").appendChild(document.createElement("a"));
    source.setAttribute("href", d.href);
    source.textContent = d.name;
  }
  // Below the trend charts, off screen as a search answers: laid out only when scrolled near
  // (one line a row until then). Containment clips what overflows: a table wider than a narrow
  // screen scrolls sideways instead.
  const lazy = deferLayout(
    html`<div style="overflow-x: auto"><table>${tbody}</table></div>`,
    lines.length * 1.6,
  );
  return html`<div class="atlas-kwic">
    <p class="atlas-en">${lines.length < total ? `显示 shown ${lines.length} / 共 total ${total}` : `共 ${total} 处 occurrences`}</p>
    ${lazy}
  </div>`;
}

function cell(tr, className) {
  const td = tr.appendChild(document.createElement("td"));
  td.className = className;
  return td;
}

/** Splits a sentence around [start, end) (UTF-16 offsets into the sentence) with `width` chars of context. */
export function kwicLine(text, start, end, width = 30) {
  const left = text.slice(Math.max(0, start - width), start).replace(/\s+/g, " ");
  const right = text.slice(end, end + width).replace(/\s+/g, " ");
  return {
    left: (start > width ? "…" : "") + left,
    match: text.slice(start, end),
    right: right + (end + width < text.length ? "…" : ""),
  };
}
