// A seeded generator of speeches with planted reuse: random Han filler (so nothing is shared by
// chance), lexicon formulations sprinkled everywhere (shared by every speech, never reuse), and
// passages copied from "source" speeches into "target" speeches with the edits copiers make:
// substituted characters, 市 → 县, an inserted clause, a deleted stretch, and paragraphs copied in
// the reverse order. Returns the exact spans of every planted copy on both sides.
import type { ReuseDoc } from "../../data-loaders/reuse/detect.ts";
import { prng } from "../../scripts/bench/generate.ts";

// The benchmarks' seeded generator, re-exported for the reuse tests.
export { prng };

/** 600 Han characters spread over the CJK block, plus 市 and 县 for the place-level edit. */
const ALPHABET = [
  ...Array.from({ length: 600 }, (_, k) => String.fromCodePoint(0x4e00 + ((k * 331) % 20900))),
  "市",
  "县",
];

export interface Planted {
  source: string;
  sourceStart: number;
  sourceEnd: number;
  target: string;
  targetStart: number;
  targetEnd: number;
}

export interface PlantedCorpus {
  docs: ReuseDoc[];
  planted: Planted[];
}

export interface PlantOptions {
  seed: number;
  sources: number;
  targets: number;
  /** Copies planted into each target. */
  copiesPerTarget: number;
  /** Surface forms sprinkled into the filler (the lexicon's). */
  formulations: readonly string[];
}

export function plantedCorpus(o: PlantOptions): PlantedCorpus {
  const rand = prng(o.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const han = () => pick(ALPHABET);
  const clause = (n: number) => Array.from({ length: n }, han).join("");

  /** Sentences of filler with a formulation in about one in three, and a dated number now and then. */
  const sentence = () => {
    let s = clause(int(8, 30));
    if (rand() < 0.35 && o.formulations.length)
      s += "，" + pick(o.formulations) + clause(int(2, 6));
    if (rand() < 0.1) s += `，${int(1990, 2024)}年增长${int(1, 9)}.${int(0, 9)}%`;
    return s + (rand() < 0.3 ? "；" : "。");
  };
  const paragraph = () => Array.from({ length: int(3, 7) }, sentence).join("");

  const docs: ReuseDoc[] = [];
  const sources: { id: string; text: string; used: [number, number][] }[] = [];
  for (let i = 0; i < o.sources; i++) {
    const text = Array.from({ length: int(12, 20) }, paragraph).join("\n");
    const id = `src${String(i).padStart(3, "0")}`;
    sources.push({ id, text, used: [] });
    docs.push({ id, text, year: int(2010, 2016) });
  }

  /** Spans of one source not overlapping an earlier copy (so no two targets share a passage):
   *  one span, or two consecutive ones (copied in the reverse order: reordered paragraphs). */
  const takeSpans = (
    count: 1 | 2,
  ): { src: (typeof sources)[number]; spans: [number, number][] } => {
    for (;;) {
      const src = pick(sources);
      const spans: [number, number][] = [];
      let start = int(0, src.text.length - 700);
      for (let k = 0; k < count; k++) {
        const end = start + int(60, 300);
        spans.push([start, end]);
        start = end + int(0, 30);
      }
      const [lo, hi] = [spans[0]![0], spans[spans.length - 1]![1]];
      const clash = src.used.some(([s, e]) => lo < e + 20 && s < hi + 20);
      const tooShort = spans.some(([s, e]) => hanCount(src.text.slice(s, e)) < 70);
      if (clash || tooShort || hi > src.text.length) continue;
      src.used.push([lo, hi]);
      return { src, spans };
    }
  };

  const planted: Planted[] = [];
  for (let t = 0; t < o.targets; t++) {
    const id = `tgt${String(t).padStart(3, "0")}`;
    const pieces: { text: string; copy?: Omit<Planted, "targetStart" | "targetEnd"> }[] = [];
    type Copy = { text: string; copy: Omit<Planted, "targetStart" | "targetEnd"> };
    const copies: Copy[][] = [];
    for (let c = 0; c < o.copiesPerTarget;) {
      const { src, spans } = takeSpans(c + 2 <= o.copiesPerTarget && rand() < 0.4 ? 2 : 1);
      const group = spans.map(([start, end]) => ({
        text: edit(src.text.slice(start, end), rand, int, han),
        copy: { source: src.id, sourceStart: start, sourceEnd: end, target: id },
      }));
      copies.push(group.reverse());
      c += group.length;
    }
    shuffle(copies, rand);
    for (const group of copies) {
      pieces.push({ text: paragraph() + "\n" });
      for (const c of group) pieces.push(c, { text: "\n" });
    }
    pieces.push({ text: paragraph() });
    let text = "";
    for (const p of pieces) {
      if (p.copy)
        planted.push({
          ...p.copy,
          targetStart: text.length,
          targetEnd: text.length + p.text.length,
        });
      text += p.text;
    }
    docs.push({ id, text, year: int(2017, 2024) });
  }
  return { docs, planted };
}

const hanCount = (s: string) => s.match(/\p{Script=Han}/gu)?.length ?? 0;

function shuffle<T>(xs: T[], rand: () => number): void {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
}

/** The edits of a copier: a few substituted characters, 市 → 县 in half the copies, and in some
 *  an inserted clause or a deleted stretch. */
function edit(
  passage: string,
  rand: () => number,
  int: (lo: number, hi: number) => number,
  han: () => string,
): string {
  let chars = [...passage];
  chars = chars.map((c) => (/\p{Script=Han}/u.test(c) && rand() < 0.03 ? han() : c));
  if (rand() < 0.5) chars = chars.map((c) => (c === "市" ? "县" : c));
  if (rand() < 0.5) {
    const at = int(10, chars.length - 10);
    chars.splice(at, 0, ...Array.from({ length: int(4, 12) }, han));
  }
  if (rand() < 0.5) {
    const at = int(10, chars.length - 20);
    chars.splice(at, int(3, 8));
  }
  return chars.join("");
}
