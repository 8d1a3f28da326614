// Half-open [start, end) spans over a text, and the bookkeeping the clean stage needs.

export interface Span {
  start: number;
  end: number;
}

export interface LineSpan extends Span {
  /** 0-based line number. */
  index: number;
}

/** The lines of an LF-separated text; `end` excludes the newline. */
export function splitLines(text: string): LineSpan[] {
  const lines: LineSpan[] = [];
  let start = 0;
  for (let index = 0; ; index++) {
    const nl = text.indexOf("\n", start);
    const end = nl === -1 ? text.length : nl;
    lines.push({ start, end, index });
    if (nl === -1) return lines;
    start = nl + 1;
  }
}

/**
 * A set of disjoint, sorted spans: the part of the text already claimed by a rule. Used to
 * give earlier rules priority: a later rule only gets the pieces nobody claimed yet.
 */
export class SpanSet {
  private spans: Span[] = [];

  /** The parts of [start, end) not yet in the set, in order. */
  uncovered(start: number, end: number): Span[] {
    const out: Span[] = [];
    let cursor = start;
    for (let i = this.firstEndingAfter(start); i < this.spans.length; i++) {
      const s = this.spans[i]!;
      if (s.start >= end) break;
      if (s.start > cursor) out.push({ start: cursor, end: s.start });
      cursor = Math.max(cursor, s.end);
      if (cursor >= end) break;
    }
    if (cursor < end) out.push({ start: cursor, end });
    return out;
  }

  /** Add a span that does not overlap the set (callers add only uncovered pieces). */
  add(span: Span): void {
    if (span.end <= span.start) return;
    this.spans.splice(this.firstEndingAfter(span.start), 0, { ...span });
  }

  /** Index of the first span whose end is after `pos` (binary search: spans are disjoint and sorted). */
  private firstEndingAfter(pos: number): number {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid]!.end <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** True when every position of [start, end) is in the set. */
  covers(start: number, end: number): boolean {
    return this.uncovered(start, end).length === 0;
  }
}
