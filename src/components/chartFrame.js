// Wraps a chart for briefings: title, the chart, caption and source line, and a toolbar to copy
// the embed code, download SVG, PNG (2×) and the CSV of exactly the rows drawn.
// Used by every dashboard page and by the embed pages, so a chart looks the same everywhere.
//
// chartFrame(chart, {id, title, caption, source, rows, columns, embed})
//   chart   – the chart node (an <svg> or a Plot <figure>)
//   id      – stable DOM id / file name stem, e.g. "theme-heatmap"
//   title   – chart title (also written into the SVG as <title>)
//   caption – one sentence on what is shown and how it is normalised
//   source  – source line: corpus, number of speeches, data version and date
//   rows    – the data behind the chart, exactly the rows drawn (CSV download)
//   columns – optional column order for the CSV
//   embed   – optional {chart, params}: the embed page src/embed/<chart>.md and its URL parameters
import {html} from "npm:htl";
import {toCsv} from "../lib/sql.js";

export function chartFrame(chart, {id, title, caption = "", source = "", rows = [], columns, embed} = {}) {
  const status = html`<span class="atlas-frame-status" aria-live="polite"></span>`;
  const svgOf = () => chart.tagName?.toLowerCase() === "svg" ? chart : chart.querySelector?.("svg");
  const say = (msg) => (status.textContent = msg);

  const downloadSvg = () => download(`${id}.svg`, new Blob([svgText(svgOf(), title, caption, source)], {type: "image/svg+xml"}));
  const downloadPng = async () => {
    try {
      download(`${id}.png`, await svgToPng(svgOf(), title, caption, source, 2));
    } catch (error) {
      say(`PNG 失败 failed: ${error.message}`);
    }
  };
  const downloadCsv = () => download(`${id}.csv`, new Blob(["\ufeff" + toCsv(rows, columns)], {type: "text/csv;charset=utf-8"}));
  const embedCode = embed ? iframeSnippet(embed, title) : null;
  const copyEmbed = async () => {
    try {
      await navigator.clipboard.writeText(embedCode);
      say("已复制 copied");
    } catch {
      say("请手动复制 copy by hand");
    }
    snippet.hidden = false;
    snippet.select();
  };
  const snippet = html`<textarea class="atlas-embed-code" readonly rows="2" hidden>${embedCode ?? ""}</textarea>`;

  return html`<figure class="atlas-frame" id=${id} data-rows=${rows.length}>
    <h3 class="atlas-frame-title">${title}</h3>
    ${chart}
    <figcaption>${caption}${source ? html`<br><span class="atlas-source">来源 Source: ${source}</span>` : ""}</figcaption>
    <div class="atlas-toolbar">
      ${embedCode ? html`<button type="button" data-action="embed" onclick=${copyEmbed}>复制嵌入代码 Embed</button>` : ""}
      <button type="button" data-action="svg" onclick=${downloadSvg}>SVG</button>
      <button type="button" data-action="png" onclick=${downloadPng}>PNG</button>
      <button type="button" data-action="csv" onclick=${downloadCsv}>CSV (${rows.length})</button>
      ${status}
    </div>
    ${snippet}
  </figure>`;
}

/** Absolute URL of the embed page for this chart, relative to the site's own location. */
export function embedUrl({chart, params = {}}) {
  const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v != null && v !== ""));
  const url = new URL(`${siteRoot()}embed/${chart}.html`, location.href);
  url.search = search.toString();
  return url.href;
}

function iframeSnippet(embed, title) {
  const escape = (s) => String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  return `<iframe src="${escape(embedUrl(embed))}" title="${escape(title)}" width="100%" height="520" style="border:0" loading="lazy"></iframe>`;
}

/** The site root, also when the site is served under a subpath: pages sit at most one folder deep. */
function siteRoot() {
  const depth = document.querySelector('meta[name="atlas-depth"]')?.content;
  const path = location.pathname;
  const dir = path.slice(0, path.lastIndexOf("/") + 1);
  if (depth === "1") return dir.replace(/[^/]+\/$/, "");
  return dir;
}

export function svgText(svg, title, caption, source) {
  if (!svg) throw new Error("no SVG in this chart");
  const clone = svg.cloneNode(true);
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("xmlns:xlink", "http://www.w3.org/1999/xlink");
  const {width, height} = svg.getBoundingClientRect();
  if (!clone.getAttribute("width")) clone.setAttribute("width", Math.round(width));
  if (!clone.getAttribute("height")) clone.setAttribute("height", Math.round(height));
  clone.style.fontFamily = "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
  const t = document.createElementNS("http://www.w3.org/2000/svg", "title");
  t.textContent = title;
  clone.insertBefore(t, clone.firstChild);
  const d = document.createElementNS("http://www.w3.org/2000/svg", "desc");
  d.textContent = [caption, source && `来源 Source: ${source}`].filter(Boolean).join(" — ");
  clone.insertBefore(d, t.nextSibling);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

export async function svgToPng(svg, title, caption, source, scale = 2) {
  const text = svgText(svg, title, caption, source);
  const {width, height} = svg.getBoundingClientRect();
  const url = URL.createObjectURL(new Blob([text], {type: "image/svg+xml"}));
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
    return await new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("canvas is empty"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
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
