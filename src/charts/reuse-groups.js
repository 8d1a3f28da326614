// Groups of speeches that share passages, as a group × year matrix: one row per group (largest
// first; labelled with its number, size, years and representative title), a dot per year the
// group has speeches in (area = speeches of that year), a line across the years it spans.
// Groups come from the pipeline (reuse_groups: size-capped single linkage over speech pairs,
// data-loaders/reuse/groups.ts), so 10,000 speeches are drawn as at most `top` rows. Each dot
// links to the group's list of speeches on the Overview. Used by the Overview, the reuse-groups
// embed and the report.
import * as Plot from "npm:@observablehq/plot";
import { speechAxis, tickTitles } from "./speech-axis.js";
import { reuseGroupCells, reuseGroupSummaries } from "../lib/reuse.js";

export const KIND = "reuse-groups";
/** Groups drawn unless told (`top`). */
export const DEFAULT_TOP = 20;

/** Link from an embed page (one folder below the root) to the group's list on the Overview. */
export const groupLink = (groupId) => `../index.html#reuse-group-${groupId}`;

/**
 * @param cells reuseGroupCells(...) rows, each with `href`
 * @param groups the summaries of the groups drawn (row order)
 * @param options {width, target?: link target ("_top" in embeds)}
 */
export function reuseGroupsChart(cells, groups, { width, target } = {}) {
  const order = groups.map((g) => g.label);
  const axis = speechAxis(order, width, { share: 0.45 });
  const titleOf = new Map(
    groups.map((g) => [
      g.label,
      `G${g.group_id}: ${g.speeches} 篇讲话 speeches, ${g.year_min ?? "?"}–${g.year_max ?? "?"}, 共有 ${g.shared_chars.toLocaleString("zh-CN")} 字 shared Han chars\n代表 representative: ${g.representative}`,
    ]),
  );
  const spans = groups.filter((g) => g.year_min != null);
  const years = cells.map((d) => d.year);
  const domain = years.length ? [Math.min(...years) - 0.5, Math.max(...years) + 0.5] : [0, 1];
  const plot = Plot.plot({
    width,
    height: 50 + 24 * Math.max(1, groups.length),
    marginLeft: axis.marginLeft,
    marginRight: 110,
    x: {
      domain,
      label: "年份 year →",
      tickFormat: (y) => (Number.isInteger(y) ? String(y) : ""),
      grid: true,
    },
    y: axis.y,
    // Dot area by speeches; the largest dot fits its year's column, so neighbours do not overlap.
    r: {
      domain: [0, Math.max(1, ...cells.map((d) => d.speeches))],
      range: [
        0,
        Math.max(
          3,
          Math.min(9, (0.45 * (width - axis.marginLeft - 110)) / (domain[1] - domain[0])),
        ),
      ],
    },
    marks: [
      Plot.ruleY(spans, { y: "label", x1: "year_min", x2: "year_max", stroke: "#9aa5b1" }),
      Plot.dot(cells, {
        x: "year",
        y: "group",
        r: "speeches",
        fill: "#4e79a7",
        fillOpacity: 0.85,
        href: "href",
        target,
        title: (d) =>
          `${titleOf.get(d.group)}\n${d.year}: ${d.speeches} 篇 speeches\n点击查看该组讲话 click for the group's speeches`,
      }),
      Plot.text(groups, {
        y: "label",
        frameAnchor: "right",
        dx: 105,
        textAnchor: "end",
        fontSize: 10,
        text: (g) => `${g.speeches} 篇 · ${g.shared_chars.toLocaleString("zh-CN")} 字`,
      }),
    ],
  });
  return tickTitles(plot, order, (name) => titleOf.get(name));
}

/**
 * The chart's spec: {id, kind, title, caption, source, rows (the cells drawn), columns, marks,
 * draw(width), embed, groups (summaries of every group touching the selection)}.
 * @param parsed parseChartParams("reuse-groups", ...) result: selected, top
 * @param tables plain rows: {speeches, reuseGroups, manifest, …}
 * @param context {id?, source, embed, href?: (group_id) => link, target?, groups?: the
 *   reuseGroupSummaries(...) of this selection when the caller has them already}
 */
export function spec(
  parsed,
  tables,
  {
    id,
    source,
    embed,
    href = groupLink,
    target = "_top",
    groups = reuseGroupSummaries(tables.speeches, tables.reuseGroups ?? [], parsed.selected),
  },
) {
  const groupRows = tables.reuseGroups ?? [];
  const top = parsed.top ?? DEFAULT_TOP;
  const drawn = groups.slice(0, top);
  const rows = reuseGroupCells(groups, tables.speeches, groupRows, top).map((d) => ({
    ...d,
    href: href(d.group_id),
  }));
  const speeches = groups.reduce((n, g) => n + g.speeches, 0);
  return {
    id: id ?? KIND,
    kind: KIND,
    title: "共有段落的讲话组 Groups of speeches sharing passages",
    caption: `${groups.length} 组（共 ${speeches} 篇讲话）与所选讲话有关，此处列出最大的 ${drawn.length} 组。两篇讲话共有 ≥200 个汉字即相连，按共有字数从多到少单链聚类，每组最多 50 篇。每行一组：圆点面积为该年讲话数，横线为年份跨度；行末：讲话数 · 组内共有汉字。点击圆点查看该组讲话。 ${groups.length} groups (${speeches} speeches) include selected speeches; the ${drawn.length} largest are shown. Two speeches are linked when they share ≥ 200 Han characters; groups are single-linkage clusters built from the strongest links first, capped at 50 speeches. One row per group: dot area = its speeches in that year, line = the years it spans; at the end: speeches · Han characters shared within the group. Click a dot for the group's speeches.`,
    source,
    rows,
    columns: [
      "group_id",
      "group",
      "year",
      "speeches",
      "group_speeches",
      "year_min",
      "year_max",
      "shared_chars",
      "representative_id",
      "representative",
    ],
    marks: `g[aria-label="dot"] circle`,
    draw: (width) => reuseGroupsChart(rows, drawn, { width, target }),
    embed,
    groups,
  };
}
