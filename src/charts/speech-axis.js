// Speech labels on a chart's category axis: `year · short title`, never losing the year. The
// margin is sized to the labels (up to a share of the width), a label that does not fit loses the
// end of its title, not its year, and the full title shows on hover (an SVG <title>, which the
// downloads keep too). Before this, long labels ran past the SVG's left edge and were cut there:
// "· 在理论学习…" without its year.
import { textWidth } from "./legend.js";

export const TICK_FONT = 10;

/** Left margin for these labels: their widest, within [min, share × width]. */
export function labelMargin(labels, width, { share = 0.4, min = 60, fontSize = TICK_FONT } = {}) {
  const widest = Math.max(0, ...labels.map((l) => textWidth(l, fontSize)));
  return Math.round(Math.max(min, Math.min(share * width, widest + 12)));
}

/**
 * `label` shortened to `maxPx`: a "year · title" label keeps "year · " and loses the end of its
 * title ("…"); other labels lose their end.
 */
export function fitLabel(label, maxPx, fontSize = TICK_FONT) {
  const text = String(label);
  if (textWidth(text, fontSize) <= maxPx) return text;
  const m = /^(\S+ · )(.*)$/s.exec(text);
  const keep = m ? m[1] : "";
  const rest = [...(m ? m[2] : text)];
  let room = maxPx - textWidth(keep + "…", fontSize);
  let out = "";
  for (const ch of rest) {
    const w = textWidth(ch, fontSize);
    if (w > room) break;
    out += ch;
    room -= w;
  }
  return `${keep}${out}…`;
}

/**
 * Plot y-axis options for speech labels: the domain, a tickFormat that fits each label into the
 * margin, and the margin itself.
 */
export function speechAxis(order, width, options = {}) {
  const marginLeft = labelMargin(order, width, options);
  return {
    marginLeft,
    y: { domain: order, label: null, tickFormat: (d) => fitLabel(d, marginLeft - 12) },
  };
}

/**
 * Gives every y tick label of a Plot chart a hover title: `titleOf(label)` (e.g. the speech's
 * full title), else the full label. Plot draws band-scale ticks in domain order.
 */
export function tickTitles(svg, order, titleOf = () => null) {
  const texts = svg.querySelectorAll('g[aria-label="y-axis tick label"] text');
  texts.forEach((text, i) => {
    const label = order[i];
    if (label == null) return;
    const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
    title.textContent = titleOf(label) ?? label;
    text.append(title);
  });
  return svg;
}
