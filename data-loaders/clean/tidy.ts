// After removal spans are chosen, widen them just enough that the cleaned text stays tidy:
// no empty line, no newline at its start or end (a removed line takes its newline with it), and
// no doubled, leading or trailing spaces where an inline span was cut out of a sentence.
// Only ever *extends* spans
// over characters nobody claimed, so spans stay disjoint and the removal log stays exact.
import type { LineSpan } from "./spans.ts";

export interface RuleSpan {
  rule_id: string;
  start: number;
  end: number;
}

const SPACE = /[ \u3000]/u;

export function tidySpans(text: string, lines: LineSpan[], spans: RuleSpan[]): void {
  const covered = new Uint8Array(text.length + 1);
  const byStart = new Map<number, RuleSpan>();
  const byEnd = new Map<number, RuleSpan>();
  for (const s of spans) {
    covered.fill(1, s.start, s.end);
    byStart.set(s.start, s);
    byEnd.set(s.end, s);
  }
  const extendEnd = (p: number): boolean => {
    const s = byEnd.get(p);
    if (!s) return false;
    byEnd.delete(p);
    s.end = p + 1;
    byEnd.set(s.end, s);
    covered[p] = 1;
    return true;
  };
  const extendStart = (p: number): boolean => {
    const s = byStart.get(p + 1);
    if (!s) return false;
    byStart.delete(p + 1);
    s.start = p;
    byStart.set(p, s);
    covered[p] = 1;
    return true;
  };

  // Only a line with a removal inside it or on a newline next to it can change (extendEnd needs
  // a span ending at a position, extendStart one starting after it). Positions after the current
  // line are not changed while it is processed, so the next covered position found stays valid.
  let nextCovered = -1;
  for (const line of lines) {
    const from = Math.max(0, line.start - 1);
    if (nextCovered !== Infinity && nextCovered < from) {
      nextCovered = covered.indexOf(1, from);
      if (nextCovered === -1) nextCovered = Infinity;
    }
    if (nextCovered > line.end) continue;
    absorbSpaces(text, line, covered, extendEnd, extendStart);
  }

  // A newline is kept only between two non-empty cleaned lines. Since normalized text has no
  // empty lines, a redundant newline always borders a removed span it can join: the one before
  // it (the line it ends was removed) or, at the end of the text, the one after it.
  let lineHasText = false;
  let lastKeptNewline = -1;
  for (let p = 0; p < text.length; p++) {
    if (covered[p] === 1) continue;
    if (text.charCodeAt(p) !== 10) {
      lineHasText = true;
      continue;
    }
    if (!lineHasText) {
      if (!extendEnd(p)) extendStart(p);
      continue;
    }
    lineHasText = false;
    lastKeptNewline = p;
  }
  if (!lineHasText && lastKeptNewline !== -1) {
    if (!extendStart(lastKeptNewline)) extendEnd(lastKeptNewline);
  }
}

/**
 * Spaces a removal made redundant: at the start or end of what is left of the line, or a second
 * space in a row. Normalized lines have none of these, so each one borders a removed span.
 */
function absorbSpaces(
  text: string,
  line: LineSpan,
  covered: Uint8Array,
  extendEnd: (p: number) => boolean,
  extendStart: (p: number) => boolean,
): void {
  const kept: number[] = [];
  for (let p = line.start; p < line.end; p++) if (covered[p] === 0) kept.push(p);
  const isSpace = (p: number) => SPACE.test(text[p]!);
  const firstWord = kept.findIndex((p) => !isSpace(p));
  const lastWord = kept.findLastIndex((p) => !isSpace(p));

  const extra: number[] = [];
  kept.forEach((p, k) => {
    if (!isSpace(p)) return;
    const leading = firstWord === -1 || k < firstWord;
    const trailing = k > lastWord;
    const doubled = k > 0 && isSpace(kept[k - 1]!) && kept[k - 1]! < p - 1; // a removal between two spaces
    if (leading || trailing || doubled) extra.push(p);
  });
  // Leading and doubled spaces follow a removed span; trailing ones precede one (right to left).
  for (const p of extra) if (covered[p - 1] === 1) extendEnd(p);
  for (const p of extra.reverse()) if (covered[p] === 0 && covered[p + 1] === 1) extendStart(p);
}
