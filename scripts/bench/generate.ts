// Deterministic synthetic corpora for benchmarks: speeches assembled from real paragraphs of
// corpus/sample and the govreports corpus (read-only), with varied years, levels, lengths and
// outline styles. Same seed → same files.
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync, rmSync } from "node:fs";
import { join } from "node:path";

/** mulberry32: small, fast, seedable. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HAN = /\p{Script=Han}/gu;

export function paragraphPool(dirs: string[]): string[] {
  const pool: string[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith(".txt")) continue;
      for (const line of readFileSync(join(dir, name), "utf8").split(/\r?\n/)) {
        const t = line.trim();
        if ((t.match(HAN)?.length ?? 0) >= 40) pool.push(t);
      }
    }
  }
  return pool;
}

const LEVELS = ["全省", "全市", "全县", "全区", "省直机关", "市委理论学习中心组"];
const KINDS = [
  "组织工作会议上的讲话",
  "理论学习中心组集体学习时的研讨发言",
  "党建工作会议上的讲话",
];
const NUMS = "一二三四五六七八九十".split("");

/** Writes `count` speeches of mean ~`meanBytes` into `dir`; returns total bytes. */
export function generateCorpus(
  dir: string,
  count: number,
  seed: number,
  pool: string[],
  meanBytes = 10_000,
): number {
  if (pool.length === 0) throw new Error("empty paragraph pool");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  let total = 0;
  for (let i = 0; i < count; i++) {
    const year = 2000 + Math.floor(rand() * 25);
    const target = meanBytes * (0.3 + rand() * 1.4);
    const lines = [`在${year}年${pick(LEVELS)}${pick(KINDS)}`, "", "同志们：", ""];
    let bytes = 0;
    let section = 0;
    while (bytes < target) {
      if (section < NUMS.length && (section === 0 || rand() < 0.15)) {
        lines.push(`${NUMS[section++]}、${pick(pool).slice(0, 12 + Math.floor(rand() * 10))}`);
      }
      const p = pick(pool);
      lines.push(p);
      bytes += Buffer.byteLength(p);
    }
    lines.push("", `（${year}年${1 + Math.floor(rand() * 12)}月${1 + Math.floor(rand() * 28)}日）`);
    const text = lines.join("\n") + "\n";
    total += Buffer.byteLength(text);
    writeFileSync(join(dir, `speech-${String(i).padStart(5, "0")}.txt`), text);
  }
  return total;
}
