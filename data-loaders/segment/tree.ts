// Builds the section tree from accepted heading candidates.
//
// Levels come from nesting, as in Chinese official documents, not from fixed styles: the first
// style met at the top is level 1, a different style met inside it is level 2, and so on (at
// most 3; deeper candidates stay body text). A style already open closes everything below it
// and becomes a sibling. The conventional order of formal styles (第一部分 > 一、 > （一） > 1.)
// is not enforced, since real documents invert it (（一） sections holding 一、 items); but a
// formal heading never nests under an inline one (一是, a headline): it closes them.
//
// Spans: a heading node runs from its heading to the next heading of the same or a higher
// level (or the closing, or the end). The leaves partition the text. A node with children
// owns the text from its heading up to its first child (the heading itself and any lead-in);
// that text becomes an implicit leaf child "<id>.0" of kind "intro" (ordinal 0, no heading),
// so every character belongs to exactly one leaf and every parent is the union of its children.
// "preamble" (before the first level-1 heading) and "closing" are top-level leaves of level 0.
import type { SectionRow } from "../types.ts";
import { INLINE_RANK, type HeadingCandidate } from "./candidate.ts";

export type SectionNode = Omit<SectionRow, "speech_id">;

export const MAX_LEVEL = 3;

interface Node {
  candidate: HeadingCandidate | null;
  kind: SectionNode["kind"];
  start: number;
  end: number;
  children: Node[];
}

/**
 * Drops candidates that cannot head a section: inside the closing or inside another heading.
 * At one offset the higher-ranked candidate wins.
 */
export function selectCandidates(
  candidates: readonly HeadingCandidate[],
  closingStart: number | null,
): HeadingCandidate[] {
  const limit = closingStart ?? Number.POSITIVE_INFINITY;
  const sorted = [...candidates]
    .filter((c) => c.headingEnd <= limit && c.headingEnd > c.start)
    .sort((a, b) => a.start - b.start || a.rank - b.rank);
  const kept: HeadingCandidate[] = [];
  for (const c of sorted) {
    const prev = kept[kept.length - 1];
    if (prev && c.start < prev.headingEnd) continue;
    kept.push(c);
  }
  return kept;
}

function nest(candidates: readonly HeadingCandidate[]): Node[] {
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const c of candidates) {
    const outgrown = stack.findIndex((n) => c.paragraph > (n.candidate!.lastParagraph ?? Infinity));
    if (outgrown >= 0) stack.length = outgrown;
    // An unnumbered heading line closes headings that merely lead a paragraph: they are points
    // of the part before it, not parents of a heading that stands on its own line.
    if (c.style === "title_line") {
      const lead = stack.findIndex((n) => !n.candidate!.ownLine);
      if (lead >= 0) stack.length = lead;
    }
    const key = c.nestKey ?? c.style;
    const open = stack.findIndex((n) => (n.candidate!.nestKey ?? n.candidate!.style) === key);
    if (open >= 0) stack.length = open;
    else if (c.rank < INLINE_RANK) {
      // Formal headings never nest under inline ones: a 一是 list before （一） closes at （一）.
      // An inline heading written on a line of its own ("### 一是…。") is outline like a
      // formal one, and a list may sit under it.
      const top = (): HeadingCandidate | undefined =>
        stack[stack.length - 1]?.candidate ?? undefined;
      while (stack.length > 0 && top()!.rank >= INLINE_RANK && !top()!.ownLine) stack.pop();
    }
    if (stack.length >= MAX_LEVEL) continue;
    // Below two levels of outline, an unnumbered short sentence is the lead of an ordinary
    // paragraph (government reports open most paragraphs so), not a heading.
    if (c.style === "headline" && stack.length >= MAX_LEVEL - 1) continue;
    const node: Node = {
      candidate: c,
      kind: "heading",
      start: c.start,
      end: c.start,
      children: [],
    };
    (stack[stack.length - 1]?.children ?? roots).push(node);
    stack.push(node);
  }
  pruneInlineBeforeFormal(roots);
  return roots;
}

/**
 * Where formal headings exist among siblings, inline "headings" before the first of them are
 * lead-in prose (a preamble, a section's introduction), not outline: they are dropped and their
 * text stays with the parent.
 */
function pruneInlineBeforeFormal(siblings: Node[]): void {
  const firstFormal = siblings.findIndex((n) => n.candidate!.rank < INLINE_RANK);
  if (firstFormal > 0) siblings.splice(0, firstFormal);
  for (const n of siblings) pruneInlineBeforeFormal(n.children);
}

function assignEnds(siblings: Node[], end: number): void {
  siblings.forEach((node, i) => {
    node.end = siblings[i + 1]?.start ?? end;
    assignEnds(node.children, node.end);
    const first = node.children[0];
    if (first && first.start > node.start) {
      node.children.unshift({
        candidate: null,
        kind: "intro",
        start: node.start,
        end: first.start,
        children: [],
      });
    }
  });
}

export function buildSectionTree(
  text: string,
  candidates: readonly HeadingCandidate[],
  closingStart: number | null,
): SectionNode[] {
  const textLength = text.length;
  const bodyEnd = closingStart ?? textLength;
  const roots = nest(candidates.filter((c) => c.start < bodyEnd));
  assignEnds(roots, bodyEnd);
  const top: Node[] = [];
  const firstStart = roots[0]?.start ?? bodyEnd;
  if (firstStart > 0)
    top.push({ candidate: null, kind: "preamble", start: 0, end: firstStart, children: [] });
  top.push(...roots);
  if (bodyEnd < textLength)
    top.push({ candidate: null, kind: "closing", start: bodyEnd, end: textLength, children: [] });

  const rows: SectionNode[] = [];
  const walk = (nodes: Node[], parent: SectionNode | null): void => {
    let ordinal = 0;
    for (const node of nodes) {
      const c = node.candidate;
      if (c) ordinal += 1;
      const level = parent ? parent.level + 1 : c ? 1 : 0;
      const id =
        node.kind === "preamble" || node.kind === "closing"
          ? node.kind
          : parent
            ? `${parent.section_id}.${c ? ordinal : 0}`
            : String(ordinal);
      const row: SectionNode = {
        section_id: id,
        parent_id: parent?.section_id ?? null,
        level,
        ordinal: c ? ordinal : 0,
        heading: c ? text.slice(c.start, Math.min(c.headingEnd, node.end)) : null,
        heading_style: c?.style ?? null,
        kind: node.kind,
        start: node.start,
        end: node.end,
        heading_start: c ? c.start : null,
        heading_end: c ? Math.min(c.headingEnd, node.end) : null,
        is_leaf: node.children.length === 0,
        seq: rows.length,
      };
      rows.push(row);
      walk(node.children, row);
    }
  };
  walk(top, null);
  return rows;
}
