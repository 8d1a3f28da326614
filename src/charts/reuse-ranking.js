// Speeches ranked by reused share: one bar per speech, the share of its Han characters inside
// passages it shares with other speeches; red when the speech is flagged reused_from_earlier
// (>= 50 % found in a speech dated earlier). Each bar links to the speech's reader page. Used by
// the Overview's reuse panel, the reuse-ranking embed and the report.
import * as Plot from "npm:@observablehq/plot";
import { chartStack, swatchLegend } from "./legend.js";
import { speechAxis, tickTitles } from "./speech-axis.js";
import { readerLink } from "./params.js";
import { reuseRanking } from "../lib/reuse.js";
import { LEVEL, label } from "../lib/labels.js";

export const KIND = "reuse-ranking";
/** Bars drawn unless told (`top`); the page offers more. */
export const DEFAULT_TOP = 20;

const EARLIER = "主要见于更早的讲话 mostly found in an earlier speech";
const OTHER = "其他 other";
const COLORS = ["#c0392b", "#4e79a7"];

/**
 * @param rows reuseRanking(...) rows to draw (already cut to the top N), each with `href`
 * @param options {width}
 */
export function reuseRankingChart(rows, { width } = {}) {
  const order = rows.map((d) => d.name);
  const axis = speechAxis(order, width, { share: 0.42 });
  const titleOf = new Map(rows.map((d) => [d.name, d.title]));
  const group = (d) => (d.from_earlier ? EARLIER : OTHER);
  const plot = Plot.plot({
    width,
    height: 40 + 22 * Math.max(1, rows.length),
    marginLeft: axis.marginLeft,
    marginRight: 150,
    // percent: the scale multiplies shares by 100, so its domain is in percent.
    x: {
      domain: [0, 100],
      percent: true,
      grid: true,
      label: "复用比例 reused share of Han characters (%) →",
    },
    y: axis.y,
    color: { domain: [EARLIER, OTHER], range: COLORS },
    marks: [
      Plot.barX(rows, {
        x: "reused_share",
        y: "name",
        fill: group,
        href: "href",
        inset: 0.5,
        title: (d) =>
          `${d.title}\n${d.year ?? "?"} · ${label(LEVEL, d.level)}\n复用 reused: ${(100 * d.reused_share).toFixed(1)}% (${d.reused_chars.toLocaleString("zh-CN")} 字 chars)\n来源 sources: ${d.reuse_sources}${d.from_earlier ? `\n${EARLIER}` : ""}`,
      }),
      Plot.text(rows, {
        x: "reused_share",
        y: "name",
        dx: 4,
        textAnchor: "start",
        fontSize: 10,
        text: (d) =>
          `${Math.round(100 * d.reused_share)}% · ${d.reuse_sources} 篇 · ${label(LEVEL, d.level).split(" ")[0]}`,
      }),
      Plot.ruleX([0]),
    ],
  });
  const legend = swatchLegend(
    [EARLIER, OTHER].map((l, i) => ({ label: l, color: COLORS[i] })),
    { width },
  );
  return chartStack(
    legend,
    tickTitles(plot, order, (name) => titleOf.get(name)),
  );
}

/**
 * The chart's spec: {id, kind, title, caption, source, rows, columns, marks, draw(width), embed}.
 * @param parsed parseChartParams("reuse-ranking", ...) result: selected, top
 * @param tables plain rows: {speeches (with the reuse columns), manifest, …}
 * @param context {id?, source, embed, href?: (speech_id) => link, ranked?: reuseRanking(selected),
 *   when the caller has it already (the Overview redraws for another top N without re-ranking)}
 */
export function spec(
  parsed,
  tables,
  { id, source, embed, href = readerLink, ranked = reuseRanking(parsed.selected) },
) {
  const all = ranked;
  const top = parsed.top ?? DEFAULT_TOP;
  const rows = all.slice(0, top).map((d) => ({ ...d, href: href(d.speech_id) }));
  const flagged = all.filter((d) => d.from_earlier).length;
  return {
    id: id ?? KIND,
    kind: KIND,
    title: "复用比例最高的讲话 Speeches ranked by reused share",
    caption: `${parsed.selected.length} 篇中 ${all.length} 篇与其他讲话共有至少一段文字（≥50 字），此处按复用比例列出前 ${rows.length} 篇；红色：一半以上见于更早年份的讲话（${flagged} 篇）。条末：复用比例 · 共有段落的其他讲话数 · 层级。 ${all.length} of ${parsed.selected.length} speeches share at least one passage (≥ 50 Han characters) with another speech; the ${rows.length} with the highest share of their Han characters inside shared passages are shown. Red: at least half of the speech is found in speeches dated earlier (${flagged} speeches). At the bar's end: reused share · other speeches sharing passages · level.`,
    source,
    rows,
    columns: [
      "rank",
      "speech_id",
      "name",
      "title",
      "year",
      "level",
      "han_chars",
      "reused_chars",
      "reused_share",
      "reuse_sources",
      "from_earlier",
    ],
    marks: `g[aria-label="bar"] rect`,
    draw: (width) => reuseRankingChart(rows, { width }),
    embed,
  };
}
