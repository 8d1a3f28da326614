// Wraps a chart for briefings: title, the chart, caption and source line, and a toolbar to copy
// the embed code, download SVG, PNG (2×) and the CSV of exactly the rows drawn.
// Used by every dashboard page, the embed pages and the report command (scripts/report/), so a
// chart and its downloads look the same everywhere.
//
// chartFrame(chart, {id, title, caption, source, rows, columns, embed, marks?})
//   chart   – the chart node: an <svg>, a Plot <figure>, or a container such as resize(...)'s,
//             looked into at click time so downloads follow the chart as it is redrawn
//   id      – stable DOM id / file name stem, e.g. "theme-heatmap"
//   title   – chart title (also the SVG's <title> and its first line of text)
//   caption – one sentence on what is shown and how it is normalised
//   source  – source line: corpus, number of speeches, data version and date
//   rows    – the data behind the chart, exactly the rows drawn (CSV download; data-rows attribute)
//   columns – optional column order for the CSV (default: every key of the rows)
//   embed   – optional {chart, params}: the embed page src/embed/<chart>.md and its URL parameters
//   marks   – optional CSS selector of the marks that stand for rows (data-marks, for tests)
import { html } from "npm:htl";
import { toCsv } from "../lib/sql.js";

const SVG_NS = "http://www.w3.org/2000/svg";
const FONT =
  "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

export function chartFrame(
  chart,
  { id, title, caption = "", source = "", rows = [], columns, embed, marks } = {},
) {
  injectStyle();
  const status = html`<span class="atlas-frame-status" aria-live="polite"></span>`;
  const say = (msg) => (status.textContent = msg);
  const meta = { title, caption, source };
  const guard = (fn) => async () => {
    try {
      say("");
      await fn();
    } catch (error) {
      say(`失败 failed: ${error.message}`);
    }
  };

  const downloadSvg = guard(() =>
    download(`${id}.svg`, new Blob([standaloneSvg(chart, meta).text], { type: "image/svg+xml" })),
  );
  const downloadPng = guard(async () =>
    download(`${id}.png`, await pngFromSvg(standaloneSvg(chart, meta), 2)),
  );
  const downloadCsv = guard(() =>
    download(
      `${id}.csv`,
      new Blob(["\ufeff" + csvText(rows, columns)], { type: "text/csv;charset=utf-8" }),
    ),
  );
  const snippet = html`<textarea class="atlas-embed-code" readonly rows="3" hidden></textarea>`;
  const copyEmbed = guard(async () => {
    // Built at click time: the frame's height is known only once the chart is laid out.
    snippet.value = iframeSnippet(
      embed,
      title,
      Math.ceil(frame.getBoundingClientRect().height) + 40,
    );
    snippet.hidden = false;
    snippet.select();
    try {
      await navigator.clipboard.writeText(snippet.value);
      say("已复制 copied");
    } catch {
      say("请手动复制 copy by hand");
    }
  });

  const frame = html`<figure class="atlas-frame" id=${id} data-rows=${rows.length} data-marks=${marks ?? ""} data-chart=${embed?.chart ?? ""}>
    <h3 class="atlas-frame-title">${title}</h3>
    <div class="atlas-frame-chart">${chart}</div>
    <figcaption>${caption}${source ? html`<br><span class="atlas-source">来源 Source: ${source}</span>` : ""}</figcaption>
    <div class="atlas-toolbar">
      ${embed ? html`<button type="button" data-action="embed" onclick=${copyEmbed}>复制嵌入代码 Embed</button>` : ""}
      <button type="button" data-action="svg" onclick=${downloadSvg}>SVG</button>
      <button type="button" data-action="png" onclick=${downloadPng}>PNG (2×)</button>
      <button type="button" data-action="csv" onclick=${downloadCsv}>CSV (${rows.length})</button>
      ${status}
    </div>
    ${snippet}
  </figure>`;
  return frame;
}

/** CSV text of the rows, columns in the given order or every key in first-seen order. */
export function csvText(rows, columns) {
  const cols = columns ?? rows.columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return toCsv(rows, cols);
}

/** URL of the embed page for this chart, with its parameters, resolved against the site root. */
export function embedUrl({ chart, params = {} }) {
  const search = new URLSearchParams(
    Object.entries(params).filter(([, v]) => v != null && v !== ""),
  );
  const url = new URL(`embed/${chart}.html`, siteRoot());
  url.search = search.toString();
  return url.href;
}

export function iframeSnippet(embed, title, height = 520) {
  const escape = (s) =>
    String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  return `<iframe src="${escape(embedUrl(embed))}" title="${escape(title)}" width="100%" height="${Math.max(240, height)}" style="border:0" loading="lazy"></iframe>`;
}

/**
 * The site root, also under a subpath and from pages in subfolders: every Framework page links
 * its client from <root>/_observablehq/, so the root is read off that link rather than guessed.
 */
export function siteRoot() {
  const link = document.querySelector(
    'link[href*="_observablehq/"], script[src*="_observablehq/"]',
  );
  const href = link?.href ?? link?.src;
  if (href) return href.slice(0, href.indexOf("_observablehq/"));
  return new URL("./", location.href).href;
}

/** The chart's top-level <svg> elements (Plot figures: legends first, then the plot). */
function chartSvgs(node) {
  if (!node) return [];
  if (node.tagName?.toLowerCase() === "svg") return [node];
  return [...node.querySelectorAll("svg")].filter((s) => !s.parentElement?.closest("svg"));
}

