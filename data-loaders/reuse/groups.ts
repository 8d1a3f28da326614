// Groups of speeches that share passages (the Overview's reuse panel, the report): single
// linkage over speech pairs that share enough text, with groups capped in size.
//
// Why not plain connected components: reuse chains. Government reports of adjacent years each
// share a few stock passages, so on the government reports every report with any reuse ends up
// in one component; in a corpus built from templates (the 10,000-speech benchmark recurs each
// paragraph in 30–50 speeches) one component swallows nearly everything. Two rules split them:
//   1. a link needs minPairChars shared Han characters (200: a few passages or one long one;
//      a single 50-character stock passage does not join two speeches into a group), and
//   2. links are added strongest first (most shared characters) and a link that would make a
//      group larger than maxGroupSize is skipped (Kruskal's algorithm with a size cap): a
//      template family splits into its most tightly linked parts instead of merging.
// With the defaults the government reports fall into groups by government (1999–2002,
// 2004–2012, 2014–2022). Deterministic: ties are broken by the speech ids.
import type { ReusePassageRow } from "../tables/reuse.ts";
import type { ReuseGroupRow } from "../tables/reuse-groups.ts";

export interface ReuseGroupOptions {
  /** Shared Han characters (the smaller of the pair's two sides' sums) a link needs. */
  minPairChars: number;
  /** Largest group: 50 speeches, so that a group stays readable as one list on the Overview
   *  (passages shared by 20 or more speeches are stock and never link: reuse/options.ts). */
  maxGroupSize: number;
}

export const DEFAULT_GROUP_OPTIONS: Readonly<ReuseGroupOptions> = Object.freeze({
  minPairChars: 200,
  maxGroupSize: 50,
});

/** One unordered pair of speeches and the Han characters they share. */
export interface SpeechLink {
  a: string;
  b: string;
  chars: number;
}

/**
 * Links from reuse_passages rows (each pair appears from both sides): per side the sum of its
 * passages' Han characters, and the smaller side counts (overlapping passages on one side would
 * otherwise count twice). Sorted strongest first, then by ids.
 */
export function speechLinks(
  passages: readonly Pick<ReusePassageRow, "speech_id" | "other_speech_id" | "chars">[],
): SpeechLink[] {
  const sums = new Map<string, number>();
  for (const p of passages) {
    const key = `${p.speech_id}\u0000${p.other_speech_id}`;
    sums.set(key, (sums.get(key) ?? 0) + p.chars);
  }
  const links: SpeechLink[] = [];
  for (const [key, chars] of sums) {
    const [a, b] = key.split("\u0000") as [string, string];
    if (a >= b) continue;
    links.push({ a, b, chars: Math.min(chars, sums.get(`${b}\u0000${a}`) ?? 0) });
  }
  return links.sort((x, y) => y.chars - x.chars || cmp(x.a, y.a) || cmp(x.b, y.b));
}

/** The reuse_groups rows, in speech_id order. */
export function reuseGroups(
  passages: readonly Pick<ReusePassageRow, "speech_id" | "other_speech_id" | "chars">[],
  overrides: Partial<ReuseGroupOptions> = {},
): ReuseGroupRow[] {
  const o = { ...DEFAULT_GROUP_OPTIONS, ...overrides };
  if (!(o.maxGroupSize >= 2)) throw new RangeError("reuse groups: maxGroupSize >= 2");
  const links = speechLinks(passages).filter((l) => l.chars >= o.minPairChars);
  const parent = new Map<string, string>();
  const size = new Map<string, number>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    while (parent.get(x) !== r) {
      const next = parent.get(x)!;
      parent.set(x, r);
      x = next;
    }
    return r;
  };
  for (const l of links)
    for (const id of [l.a, l.b])
      if (!parent.has(id)) {
        parent.set(id, id);
        size.set(id, 1);
      }
  const kept: SpeechLink[] = [];
  for (const l of links) {
    const ra = find(l.a);
    const rb = find(l.b);
    if (ra === rb) {
      kept.push(l);
      continue;
    }
    if (size.get(ra)! + size.get(rb)! > o.maxGroupSize) continue;
    // The smaller id becomes the root: the same input gives the same roots in any order.
    const [root, child] = cmp(ra, rb) < 0 ? [ra, rb] : [rb, ra];
    parent.set(child, root);
    size.set(root, size.get(ra)! + size.get(rb)!);
    kept.push(l);
  }
  // Characters each speech shares inside its group (links within the group only).
  const inGroup = new Map<string, number>();
  for (const l of kept) {
    if (find(l.a) !== find(l.b)) continue;
    for (const id of [l.a, l.b]) inGroup.set(id, (inGroup.get(id) ?? 0) + l.chars);
  }
  const members = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const r = find(id);
    const list = members.get(r);
    if (list) list.push(id);
    else members.set(r, [id]);
  }
  // Numbered by size, largest first; ties by the group's smallest speech id (its root).
  const order = [...members.entries()]
    .filter(([, ids]) => ids.length >= 2)
    .sort((x, y) => y[1].length - x[1].length || cmp(x[0], y[0]));
  const rows: ReuseGroupRow[] = [];
  order.forEach(([, ids], i) => {
    for (const speech_id of ids)
      rows.push({
        speech_id,
        group_id: i + 1,
        group_speeches: ids.length,
        group_shared_chars: inGroup.get(speech_id) ?? 0,
      });
  });
  return rows.sort((x, y) => cmp(x.speech_id, y.speech_id));
}

const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
