// Detect a second copy of the body: scrapers often save a page whose text appears twice
// (the article and its print version, or a page fetched twice), or end with a truncated repeat
// of the last paragraph. The later copy is removed; the first is kept because it sits where the
// reader expects the text and the analyses index it.
//
// Unit: paragraphs (lines), compared on their text with whitespace removed. Two paragraphs
// match when they are equal, when one is contained in the other and is at least half its
// length (a truncated copy), or when the Jaccard similarity of their character-trigram sets is
// at least `similarity` (a near-verbatim copy: a few characters changed).
// A copy is a run of consecutive paragraphs j, j+1, … matching i, i+1, … with the whole run
// i… before j. A one-paragraph gap inside a run is tolerated (a paragraph edited, dropped or
// added in the copy).
// A run counts only if it is long (min_chars) and holds real prose (one paragraph of at least
// min_paragraph_chars): a table of contents echoed by the headings, or a slogan said twice, is
// short and stays.
import { GRAM, GramIndex } from "./gram-index.ts";
import type { LineSpan, Span, SpanSet } from "./spans.ts";

export interface RepeatedBodyParams {
  minChars: number;
  minParagraphChars: number;
  similarity: number;
}

interface Paragraph {
  start: number;
  end: number;
  key: string;
  trigrams: Set<string> | null; // built on first use
}

// Candidate lookup: paragraphs sharing 8-character substrings (GRAM), sampled every STRIDE.
const STRIDE = 4;

/** Spans (whole lines) of later copies. Lines already fully claimed by earlier rules are ignored. */
export function findRepeatedBody(
  text: string,
  lines: LineSpan[],
  claimed: SpanSet,
  params: RepeatedBodyParams,
): Span[] {
  const paras = paragraphsOf(text, lines, claimed);
  const index = new GramIndex(paras.map((p) => p.key));
  const out: Span[] = [];

  let j = 0;
  while (j < paras.length) {
    let best: { length: number; chars: number } | null = null;
    for (const i of index.candidates(paras[j]!.key, STRIDE)) {
      const run = extendRun(paras, i, j, params.similarity);
      if (
        run.chars >= params.minChars &&
        run.longest >= params.minParagraphChars &&
        (best === null || run.chars > best.chars)
      ) {
        best = run;
      }
    }
    if (best !== null) {
      out.push({ start: paras[j]!.start, end: paras[j + best.length - 1]!.end });
      // The copy is not indexed: a third copy is matched against the first.
      j += best.length;
      continue;
    }
    index.add(j);
    j++;
  }
  return out;
}

function paragraphsOf(text: string, lines: LineSpan[], claimed: SpanSet): Paragraph[] {
  const paras: Paragraph[] = [];
  for (const line of lines) {
    const pieces = claimed.uncovered(line.start, line.end);
    const key = pieces
      .map((p) => text.slice(p.start, p.end))
      .join("")
      .replace(/\s+/gu, "");
    if (key.length > 0) paras.push({ start: line.start, end: line.end, key, trigrams: null });
  }
  return paras;
}

// Earlier paragraphs containing at least half of the 8-grams sampled from a key (GramIndex) are
// the candidates: a copy, even a truncated or lightly edited one, shares most of them; paragraphs
// that merely share stock phrases (习近平新时代中国特色社会主义思想) share few, and are not worth
// comparing.

/**
 * Follow a copy from the pair (i, j) while paragraphs keep matching. At a mismatch the copy may
 * have one paragraph edited (skip one on both sides), dropped (skip one of the original) or
 * added (skip one of the copy), provided the pair after the gap matches. Skipped paragraphs
 * are part of the removed span but do not count towards its size: only matched text proves a copy.
 */
function extendRun(
  paras: Paragraph[],
  i: number,
  j: number,
  similarity: number,
): { length: number; chars: number; longest: number } {
  let a = i; // position in the original
  let b = j; // position in the copy
  let length = 0; // paragraphs of the copy covered, from j
  let chars = 0;
  let longest = 0;
  const matches = (x: number, y: number) =>
    x < j && y < paras.length && paragraphsMatch(paras[x]!, paras[y]!, similarity);
  for (;;) {
    if (!matches(a, b)) {
      if (length === 0) break;
      const gap = (
        [
          [1, 1],
          [1, 0],
          [0, 1],
        ] as const
      ).find(([da, db]) => matches(a + da, b + db));
      if (gap === undefined) break;
      a += gap[0];
      b += gap[1];
    }
    const key = paras[b]!.key;
    chars += key.length;
    longest = Math.max(longest, key.length);
    a++;
    b++;
    length = b - j;
  }
  return { length, chars, longest };
}

function paragraphsMatch(a: Paragraph, b: Paragraph, similarity: number): boolean {
  if (a.key === b.key) return true;
  const [short, long] = a.key.length <= b.key.length ? [a, b] : [b, a];
  if (
    short.key.length * 2 >= long.key.length &&
    short.key.length >= GRAM &&
    long.key.includes(short.key)
  )
    return true;
  // |A ∩ B| / |A ∪ B| ≤ |short| / |long|, so a big length gap cannot reach the threshold.
  if (short.key.length < similarity * long.key.length) return false;
  return trigramJaccard(a, b) >= similarity;
}

function trigramJaccard(a: Paragraph, b: Paragraph): number {
  const x = (a.trigrams ??= trigrams(a.key));
  const y = (b.trigrams ??= trigrams(b.key));
  let inter = 0;
  for (const t of x) if (y.has(t)) inter++;
  const union = x.size + y.size - inter;
  return union === 0 ? 1 : inter / union;
}

function trigrams(key: string): Set<string> {
  const out = new Set<string>();
  if (key.length < 3) out.add(key);
  for (let p = 0; p + 3 <= key.length; p++) out.add(key.slice(p, p + 3));
  return out;
}
