// The briefing's text-reuse figures for the selection: how many speeches share passages with
// other speeches, the most reused ones, the largest groups, and a few example passages with
// both sides' titles. Null when the selection shares nothing (the briefing then says nothing
// about reuse). Pure: rows in, figures out; the same ranking and group summaries as the
// Overview (src/lib/reuse.js).
import type { SpeechLike } from "../../src/charts/params.js";
import {
  reuseGroupSummaries,
  reuseRanking,
  reuseShare,
  type GroupSummary,
  type RankedSpeech,
  type ReuseGroupLike,
} from "../../src/lib/reuse.js";
import type { SentenceRow } from "./examples.ts";
import type { ReusePassageRow } from "../../data-loaders/tables/reuse.ts";
import { esc } from "./escape.ts";

/** A reuse_passages row as read back from the published file (direction as plain text). */
export type PassageLike = Omit<ReusePassageRow, "direction"> & { direction: string };

export interface PassageSide {
  speech_id: string;
  title: string;
  year: number | null;
  text: string;
}

export interface ReuseExample {
  chars: number;
  identity: number;
  /** The other speech dated earlier / later / same_year / unknown, seen from `speech`. */
  direction: string;
  speech: PassageSide;
  other: PassageSide;
}

export interface ReuseFigures {
  speeches: number;
  with_reuse: number;
  share: number;
  from_earlier: number;
  top: RankedSpeech[];
  groups: GroupSummary[];
  /** Groups with a speech in the selection (top holds the largest few). */
  group_count: number;
  examples: ReuseExample[];
}

export const TOP_SPEECHES = 10;
export const TOP_GROUPS = 5;
export const EXAMPLE_PASSAGES = 3;
/** Characters of a passage shown in an example (the rest is "…"). */
const EXCERPT = 120;

const titleOf = (s: SpeechLike | undefined, id: string): string =>
  String(s?.title || s?.source_file || id);

/**
 * Example passages: the longest, one per pair of speeches, seen from the selected side; when
 * both sides are selected, from the later speech (the one that may have copied).
 */
function pickExamples(passages: PassageLike[], chosen: Set<string>, k: number): PassageLike[] {
  const seen = new Set<string>();
  const out: PassageLike[] = [];
  const ordered = passages
    .filter((p) => chosen.has(p.speech_id))
    .filter((p) => !chosen.has(p.other_speech_id) || p.direction !== "later")
    .sort(
      (a, b) =>
        b.chars - a.chars ||
        b.identity - a.identity ||
        (a.speech_id < b.speech_id ? -1 : a.speech_id > b.speech_id ? 1 : a.start - b.start),
    );
  for (const p of ordered) {
    const pair = [p.speech_id, p.other_speech_id].sort().join("\u0000");
    if (seen.has(pair)) continue;
    seen.add(pair);
    out.push(p);
    if (out.length === k) break;
  }
  return out;
}

/** text[start, end) of a speech's cleaned text, rebuilt from its sentences (which partition it). */
function excerpt(sentences: SentenceRow[], start: number, end: number): string {
  let text = "";
  for (const s of sentences) {
    if (s.end <= start || s.start >= end) continue;
    text += s.text.slice(Math.max(0, start - s.start), Math.min(s.text.length, end - s.start));
  }
  text = text.replace(/\s+/g, " ").trim();
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text;
}

export function reuseFigures(
  selected: SpeechLike[],
  tables: {
    speeches: SpeechLike[];
    reuseGroups: ReuseGroupLike[];
    reusePassages: PassageLike[];
    sentences: SentenceRow[];
  },
): ReuseFigures | null {
  const counts = reuseShare(selected);
  if (!counts.with_reuse) return null;
  const ranking = reuseRanking(selected);
  const groups = reuseGroupSummaries(tables.speeches, tables.reuseGroups, selected);
  const chosen = new Set(selected.map((s) => s.speech_id));
  const picked = pickExamples(tables.reusePassages, chosen, EXAMPLE_PASSAGES);
  const needed = new Set(picked.flatMap((p) => [p.speech_id, p.other_speech_id]));
  const sentencesOf = new Map<string, SentenceRow[]>();
  for (const s of tables.sentences) {
    if (!needed.has(s.speech_id)) continue;
    const list = sentencesOf.get(s.speech_id);
    if (list) list.push(s);
    else sentencesOf.set(s.speech_id, [s]);
  }
  for (const list of sentencesOf.values()) list.sort((a, b) => a.start - b.start);
  const speechOf = new Map(tables.speeches.map((s) => [s.speech_id, s]));
  const side = (id: string, start: number, end: number): PassageSide => ({
    speech_id: id,
    title: titleOf(speechOf.get(id), id),
    year: speechOf.get(id)?.year ?? null,
    text: excerpt(sentencesOf.get(id) ?? [], start, end),
  });
  return {
    speeches: counts.speeches,
    with_reuse: counts.with_reuse,
    share: counts.share,
    from_earlier: ranking.filter((r) => r.from_earlier).length,
    top: ranking.slice(0, TOP_SPEECHES),
    groups: groups.slice(0, TOP_GROUPS),
    group_count: groups.length,
    examples: picked.map((p) => ({
      chars: p.chars,
      identity: p.identity,
      direction: p.direction,
      speech: side(p.speech_id, p.start, p.end),
      other: side(p.other_speech_id, p.other_start, p.other_end),
    })),
  };
}

