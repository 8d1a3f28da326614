// Text reuse for the Overview panel, its embeds and the report: pure functions over plain rows of
// the speeches table (reuse columns, quality_flags) and of reuse_groups (speech → group), so the
// page, the embed pages, the report and the tests rank and summarise the same way.
import { speechLabels, fullTitle } from "../charts/params.js";

/** The quality flag of a speech mostly (>= 50 %) found in an earlier-dated speech. */
export const REUSED_EARLIER_FLAG = "reused_from_earlier";

export const fromEarlier = (s) =>
  String(s.quality_flags ?? "")
    .split(",")
    .includes(REUSED_EARLIER_FLAG);

/** Speech ids are content hashes: byte order, the pipeline's order. */
const byId = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Speeches of the selection that share any passage, most reused first (share, then reused
 * characters, then id): {rank, speech_id, name, title, year, level, han_chars, reused_chars,
 * reused_share, reuse_sources, from_earlier}. Speeches without reuse columns (a run with
 * --no-reuse) or without reuse are left out.
 */
export function reuseRanking(selected) {
  const names = speechLabels(selected);
  return selected
    .filter((s) => s.reused_share > 0)
    .sort(
      (a, b) =>
        b.reused_share - a.reused_share ||
        b.reused_chars - a.reused_chars ||
        byId(a.speech_id, b.speech_id),
    )
    .map((s, i) => ({
      rank: i + 1,
      speech_id: s.speech_id,
      name: names.get(s.speech_id),
      title: fullTitle(s),
      year: s.year ?? null,
      level: s.level ?? null,
      han_chars: s.han_chars,
      reused_chars: s.reused_chars,
      reused_share: s.reused_share,
      reuse_sources: s.reuse_sources,
      from_earlier: fromEarlier(s),
    }));
}

/**
 * One summary per group with at least one speech in the selection; the figures are the whole
 * group's (a 2015 speech's group may reach into other years): {group_id, speeches, in_selection,
 * year_min, year_max, undated, shared_chars (Han characters shared inside the group: each link
 * once), from_earlier (members flagged reused_from_earlier), representative_id,
 * representative (title of the member sharing most with the rest, earliest on ties), label}.
 * Sorted as group_id (largest first).
 */
export function reuseGroupSummaries(speeches, groupRows, selected = speeches) {
  const speechOf = new Map(speeches.map((s) => [s.speech_id, s]));
  const chosen = new Set(selected.map((s) => s.speech_id));
  const groups = new Map();
  for (const r of groupRows) {
    let g = groups.get(r.group_id);
    if (!g) groups.set(r.group_id, (g = { group_id: r.group_id, members: [] }));
    g.members.push(r);
  }
  const out = [];
  for (const g of [...groups.values()].sort((a, b) => a.group_id - b.group_id)) {
    const inSelection = g.members.filter((m) => chosen.has(m.speech_id)).length;
    if (!inSelection) continue;
    const members = g.members.map((m) => ({ ...m, speech: speechOf.get(m.speech_id) }));
    const years = members.map((m) => m.speech?.year).filter((y) => y != null);
    const rep = members
      .slice()
      .sort(
        (a, b) =>
          b.group_shared_chars - a.group_shared_chars ||
          (a.speech?.year ?? Infinity) - (b.speech?.year ?? Infinity) ||
          byId(a.speech_id, b.speech_id),
      )[0];
    const year_min = years.length ? Math.min(...years) : null;
    const year_max = years.length ? Math.max(...years) : null;
    const summary = {
      group_id: g.group_id,
      speeches: members.length,
      in_selection: inSelection,
      year_min,
      year_max,
      undated: members.length - years.length,
      shared_chars: Math.round(members.reduce((n, m) => n + m.group_shared_chars, 0) / 2),
      from_earlier: members.filter((m) => m.speech && fromEarlier(m.speech)).length,
      representative_id: rep.speech_id,
      representative: rep.speech ? fullTitle(rep.speech) : rep.speech_id,
    };
    summary.label = groupLabel(summary);
    out.push(summary);
  }
  return out;
}

/** "G3 · 12 篇 · 2014–2022 · <representative title>" (the chart fits it to its margin). */
export function groupLabel(g) {
  const span =
    g.year_min == null
      ? "?"
      : g.year_min === g.year_max
        ? `${g.year_min}`
        : `${g.year_min}–${g.year_max}`;
  return `G${g.group_id} · ${g.speeches} 篇 · ${span} · ${g.representative}`;
}

/**
 * The group × year matrix of the first `top` groups: one cell per (group, year) with speeches of
 * the group dated that year, {group_id, group (label), year, speeches, ...the group's summary}.
 * Undated members have no cell (their count is in the summary).
 */
export function reuseGroupCells(summaries, speeches, groupRows, top = summaries.length) {
  const shown = new Map(summaries.slice(0, top).map((g) => [g.group_id, g]));
  const yearOf = new Map(speeches.map((s) => [s.speech_id, s.year]));
  const counts = new Map();
  for (const r of groupRows) {
    const year = yearOf.get(r.speech_id);
    if (!shown.has(r.group_id) || year == null) continue;
    const key = `${r.group_id}|${year}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([key, n]) => {
      const [group_id, year] = key.split("|").map(Number);
      const g = shown.get(group_id);
      return {
        group_id,
        group: g.label,
        year,
        speeches: n,
        group_speeches: g.speeches,
        year_min: g.year_min,
        year_max: g.year_max,
        shared_chars: g.shared_chars,
        representative_id: g.representative_id,
        representative: g.representative,
      };
    })
    .sort((a, b) => a.group_id - b.group_id || a.year - b.year);
}

/** The speeches of one group, by year (undated last), then id; each with its group_shared_chars. */
export function groupMembers(groupId, speeches, groupRows) {
  const speechOf = new Map(speeches.map((s) => [s.speech_id, s]));
  return groupRows
    .filter((r) => r.group_id === groupId && speechOf.has(r.speech_id))
    .map((r) => ({ ...speechOf.get(r.speech_id), group_shared_chars: r.group_shared_chars }))
    .sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity) || byId(a.speech_id, b.speech_id));
}

/** Share of the selection's speeches with any reuse, and their count. */
export function reuseShare(selected) {
  const withReuse = selected.filter((s) => s.reused_share > 0).length;
  return {
    speeches: selected.length,
    with_reuse: withReuse,
    share: selected.length ? withReuse / selected.length : 0,
  };
}
