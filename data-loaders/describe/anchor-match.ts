// Finds dated anchors in a text. Matching runs on a folded view of the text (quotes, brackets and
// spaces removed, full-width digits made ASCII) so that “十三五”规划的收官之年 and 十三五规划的收官之年
// are one phrase, and traditional characters are read as simplified (京漢鐵路罷工); hits are mapped
// back to offsets in the original text.
import type { Anchor } from "./anchors.ts";
import { foldTraditional } from "./traditional.ts";

export interface AnchorHit {
  anchor: Anchor;
  /** Offsets in the original text. */
  start: number;
  end: number;
}

const DROPPED = /[“”‘’"'「」『』《》〈〉\s]/;

interface Folded {
  text: string;
  /** Original offset of each folded code unit. */
  origin: ArrayLike<number>;
}

/** DROPPED as a table over code units (it matches single code units: no u flag). */
let droppedTable: Uint8Array | undefined;
function dropped(): Uint8Array {
  if (droppedTable) return droppedTable;
  droppedTable = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (DROPPED.test(String.fromCharCode(c))) droppedTable[c] = 1;
  return droppedTable;
}

export function foldForAnchors(text: string): Folded {
  const drop = dropped();
  const origin = new Int32Array(text.length);
  const parts: string[] = [];
  let n = 0;
  // Kept text is copied a run at a time; a full-width digit ends a run and is folded alone.
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const digit = code >= 0xff10 && code <= 0xff19;
    if (drop[code] === 1 || digit) {
      if (i > runStart) parts.push(text.slice(runStart, i));
      runStart = i + 1;
      if (!digit) continue;
      parts.push(String.fromCharCode(code - 0xff10 + 48));
    }
    origin[n++] = i;
  }
  if (text.length > runStart) parts.push(text.slice(runStart));
  // Traditional characters fold one code unit for one, so `origin` stays valid.
  return { text: foldTraditional(parts.join("")), origin: origin.subarray(0, n) };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Compiled once per anchor list: one regex per anchor, phrases folded like the text. */
export interface CompiledAnchor {
  anchor: Anchor;
  re: RegExp;
  /** The folded literal forms when they are all the regex holds (no pattern): the regex can
   *  match only where one of them occurs, so a text holding none of them is not searched. */
  literals?: readonly string[] | null;
}

/** Compiled once per anchor list: one regex per anchor, phrases folded like the text. */
export function compileAnchors(anchors: readonly Anchor[]): CompiledAnchor[] {
  return anchors.map((anchor) => {
    const literals = anchor.phrases.map((p) => foldForAnchors(p).text);
    const forms = literals.map(escapeRegExp);
    if (anchor.pattern) forms.push(`(?:${anchor.pattern})`);
    // Longest literal first so the reported span covers the fullest form.
    forms.sort((a, b) => b.length - a.length);
    return {
      anchor,
      re: new RegExp(forms.join("|"), "gu"),
      literals: anchor.pattern ? null : literals.filter((l) => l.length > 0),
    };
  });
}

interface LiteralNode {
  next: Map<number, LiteralNode>;
  /** Indices (into the compiled list) of anchors with a literal ending here. */
  anchors: number[];
}

const scanners = new WeakMap<readonly CompiledAnchor[], (text: string) => Uint8Array>();

/**
 * For a compiled list: which anchors may match a folded text — those with a pattern, and those
 * with a literal occurring in it (every occurrence, overlapping ones included: one pass with a
 * trie, instead of one regex search per anchor).
 */
function candidateScanner(compiled: readonly CompiledAnchor[]): (text: string) => Uint8Array {
  let scan = scanners.get(compiled);
  if (scan) return scan;
  const root: LiteralNode = { next: new Map(), anchors: [] };
  const starts = new Uint8Array(0x10000);
  const always = new Uint8Array(compiled.length);
  compiled.forEach((c, k) => {
    if (!c.literals) {
      always[k] = 1;
      return;
    }
    for (const literal of c.literals) {
      let node = root;
      for (let i = 0; i < literal.length; i++) {
        const code = literal.charCodeAt(i);
        let child = node.next.get(code);
        if (!child) node.next.set(code, (child = { next: new Map(), anchors: [] }));
        node = child;
      }
      node.anchors.push(k);
      starts[literal.charCodeAt(0)] = 1;
    }
  });
  scan = (text) => {
    const found = always.slice();
    for (let i = 0; i < text.length; i++) {
      if (starts[text.charCodeAt(i)] === 0) continue;
      let node: LiteralNode | undefined = root;
      for (let j = i; j < text.length; j++) {
        node = node.next.get(text.charCodeAt(j));
        if (!node) break;
        for (const k of node.anchors) found[k] = 1;
      }
    }
    return found;
  };
  scanners.set(compiled, scan);
  return scan;
}

/** 今年是 / 今年恰逢 / 今年正值 (this year is …) right before an anniversary, folded like the text. */
const THIS_YEAR_IS = /今年(?:是|恰逢|正值|适逢|又逢|迎来)[^。；！？]{0,8}$/u;

/** An anniversary anchor pinned to its own year (this_year), under an id that says so. */
export function pinToOwnYear(anchor: Anchor): Anchor {
  if (anchor.this_year === null) return anchor;
  const y = anchor.this_year;
  return { ...anchor, id: `${anchor.id}_this_year`, year: y, not_before: y, not_after: y };
}

/** The anchor a hit stands for: an anniversary announced as this year's pins its own year. */
function pinnedByThisYear(anchor: Anchor, folded: string, at: number): Anchor {
  if (anchor.this_year === null || !THIS_YEAR_IS.test(folded.slice(Math.max(0, at - 16), at)))
    return anchor;
  return pinToOwnYear(anchor);
}

export function findAnchorHits(text: string, compiled: readonly CompiledAnchor[]): AnchorHit[] {
  const folded = foldForAnchors(text);
  const candidates = candidateScanner(compiled)(folded.text);
  const hits: AnchorHit[] = [];
  compiled.forEach(({ anchor, re }, k) => {
    if (candidates[k] === 0) return;
    re.lastIndex = 0;
    for (const m of folded.text.matchAll(re)) {
      if (m[0].length === 0) continue;
      const start = folded.origin[m.index] ?? 0;
      const end = (folded.origin[m.index + m[0].length - 1] ?? start) + 1;
      hits.push({ anchor: pinnedByThisYear(anchor, folded.text, m.index), start, end });
    }
  });
  return hits.sort((a, b) => a.start - b.start || a.anchor.id.localeCompare(b.anchor.id));
}
