// What an embed page shows: the chart named by the page, drawn from the URL's parameters, in a
// chartFrame (title, caption, source line, downloads), and a link back to the dashboard; or, for
// invalid parameters, a message that says what is wrong and which values are valid.
import {html} from "npm:htl";
import {chartFrame, siteRoot} from "../components/chartFrame.js";
import {chartSpec} from "./charts.js";
import {parseChartParams, plainRows} from "./series.js";

/** Arrow tables (FileAttachment#arrow) and manifest.json → the plain rows series.js works on. */
export function embedTables({speeches, themes, themeScores, formulations, formulationHits, manifest}) {
  return {
    speeches: plainRows(speeches),
    themes: plainRows(themes),
    themeScores: plainRows(themeScores).filter((d) => d.section_id === "_all"),
    formulations: plainRows(formulations),
    formulationHits: plainRows(formulationHits),
    manifest
  };
}

/**
 * @param kind   chart kind (file name of the embed page)
 * @param tables embedTables(...)
 * @param search the page's location.search
 * @param resize Framework's resize(render): redraws the chart at the frame's width
 */
export function embedView(kind, tables, search, {resize}) {
  const query = new URLSearchParams(search);
  const parsed = parseChartParams(kind, (name) => query.get(name), tables);
  const back = html`<p class="atlas-embed-back"><a href=${siteRoot() + "index.html"} target="_top">Speech Atlas 讲话图谱 · 打开仪表盘 open the dashboard →</a></p>`;
  if (!parsed.ok) {
    return html`<div class="atlas-embed-error" role="alert">
      <h3>无法绘制图表 Cannot draw this chart</h3>
      <ul>${parsed.errors.map((e) => html`<li>${e}</li>`)}</ul>
      <p>URL 参数 parameters: ${Object.keys({speeches: 1, years: 1, theme: 1, term: 1, normalisation: 1}).join(", ")} — e.g. <code>?years=2019-2023&amp;theme=political_building&amp;normalisation=share</code></p>
    </div>${back}`;
  }
  const spec = chartSpec(parsed, tables);
  return html`<div class="atlas-embed">${chartFrame(resize((width) => spec.draw(width)), spec)}${back}</div>`;
}
