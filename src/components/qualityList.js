// A data-quality list of the Overview: one item per speech or file, a bold name on the first
// line, then a note. At 10,000 speeches the lists hold thousands of items and decided when the
// heatmap above them appeared: ~0.2 s to build with htl (it parses its template on every call)
// and ~0.45 s of layout before the heatmap could be drawn. Here the items are built with DOM
// calls (text stays text) and laid out only when the list scrolls near (deferLayout.js).
import { deferLayout } from "./deferLayout.js";

/**
 * @param items rows to list
 * @param item (d) => {title, text, en?}: bold first line, note, optional muted English note
 */
export function qualityList(items, item) {
  const ul = document.createElement("ul");
  // Layout containment clips overflow: long unbroken names (file paths) wrap instead.
  ul.style.overflowWrap = "anywhere";
  for (const d of items) {
    const { title, text, en } = item(d);
    const li = ul.appendChild(document.createElement("li"));
    li.appendChild(document.createElement("b")).textContent = title;
    li.append(document.createElement("br"), text);
    if (en) {
      const span = document.createElement("span");
      span.className = "atlas-en";
      span.textContent = en;
      li.append(" ", span);
    }
  }
  // Until laid out, two lines an item: the page's scroll height stays about right.
  return deferLayout(ul, items.length * 3.4);
}
