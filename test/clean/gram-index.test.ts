// GramIndex against the Map of gram strings it replaced (repeated-body candidate lookup).
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { GRAM, GramIndex } from "../../data-loaders/clean/gram-index.ts";

function grams(key: string, stride: number): string[] {
  if (key.length < GRAM) return [key];
  const out: string[] = [];
  for (let p = 0; p + GRAM <= key.length; p += stride) out.push(key.slice(p, p + GRAM));
  return out;
}

class ReferenceIndex {
  private index = new Map<string, number[]>();
  constructor(private keys: readonly string[]) {}
  add(j: number): void {
    for (const g of new Set(grams(this.keys[j]!, 1))) {
      const list = this.index.get(g);
      if (list) list.push(j);
      else this.index.set(g, [j]);
    }
  }
  candidates(key: string, stride: number): number[] {
    const samples = grams(key, stride);
    const hits = new Map<number, number>();
    for (const g of samples)
      for (const i of this.index.get(g) ?? []) hits.set(i, (hits.get(i) ?? 0) + 1);
    const need = Math.ceil(samples.length / 2);
    return [...hits]
      .filter(([, n]) => n >= need)
      .map(([i]) => i)
      .sort((a, b) => a - b);
  }
}

test("GramIndex gives the candidates of a Map from gram strings", () => {
  // A tiny alphabet makes shared and repeated grams (and hash-bucket neighbours) common.
  const key = fc
    .array(fc.constantFrom("甲", "乙", "丙", "a", "𠀀"), { maxLength: 40 })
    .map((a) => a.join(""));
  fc.assert(
    fc.property(
      fc.array(key, { minLength: 1, maxLength: 12 }),
      fc.integer({ min: 1, max: 5 }),
      (keys, stride) => {
        const fast = new GramIndex(keys);
        const ref = new ReferenceIndex(keys);
        keys.forEach((k, j) => {
          assert.deepEqual(fast.candidates(k, stride), ref.candidates(k, stride));
          if (j % 3 !== 2) {
            fast.add(j);
            ref.add(j);
          }
        });
      },
    ),
    { numRuns: 1500 },
  );
});
