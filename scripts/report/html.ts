// The briefing as one self-contained HTML file: CSS inline, charts inline as SVG, no script and no
// link to anything, so it opens from disk, mails as one attachment and prints as it looks.
// Layout contract (the PDF's page count follows from it): page 1 summary, a page of example
// sentences (when there are any), a page of text reuse (when the selection shares passages),
// one page per chart,
// then the list of speeches (one page for a handful of speeches, more for long lists).
import type { SpeechLike } from "../../src/charts/params.js";
import type { RenderedChart } from "./render.ts";
import type { SummaryInput } from "./summary.ts";
import { reuseHtml } from "./reuse.ts";
import { esc } from "./escape.ts";

const CSS = `
@page { size: A4; margin: 15mm; }
html { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1b1e23; }
body { margin: 0 auto; max-width: 180mm; padding: 1rem; line-height: 1.5; }
h1 { font-size: 1.5rem; margin: 0 0 0.5rem; }
h2 { font-size: 1.1rem; margin: 1.2rem 0 0.4rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.2rem 0.4rem; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.meta { font-size: 0.85rem; color: #444; }
.chart { break-before: page; }
.chart svg { display: block; width: 100%; height: auto; max-height: 245mm; }
.files { font-size: 0.75rem; color: #666; }
.appendix { break-before: page; }
.examples { break-before: page; }
.examples h3 { font-size: 0.95rem; margin: 0.8rem 0 0.2rem; }
.examples ol { margin: 0; padding-left: 1.2rem; font-size: 0.85rem; }
.examples mark { background: #fde68a; }
.examples .src { color: #666; font-size: 0.75rem; }
.reuse { break-before: page; }
.reuse h3 { font-size: 0.95rem; margin: 0.8rem 0 0.2rem; }
.reuse ol { margin: 0; padding-left: 1.2rem; font-size: 0.85rem; }
.reuse li { margin-bottom: 0.4rem; }
.reuse .src { color: #666; font-size: 0.75rem; }
@media print { body { padding: 0; } }`;

/** Strips the XML declaration: the SVG goes inline into HTML. */
const inlineSvg = (svg: string): string => svg.replace(/^<\?xml[^>]*>\s*/, "");

export function briefingHtml(
  s: SummaryInput,
  charts: RenderedChart[],
  speeches: SpeechLike[],
): string {
  const themeRows = s.themes
    .map(
      (t) =>
        `<tr><td>${esc(t.theme)} <small>${esc(t.theme_id)}</small></td><td class="n">${t.hits}</td><td class="n">${t.rate_per_10k.toFixed(1)}</td><td>${esc(t.peak_speech)} (${t.peak_rate_per_10k.toFixed(1)})</td></tr>`,
    )
    .join("");
  const formRow = (f: SummaryInput["formulations"][number]): string =>
    `<tr><td>${esc(f.canonical)} <small>${esc(f.formulation_id)}</small></td><td class="n">${f.hits}</td><td class="n">${f.speeches}</td><td class="n">${f.rate_per_10k.toFixed(1)}</td></tr>`;
  const formHead = `<tr><th>提法 formulation</th><th class="n">命中 hits</th><th class="n">讲话 speeches</th><th class="n">每万字 per 10k</th></tr>`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(s.title)}</title>
<style>${CSS}</style>
</head>
<body>
<section class="summary">
<h1>${esc(s.title)}</h1>
<p class="meta">语料 Corpus: ${esc(s.corpus)} · 选择 Selection: ${esc(s.selection)} · ${s.selected.length} 篇讲话 speeches<br>
数据版本 Data version: ${esc(s.version)} · 数据截至 data through ${esc(s.date)}<br>
数据来源 Data from: ${esc(s.dataSource)}</p>
<h2>最突出的主题 Strongest themes <small>(每万汉字命中 pooled hits per 10k Han characters)</small></h2>
<table><tr><th>主题 theme</th><th class="n">命中 hits</th><th class="n">每万字 per 10k</th><th>最高 highest in</th></tr>${themeRows}</table>
<h2>最常见的提法 Most frequent formulations</h2>
<table>${formHead}${s.formulations.slice(0, 8).map(formRow).join("")}</table>
${s.requested.length ? `<h2>所查提法 Requested formulations</h2><table>${formHead}${s.requested.map(formRow).join("")}</table>` : ""}
</section>
${
  s.examples.length
    ? `<section class="examples">
<h2>例句 Example sentences <small>(每项至多三句，取自最近的讲话 up to three per item, from the most recent speeches)</small></h2>
${s.examples
  .map(
    (g) =>
      `<h3>${esc(g.label)}</h3>${
        g.examples.length
          ? `<ol>${g.examples
              .map(
                (e) =>
                  `<li>${esc(e.left)}<mark>${esc(e.match)}</mark>${esc(e.right)} <span class="src">— ${esc(e.year ?? "?")} · ${esc(e.speech)}</span></li>`,
              )
              .join("")}</ol>`
          : `<p class="src">所选讲话中没有 none in the selected speeches</p>`
      }`,
  )
  .join("\n")}
</section>`
    : ""
}
${s.reuse ? reuseHtml(s.reuse) : ""}
${charts
  .map(
    (c) => `<section class="chart" id="${esc(c.id)}">
${inlineSvg(c.svg)}
<p class="files">文件 Files: charts/${esc(c.id)}.svg · charts/${esc(c.id)}.png · charts/${esc(c.id)}.csv (${c.rows.length} rows)</p>
</section>`,
  )
  .join("\n")}
<section class="appendix">
<h2>所选讲话 Selected speeches</h2>
<table><tr><th>speech_id</th><th>年份 year</th><th>标题 title / file</th><th class="n">汉字 Han chars</th></tr>
${speeches.map((d) => `<tr><td>${esc(d.speech_id)}</td><td>${esc(d.year ?? "—")}</td><td>${esc(d.title || d.source_file)}</td><td class="n">${d.han_chars}</td></tr>`).join("\n")}
</table>
</section>
</body>
</html>
`;
}
