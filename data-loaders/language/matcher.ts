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
  next: Map<string, TrieNode>;
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
  let size = 0;
  for (const entry of entries) {
    for (const pattern of entry.patterns) {
      if (pattern.length === 0) throw new Error(`empty pattern for ${entry.id}`);
      let node = root;
      for (const ch of pattern) {
        let child = node.next.get(ch);
        if (!child) {
          child = { next: new Map() };
          node.next.set(ch, child);
        }
        node = child;
      }
      if (!node.hit) {
        node.hit = { id: entry.id, pattern };
        size++;
      }
    }
  }
  return {
    size,
    findAll(text: string, offset = 0): Match[] {
      const out: Match[] = [];
      let i = 0;
      while (i < text.length) {
        let node: TrieNode | undefined = root;
        let best: Match | undefined;
        let j = i;
        while (j < text.length) {
          // Walk by code point so astral characters (rare, but present in names) stay whole.
          const cp = text.codePointAt(j)!;
          const ch = String.fromCodePoint(cp);
          node = node.next.get(ch);
          if (!node) break;
          j += ch.length;
          if (node.hit) best = { ...node.hit, start: i + offset, end: j + offset };
        }
        if (best) {
          out.push(best);
          i = best.end - offset;
        } else {
          i += text.codePointAt(i)! > 0xffff ? 2 : 1;
        }
      }
      return out;
    },
  };
}
