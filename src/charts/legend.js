// Legends drawn as SVG, not HTML: Plot draws an ordinal colour legend as HTML swatches, which a
// downloaded SVG, a PNG made from it and the report's inline charts cannot carry (the labels were
// lost, leaving bare coloured squares). A chart that needs a legend draws one of these beside its
// plot, so the page, the downloads and the briefing show the same legend.

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * Estimated width of a label in px: CJK characters 1em, others 0.6em. An estimate rather than a
 * measurement so the same layout comes out in Node (tests) and in any browser, and it errs wide.
 */
export function textWidth(text, fontSize) {
  let w = 0;
  for (const ch of String(text)) w += (/[\u2e80-\uffff]/.test(ch) ? 1 : 0.6) * fontSize;
  return w;
}

/**
 * Positions of swatch legend items in columns of equal width (as many as fit `width`), filled row
 * by row, so labels line up; a label wider than `width` gets a row of its own.
 * @param items [{label, color}]
 * @returns {items: [{label, color, x, y}], height}
 */
export function swatchLayout(items, width, { fontSize = 12, swatch = 12, gap = 16 } = {}) {
  const rowHeight = Math.max(swatch, fontSize) + 6;
  const itemWidth = (item) => swatch + 5 + textWidth(item.label, fontSize);
  const column = Math.max(0, ...items.map(itemWidth)) + gap;
  const columns = Math.max(1, Math.floor((width + gap) / column));
  const placed = items.map((item, i) => ({
    ...item,
    x: (i % columns) * column,
    y: Math.floor(i / columns) * rowHeight,
  }));
  return { items: placed, height: Math.ceil(items.length / columns) * rowHeight };
}

/**
 * An <svg> legend: a coloured square and the label of every item, wrapped to `width`.
 * @param items [{label, color, title?}]
 */
export function swatchLegend(items, { width, fontSize = 12, swatch = 12 } = {}) {
  const layout = swatchLayout(items, width - 4, { fontSize, swatch });
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("class", "atlas-legend");
  svg.setAttribute("aria-label", "legend");
  svg.setAttribute("width", width);
  svg.setAttribute("height", layout.height + 4);
  svg.setAttribute("viewBox", `0 0 ${width} ${layout.height + 4}`);
  svg.setAttribute("font-size", fontSize);
  svg.setAttribute("text-anchor", "start");
  svg.style.display = "block";
  svg.style.overflow = "visible";
  for (const item of layout.items) {
    const g = svg.appendChild(document.createElementNS(SVG_NS, "g"));
    g.setAttribute("aria-label", "legend-item");
    g.setAttribute("transform", `translate(${item.x + 2},${item.y + 2})`);
    const rect = g.appendChild(document.createElementNS(SVG_NS, "rect"));
    rect.setAttribute("width", swatch);
    rect.setAttribute("height", swatch);
    rect.setAttribute("fill", item.color);
    const text = g.appendChild(document.createElementNS(SVG_NS, "text"));
    text.setAttribute("x", swatch + 5);
    text.setAttribute("y", swatch / 2);
    text.setAttribute("dy", "0.35em");
    text.setAttribute("fill", "currentColor");
    text.textContent = item.label;
    if (item.title) {
      const title = g.appendChild(document.createElementNS(SVG_NS, "title"));
      title.textContent = item.title;
    }
  }
  return svg;
}

/** A wrapper holding a chart's SVGs in reading order (legend, then plot): what the frame exports. */
export function chartStack(...nodes) {
  const div = document.createElement("div");
  div.className = "atlas-chart";
  for (const node of nodes) if (node) div.append(node);
  return div;
}
