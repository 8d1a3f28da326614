// Where each pattern-based rule kind hits a text: candidate spans, before priorities are applied.
import type { CleaningRule } from "./rules.ts";
import type { LineSpan, Span, SpanSet } from "./spans.ts";

type PatternRule = Extract<
  CleaningRule,
  { kind: "line" | "inline" | "block" | "link_list" | "line_run" }
>;

export function matchRule(
  rule: PatternRule,
  text: string,
  lines: LineSpan[],
  claimed: SpanSet,
): Span[] {
  switch (rule.kind) {
    case "line":
      return matchLines(rule, text, lines, claimed);
    case "inline":
      return matchInline(rule.match, text);
    case "block":
      return matchBlocks(rule, text, lines);
    case "link_list":
      return matchLinkLists(rule, text, lines);
    case "line_run":
      return matchLineRuns(rule, text, lines, claimed);
  }
}

/**
 * Runs of at least minLines consecutive lines that each match the item pattern (a site's
 * navigation: 首页 / 要闻 / 政协要闻 …). Empty lines and lines earlier rules removed whole neither
 * count nor break a run; any other line ends it.
 */
function matchLineRuns(
  rule: Extract<CleaningRule, { kind: "line_run" }>,
  text: string,
  lines: LineSpan[],
  claimed: SpanSet,
): Span[] {
  const out: Span[] = [];
  let run: Span[][] = [];
  const flush = () => {
    if (run.length >= rule.minLines) for (const pieces of run) out.push(...pieces);
    run = [];
  };
  for (const line of lines) {
    // What earlier rules left of the line (a navigation item keeps its text when tags go).
    const pieces = claimed.uncovered(line.start, line.end);
    const visible = pieces
      .map((p) => text.slice(p.start, p.end))
      .join("")
      .trim();
    if (visible.length === 0) continue;
    if (rule.item.test(visible)) run.push(pieces);
    else flush();
  }
  flush();
  return out;
}

/**
 * A line rule sees what earlier rules left of each line: when a block rule has already cut an
 * advertisement glued to the end of a sentence, the sentence left over is not an ad line.
 */
function matchLines(
  rule: Extract<CleaningRule, { kind: "line" }>,
  text: string,
  lines: LineSpan[],
  claimed: SpanSet,
): Span[] {
  const out: Span[] = [];
  for (const line of lines) {
    const pieces = claimed.uncovered(line.start, line.end);
    if (pieces.length === 0) continue;
    const visible =
      pieces.length === 1 && pieces[0]!.start === line.start && pieces[0]!.end === line.end
        ? text.slice(line.start, line.end)
        : pieces
            .map((p) => text.slice(p.start, p.end))
            .join("")
            .trim();
    if (rule.maxChars !== null && visible.length > rule.maxChars) continue;
    if (rule.test.test(visible)) out.push(...pieces);
  }
  return out;
}

/** Each match, or with capture groups only the groups that took part in the match. */
function matchInline(re: RegExp, text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(re)) {
    const groups = (m.indices ?? []).slice(1).filter((g): g is [number, number] => g !== undefined);
    if (m.length > 1) {
      for (const [start, end] of groups) if (end > start) out.push({ start, end });
    } else if (m[0].length > 0) {
      out.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}

function matchBlocks(
  rule: Extract<CleaningRule, { kind: "block" }>,
  text: string,
  lines: LineSpan[],
): Span[] {
  const out: Span[] = [];
  const start = new RegExp(rule.start); // own copy: lastIndex is state
  const end = new RegExp(rule.end);
  let m: RegExpExecArray | null;
  while ((m = start.exec(text)) !== null) {
    if (m[0].length === 0) {
      start.lastIndex++;
      continue;
    }
    const from = m.index;
    const startLine = lineAt(lines, from);
    end.lastIndex = from + m[0].length;
    const e = end.exec(text);
    let to: number | null = null;
    if (e !== null) {
      const endLine = lineAt(lines, e.index + Math.max(0, e[0].length - 1));
      if (endLine.index - startLine.index <= rule.maxLines) to = endLine.end;
    }
    if (to === null && rule.unterminated === "rest_of_line") to = startLine.end;
    if (to === null) continue;
    out.push({ start: from, end: to });
    start.lastIndex = Math.max(to, from + 1);
  }
  return out;
}

function matchLinkLists(
  rule: Extract<CleaningRule, { kind: "link_list" }>,
  text: string,
  lines: LineSpan[],
): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < lines.length; i++) {
    const heading = lines[i]!;
    if (!rule.heading.test(text.slice(heading.start, heading.end))) continue;
    let last = i;
    while (last + 1 < lines.length && last - i < rule.maxItems) {
      const next = lines[last + 1]!;
      if (!rule.item.test(text.slice(next.start, next.end))) break;
      last++;
    }
    if (last - i < rule.minItems) continue;
    out.push({ start: heading.start, end: lines[last]!.end });
    i = last;
  }
  return out;
}

/** The line containing position `pos` (binary search over line starts). */
export function lineAt(lines: LineSpan[], pos: number): LineSpan {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]!.start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lines[lo]!;
}
