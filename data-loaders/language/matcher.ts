// Longest-match, leftmost, non-overlapping phrase matching over a character trie.
// Used for formulations (提法) and theme terms alike, so that 习近平新时代中国特色社会主义思想 is
// one hit and never also 中国特色社会主义: at each position the longest pattern wins, and the
// scan resumes after it.

export interface MatchEntry {
  /** What a hit is attributed to (formulation_id, theme term, …). */
  id: string;
  /** Surface forms; each must be non-empty. */
  patterns: readonly string[];
}

export interface Match {
  id: string;
  pattern: string;
  start: number;
  end: number;
}

interface TrieNode {
  /** Children by code point (a number key: no one-character string per step of a scan). */
  next: Map<number, TrieNode>;
  /** Set when a pattern ends here. */
  hit?: { id: string; pattern: string };
}

export interface Matcher {
  findAll(text: string, offset?: number): Match[];
  readonly size: number;
}

/**
 * Builds a matcher. When two entries share a pattern, the first entry wins; duplicates are
 * a lexicon problem that the lexicon loader reports, not something to resolve silently here.
 */
export function buildMatcher(entries: readonly MatchEntry[]): Matcher {
  const root: TrieNode = { next: new Map() };
  // First code unit of every pattern: most positions of a text start none, and are skipped
  // without a trie lookup.
  const starts = new Uint8Array(0x10000);
  // The root's children by code unit, for first characters in the BMP: the first step of a walk
  // is an array read, not a Map lookup (most walks end after one or two steps).
  const firstStep: (TrieNode | undefined)[] = new Array(0x10000).fill(undefined);
  let size = 0;
  for (const entry of entries) {
    for (const pattern of entry.patterns) {
      if (pattern.length === 0) throw new Error(`empty pattern for ${entry.id}`);
      starts[pattern.charCodeAt(0)] = 1;
      let node = root;
      for (const ch of pattern) {
        const cp = ch.codePointAt(0)!;
        let child = node.next.get(cp);
        if (!child) {
          child = { next: new Map() };
          node.next.set(cp, child);
        }
        node = child;
      }
      if (!node.hit) {
        node.hit = { id: entry.id, pattern };
        size++;
      }
    }
  }
  for (const [cp, child] of root.next)
    if (cp < 0xd800 || (cp > 0xdfff && cp <= 0xffff)) firstStep[cp] = child;
  return {
    size,
    findAll(text: string, offset = 0): Match[] {
      const out: Match[] = [];
      let i = 0;
      while (i < text.length) {
        if (starts[text.charCodeAt(i)] === 0) {
          i += text.codePointAt(i)! > 0xffff ? 2 : 1;
          continue;
        }
        const first = firstStep[text.charCodeAt(i)];
        // A surrogate (or a lone one) starts its walk at the root, by code point.
        let node: TrieNode | undefined = first ?? root;
        let best: TrieNode["hit"] = first?.hit;
        let j = first ? i + 1 : i;
        let bestEnd = j;
        while (j < text.length) {
          // Walk by code point so astral characters (rare, but present in names) stay whole.
          const cp = text.codePointAt(j)!;
          node = node.next.get(cp);
          if (!node) break;
          j += cp > 0xffff ? 2 : 1;
          if (node.hit) {
            best = node.hit;
            bestEnd = j;
          }
        }
        if (best) {
          // A literal, not a spread of `best`: one object shape, and several times faster.
          out.push({
            id: best.id,
            pattern: best.pattern,
            start: i + offset,
            end: bestEnd + offset,
          });
          i = bestEnd;
        } else {
          i += text.codePointAt(i)! > 0xffff ? 2 : 1;
        }
      }
      return out;
    },
  };
}
