// Runs inside headless Chromium (bundled by render.ts): draws each briefing chart with the
// dashboard's own components (src/components/, Plot) and returns the standalone SVG, the PNG (2×)
// and the CSV exactly as the dashboard's toolbar would produce them.
import { chartFrame, csvText, pngFromSvg, standaloneSvg } from "../../src/components/chartFrame.js";
import { chartSpec } from "../../src/charts/index.js";
import { parseChartParams } from "../../src/charts/params.js";

async function base64(blob) {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** @param request {tables, charts: [{id, kind, params}], width, date} */
window.renderCharts = async ({ tables, charts, width, date }) => {
  const out = [];
  for (const c of charts) {
    const parsed = parseChartParams(c.kind, (name) => c.params[name], tables);
    if (!parsed.ok) throw new Error(parsed.errors.join("; "));
    const spec = chartSpec(parsed, tables, { date, id: c.id });
    const node = spec.draw(width);
    // Laid out in the document (as on the dashboard), so sizes and text metrics are real.
    const frame = chartFrame(node, spec);
    document.body.append(frame);
    const svg = standaloneSvg(node, spec);
    out.push({
      id: spec.id,
      kind: spec.kind,
      title: spec.title,
      caption: spec.caption,
      source: spec.source,
      params: spec.embed.params,
      rows: spec.rows,
      columns: spec.columns,
      marksDrawn: node.querySelectorAll(spec.marks).length,
      svg: svg.text,
      width: svg.width,
      height: svg.height,
      png: await base64(await pngFromSvg(svg, 2)),
      csv: csvText(spec.rows, spec.columns),
    });
    frame.remove();
  }
  return out;
};
