// What an embed page shows: the chart named by the page, drawn from the URL's parameters, in a
// chartFrame (title, caption, source line, downloads), and a link back to the dashboard; or, for
// invalid parameters, a message that says what is wrong and which values are valid.
import { html } from "npm:htl";
import { chartFrame, siteRoot } from "../components/chartFrame.js";
import { chartSpec } from "../charts/index.js";
import { CHART_KINDS, parseChartParams, plainRows } from "../charts/params.js";

/**
 * Arrow tables (FileAttachment#arrow) and manifest.json → the plain rows the chart modules work on.
 * Pages other than the outline profile pass theme_scores_speech (whole-speech rows only).
 * sections, sentences and speechTerms are loaded only by the pages that draw from them (outline
 * profile, literal term search, distinctive terms); section-level theme scores are kept only with
 * sections, the other charts read whole-speech rows.
 */
export function embedTables({
  speeches,
  themes,
  themeScores,
  formulations,
  formulationHits,
  manifest,
  sections,
  sentences,
  speechTerms,
  reuseGroups,
}) {
  // The reuse embeds load only speeches, reuse_groups and the manifest.
  const rowsOf = (t) => (t ? plainRows(t) : []);
  const scores = rowsOf(themeScores);
  return {
    speeches: plainRows(speeches),
    themes: rowsOf(themes),
    themeScores: sections ? scores : scores.filter((d) => d.section_id === "_all"),
    formulations: rowsOf(formulations),
    formulationHits: rowsOf(formulationHits),
    reuseGroups: rowsOf(reuseGroups),
    sections: sections ? plainRows(sections) : [],
    sentences: sentences ? plainRows(sentences) : [],
    speechTerms: speechTerms ? plainRows(speechTerms) : [],
    manifest,
  };
}

const EXAMPLES = {
  "theme-heatmap": "?years=2019-2023&theme=political_building&normalisation=share",
  "theme-trend": "?years=2019-2023&theme=political_building&pool=mean",
  "formulation-trend": "?term=两个维护&years=2019-2023",
  "theme-bars": "?years=2019-2023&normalisation=share",
  "outline-profile": "?speech=<speech id>&normalisation=share",
  "term-by-speech": "?term=两个维护",
  "term-trend": "?term=干部&pool=pooled",
  "log-odds": "?kind=year&a=2023&b=rest&n=15",
  "reuse-ranking": "?years=2019-2023&top=50",
  "reuse-groups": "?top=30",
};

/**
 * @param kind   chart kind (file name of the embed page)
 * @param tables embedTables(...)
 * @param search the page's location.search
 * @param resize Framework's resize(render): redraws the chart at the frame's width
 */
export function embedView(kind, tables, search, { resize }) {
  const query = new URLSearchParams(search);
  const parsed = parseChartParams(kind, (name) => query.get(name), tables);
  const back = html`<p class="atlas-embed-back"><a href=${siteRoot() + "index.html"} target="_top">Speech Atlas 讲话图谱 · 打开仪表盘 open the dashboard →</a></p>`;
  if (!parsed.ok) {
    return html`<div class="atlas-embed-error" role="alert">
      <h3>无法绘制图表 Cannot draw this chart</h3>
      <ul>${parsed.errors.map((e) => html`<li>${e}</li>`)}</ul>
      <p>URL 参数 parameters: ${(CHART_KINDS[kind] ?? []).join(", ")}${EXAMPLES[kind] ? html` — e.g. <code>${EXAMPLES[kind]}</code>` : ""}</p>
    </div>${back}`;
  }
  const spec = chartSpec(parsed, tables);
  return html`<div class="atlas-embed">${chartFrame(
    resize((width) => spec.draw(width)),
    spec,
  )}${back}</div>`;
}