const pct = (v: number): string => `${(100 * v).toFixed(1)}%`;
const DIRECTION: Record<string, string> = {
  earlier: "另一篇更早 the other is earlier",
  later: "另一篇更晚 the other is later",
  same_year: "同年 same year",
  unknown: "年份不明 year unknown",
};

/** The summary.md section. */
export function reuseMarkdown(r: ReuseFigures): string[] {
  const lines = [
    "## 文本复用 Text reuse",
    "",
    `- ${r.with_reuse} / ${r.speeches} 篇讲话（${pct(r.share)}）与其他讲话共有至少一段 ≥50 字的文字 speeches share at least one passage of >= 50 Han characters with another speech`,
    `- ${r.from_earlier} 篇一半以上见于更早年份的讲话 speeches are mostly (>= 50 %) found in speeches dated earlier (reused_from_earlier)`,
    `- ${r.group_count} 个讲话组 groups of speeches sharing passages include selected speeches`,
    "",
    "### 复用比例最高的讲话 Most reused speeches",
    "",
    "| speech | year | reused share | reused chars | sources | mostly earlier |",
    "|---|---:|---:|---:|---:|---|",
    ...r.top.map(
      (s) =>
        `| ${s.title} (${s.speech_id}) | ${s.year ?? "?"} | ${pct(s.reused_share)} | ${s.reused_chars} | ${s.reuse_sources} | ${s.from_earlier ? "yes" : ""} |`,
    ),
  ];
  if (r.groups.length)
    lines.push(
      "",
      "### 最大的讲话组 Largest groups",
      "",
      "| group | speeches | years | shared chars | representative |",
      "|---|---:|---|---:|---|",
      ...r.groups.map(
        (g) =>
          `| G${g.group_id} | ${g.speeches} | ${g.year_min ?? "?"}–${g.year_max ?? "?"} | ${g.shared_chars} | ${g.representative} (${g.representative_id}) |`,
      ),
    );
  if (r.examples.length) {
    lines.push("", "### 共有段落示例 Example passages", "");
    for (const e of r.examples)
      lines.push(
        `- ${e.chars} 字 chars, identity ${e.identity.toFixed(2)}, ${DIRECTION[e.direction] ?? e.direction}`,
        `  - ${e.speech.year ?? "?"} · ${e.speech.title}: ${e.speech.text}`,
        `  - ${e.other.year ?? "?"} · ${e.other.title}: ${e.other.text}`,
      );
  }
  lines.push("");
  return lines;
}

/** The briefing.html section (a page of its own). */
export function reuseHtml(r: ReuseFigures): string {
  const top = r.top
    .map(
      (s) =>
        `<tr><td>${esc(s.title)}</td><td>${esc(s.year ?? "?")}</td><td class="n">${pct(s.reused_share)}</td><td class="n">${s.reuse_sources}</td><td>${s.from_earlier ? "是 yes" : ""}</td></tr>`,
    )
    .join("");
  const groups = r.groups
    .map(
      (g) =>
        `<tr><td>G${g.group_id}</td><td class="n">${g.speeches}</td><td>${esc(g.year_min ?? "?")}–${esc(g.year_max ?? "?")}</td><td class="n">${g.shared_chars}</td><td>${esc(g.representative)}</td></tr>`,
    )
    .join("");
  const examples = r.examples
    .map(
      (e) =>
        `<li><span class="src">${e.chars} 字 chars · identity ${e.identity.toFixed(2)} · ${esc(DIRECTION[e.direction] ?? e.direction)}</span><br><b>${esc(e.speech.year ?? "?")} · ${esc(e.speech.title)}</b>：${esc(e.speech.text)}<br><b>${esc(e.other.year ?? "?")} · ${esc(e.other.title)}</b>：${esc(e.other.text)}</li>`,
    )
    .join("");
  return `<section class="reuse">
<h2>文本复用 Text reuse</h2>
<p>${r.with_reuse} / ${r.speeches} 篇讲话（${pct(r.share)}）与其他讲话共有至少一段 ≥50 字的文字；${r.from_earlier} 篇一半以上见于更早年份的讲话；${r.group_count} 个讲话组。 <small>${r.with_reuse} of ${r.speeches} speeches share a passage of ≥ 50 Han characters with another speech; ${r.from_earlier} are mostly found in speeches dated earlier; ${r.group_count} groups.</small></p>
<h3>复用比例最高的讲话 Most reused speeches</h3>
<table><tr><th>讲话 speech</th><th>年份 year</th><th class="n">复用 reused</th><th class="n">来源 sources</th><th>多见于更早 mostly earlier</th></tr>${top}</table>
${groups ? `<h3>最大的讲话组 Largest groups</h3><table><tr><th>组 group</th><th class="n">讲话 speeches</th><th>年份 years</th><th class="n">共有汉字 shared chars</th><th>代表 representative</th></tr>${groups}</table>` : ""}
${examples ? `<h3>共有段落示例 Example passages</h3><ol>${examples}</ol>` : ""}
</section>`;
}