const sizeOf = (svg) => {
  const box = svg.getBoundingClientRect();
  const w = Number(svg.getAttribute("width")) || box.width;
  const h = Number(svg.getAttribute("height")) || box.height;
  return { width: Math.round(w), height: Math.round(h) };
};

/**
 * Splits text into lines of at most `width` px, counting CJK as 1em and other characters as
 * 0.56em; breaks between CJK characters or at spaces, never inside a Latin word.
 */
function wrap(text, width, fontSize) {
  const tokens = String(text).match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+\s*|\s+/g) ?? [];
  const widthOf = (t) =>
    [...t].reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? 1 : 0.56) * fontSize, 0);
  const lines = [];
  let line = "";
  let w = 0;
  for (const t of tokens) {
    const tw = widthOf(t.trimEnd());
    if (w + tw > width && line.trim()) {
      lines.push(line.trimEnd());
      line = "";
      w = 0;
      if (!t.trim()) continue;
    }
    line += t;
    w += widthOf(t);
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/**
 * One standalone SVG for a chart: its title as <title> and as a heading, the legends and plot
 * stacked, the caption and source as text lines below. Chinese stays text (not outlines), so the
 * file is searchable and small; fonts fall back to the reader's CJK fonts.
 * Returns {text, width, height} with width/height in CSS pixels.
 */
export function standaloneSvg(chart, { title = "", caption = "", source = "" } = {}) {
  const svgs = chartSvgs(chart);
  if (!svgs.length) throw new Error("no SVG in this chart");
  const sizes = svgs.map(sizeOf);
  const width = Math.max(320, ...sizes.map((s) => s.width));
  const pad = 8;
  const root = document.createElementNS(SVG_NS, "svg");
  const add = (parent, name, attrs = {}, text) => {
    const el = document.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
    if (text != null) el.textContent = text;
    parent.append(el);
    return el;
  };
  add(root, "title", {}, title);
  add(root, "desc", {}, [caption, source && `来源 Source: ${source}`].filter(Boolean).join(" — "));
  const background = add(root, "rect", { x: 0, y: 0, width, fill: "white" });
  let y = pad;
  for (const line of wrap(title, width - 2 * pad, 16)) {
    add(
      root,
      "text",
      { x: pad, y: y + 16, "font-size": 16, "font-weight": "bold", fill: "#1b1e23" },
      line,
    );
    y += 22;
  }
  y += 4;
  svgs.forEach((svg, i) => {
    const clone = svg.cloneNode(true);
    const { width: w, height: h } = sizes[i];
    clone.setAttribute("x", pad / 2);
    clone.setAttribute("y", y);
    clone.setAttribute("width", w);
    clone.setAttribute("height", h);
    if (!clone.getAttribute("viewBox")) clone.setAttribute("viewBox", `0 0 ${w} ${h}`);
    root.append(clone);
    y += h + 4;
  });
  for (const [text, size, fill] of [
    [caption, 12, "#3b3e45"],
    [source && `来源 Source: ${source}`, 11, "#6b6e75"],
  ]) {
    if (!text) continue;
    for (const line of wrap(text, width - 2 * pad, size)) {
      add(root, "text", { x: pad, y: y + size, "font-size": size, fill }, line);
      y += Math.round(size * 1.45);
    }
    y += 2;
  }
  const height = Math.ceil(y + pad);
  background.setAttribute("height", height);
  root.setAttribute("xmlns", SVG_NS);
  root.setAttribute("width", width + pad);
  root.setAttribute("height", height);
  root.setAttribute("viewBox", `0 0 ${width + pad} ${height}`);
  root.setAttribute("font-family", FONT);
  root.setAttribute("style", `font-family: ${FONT}; background: white`);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`;
  return { text, width: width + pad, height };
}

/** Kept for callers of the first version: standalone SVG text of a chart. */
export function svgText(chart, title, caption, source) {
  return standaloneSvg(chart, { title, caption, source }).text;
}

/** PNG of a standalone SVG at `scale` × its CSS size (2 = crisp on high-density screens and in print). */
export async function pngFromSvg({ text, width, height }, scale = 2) {
  const url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = "white";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("canvas is empty"))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Kept for callers of the first version. */
export function svgToPng(chart, title, caption, source, scale = 2) {
  return pngFromSvg(standaloneSvg(chart, { title, caption, source }), scale);
}

function download(name, blob) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** The frame's styles travel with the component (pages and the report need no stylesheet). */
function injectStyle() {
  if (typeof document === "undefined" || document.getElementById("atlas-frame-style")) return;
  const style = document.createElement("style");
  style.id = "atlas-frame-style";
  style.textContent = `
.atlas-frame { margin: 0 0 1.5rem; max-width: none; }
.atlas-frame-title { margin: 0 0 0.4rem; font-size: 1.05rem; }
.atlas-frame figcaption { font-size: 0.85rem; color: var(--theme-foreground-muted, #555); margin-top: 0.4rem; max-width: 80ch; }
.atlas-source { font-size: 0.8rem; }
.atlas-toolbar { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; margin-top: 0.5rem; }
.atlas-toolbar button { font: inherit; font-size: 0.8rem; padding: 0.15rem 0.6rem; cursor: pointer; }
.atlas-frame-status { font-size: 0.8rem; color: var(--theme-foreground-muted, #555); }
.atlas-embed-code { width: 100%; margin-top: 0.4rem; font: 0.75rem var(--monospace, monospace); }
@media print { .atlas-toolbar, .atlas-embed-code { display: none; } }`;
  document.head.append(style);
}
