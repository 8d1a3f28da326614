// The MinHash signature skips sorting and de-duplicating the shingles, and the window hashes are
// unrolled for five units: both must give what the plain definitions give.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { fnv1a, minhashSignature, shingleHashes } from "../../data-loaders/ingest/dedupe.ts";
import { loadSampleCleaned, sampleFiles } from "../helpers/sample.ts";

/** Distinct FNV-1a hashes of the 5-code-point windows of the text without whitespace, sorted. */
function referenceShingles(text: string): number[] {
  const points = [...text.replace(/\s+/gu, "")];
  if (points.length === 0) return [];
  const w = Math.min(5, points.length);
  const set = new Set<number>();
  for (let p = 0; p + w <= points.length; p++) set.add(fnv1a(points.slice(p, p + w).join("")));
  return [...set].sort((a, b) => a - b);
}

/** The signature as first written: over the sorted, distinct shingles (see dedupe.ts). */
function referenceSignature(shingles: readonly number[]): number[] {
  const mix32 = (x: number) => {
    let h = (x ^ 0x9e3779b9) >>> 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
  };
  const sig = new Array<number>(128).fill(Infinity);
  for (const s of shingles) {
    const h = mix32(s);
    const bin = h >>> 25;
    if ((h & 0x1ffffff) < sig[bin]!) sig[bin] = h & 0x1ffffff;
  }
  if (shingles.length > 0)
    for (let b = 0; b < 128; b++) {
      if (sig[b] !== Infinity) continue;
      for (let step = 1; step < 128; step++) {
        const v = sig[(b + step) % 128]!;
        if (v !== Infinity && v < 0x2000000) {
          sig[b] = v + step * 0x2000000;
          break;
        }
      }
    }
  return sig;
}

const unit = fc.constantFrom("干", "部", "队", "a", " ", "\n", "😀", "\ud800", "\udc00", "建");

test("shingles and signature equal their plain definitions", () => {
  fc.assert(
    fc.property(fc.array(unit, { maxLength: 40 }), (units) => {
      const text = units.join("");
      const shingles = referenceShingles(text);
      assert.deepEqual([...shingleHashes(text)], shingles);
      assert.deepEqual(minhashSignature(text), referenceSignature(shingles));
    }),
    { numRuns: 3000 },
  );
  for (const file of sampleFiles()) {
    const text = loadSampleCleaned(file);
    const shingles = referenceShingles(text);
    assert.deepEqual([...shingleHashes(text)], shingles);
    assert.deepEqual(minhashSignature(text), referenceSignature(shingles));
  }
});
