// Keyword in context: one line per occurrence — left context · match · right context — each a
// link to the reader at that sentence with the match highlighted. Text is interpolated by htl,
// i.e. inserted as text nodes: corpus text can never become markup.
import { html } from "npm:htl";

/**
 * @param lines rows {left, match, right, href, name, title?}
 * @param options {total?: number of occurrences before any limit}
 */
export function kwicList(lines, { total = lines.length } = {}) {
  return html`<div class="atlas-kwic">
    <p class="atlas-en">${lines.length < total ? `显示 shown ${lines.length} / 共 total ${total}` : `共 ${total} 处 occurrences`}</p>
    <table>
      <tbody>${lines.map(
        (d) => html`<tr>
        <td class="kwic-left">${d.left}</td>
        <td class="kwic-match"><a href=${d.href} title=${d.title ?? ""}><mark>${d.match}</mark></a></td>
        <td class="kwic-right">${d.right}</td>
        <td class="kwic-source"><a href=${d.href}>${d.name}</a></td>
      </tr>`,
      )}</tbody>
    </table>
  </div>`;
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
