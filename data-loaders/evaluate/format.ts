// Human-readable evaluate report: one line per file, the misses under it, the totals last.
import type { Check, FileScore, OverallScore, Ratio } from "./score.ts";

const mark = (c: Check<unknown> | null) => (c === null ? "·" : c.ok ? "✓" : "✗");
const pct = (r: Ratio) =>
  r.of === 0 ? "n/a" : `${r.right}/${r.of} (${((100 * r.right) / r.of).toFixed(1)} %)`;
const show = (v: unknown) => (v === null || v === undefined || v === "" ? "∅" : String(v));

export function formatReport(files: readonly FileScore[], overall: OverallScore): string {
  const width = Math.max(4, ...files.map((f) => f.file.length));
  const lines: string[] = [
    `${"file".padEnd(width)}  title genre level year conflict   L1 match/gold/pred   L2 match/gold   themes`,
  ];
  for (const f of files) {
    lines.push(
      `${f.file.padEnd(width)}  ${mark(f.title).padEnd(5)} ${mark(f.genre).padEnd(5)} ${mark(f.level).padEnd(5)} ${mark(f.year).padEnd(4)} ${mark(f.year_conflict).padEnd(8)}   ${`${f.l1.matched}/${f.l1.gold}/${f.l1.predicted}`.padEnd(18)}   ${`${f.l2.matched}/${f.l2.gold}`.padEnd(13)}   ${f.themes.labelled ? `${f.themes.matched}/${f.themes.labelled}` : "·"}`,
    );
    if (!f.found) {
      lines.push(
        "    not in the output (not ingested, or a duplicate of another file: see manifest)",
      );
      continue;
    }
    for (const [name, c] of [
      ["title", f.title],
      ["genre", f.genre],
      ["level", f.level],
      ["year", f.year],
      ["year_conflict", f.year_conflict],
    ] as const)
      if (c && !c.ok) lines.push(`    ${name}: gold ${show(c.gold)}, got ${show(c.predicted)}`);
    for (const h of f.l1.missed) lines.push(`    L1 missed: ${h}`);
    for (const h of f.l1.extra) lines.push(`    L1 extra:  ${h}`);
    for (const h of f.l2.missed) lines.push(`    L2 missed: ${h}`);
    for (const m of f.themes.misses) lines.push(`    theme: ${m}`);
  }
  const o = overall;
  lines.push(
    "",
    `files: ${o.found}/${o.files} found in the output`,
    `title exact:     ${pct(o.title)}`,
    `genre:           ${pct(o.genre)}`,
    `level:           ${pct(o.level)}`,
    `year exact:      ${pct(o.year)}`,
    `year conflict:   ${pct(o.year_conflict)}`,
    `level-1 headings: precision ${o.l1.precision.toFixed(3)}, recall ${o.l1.recall.toFixed(3)}, F1 ${o.l1.f1.toFixed(3)} (${o.l1.matched} matched, ${o.l1.gold} gold, ${o.l1.predicted} found)`,
    `level-2 recall:  ${o.l2.recall.toFixed(3)} (${o.l2.matched}/${o.l2.gold})`,
    `section themes:  ${pct(o.themes)}`,
  );
  return lines.join("\n");
}
