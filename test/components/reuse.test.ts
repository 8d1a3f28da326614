// The reader's reuse layer (src/components/reuse.js), its pure parts: the split of a text's
// reused stretches into pieces, and the #reuse-<start>-<end> hash of a reuse link.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
// @ts-expect-error plain browser JS module without type declarations
import { parseReuseHash, reuseHash, reuseSegments } from "../../src/components/reuse.js";

interface Segment {
  start: number;
  end: number;
  passages: number[];
}
const segmentsOf = reuseSegments as (p: { start: number; end: number }[]) => Segment[];

test("pieces of overlapping, nested and separate passages", () => {
  const passages = [
    { start: 0, end: 10 },
    { start: 5, end: 20 },
    { start: 6, end: 8 },
    { start: 30, end: 40 },
  ];
  assert.deepEqual(segmentsOf(passages), [
    { start: 0, end: 5, passages: [0] },
    { start: 5, end: 6, passages: [0, 1] },
    { start: 6, end: 8, passages: [0, 1, 2] },
    { start: 8, end: 10, passages: [0, 1] },
    { start: 10, end: 20, passages: [1] },
    { start: 30, end: 40, passages: [3] },
  ]);
  assert.deepEqual(segmentsOf([]), []);
});

test("every offset is in the piece of exactly the passages covering it", () => {
  const passage = fc
    .tuple(fc.nat(60), fc.integer({ min: 1, max: 30 }))
    .map(([start, len]) => ({ start, end: start + len }));
  fc.assert(
    fc.property(fc.array(passage, { maxLength: 8 }), (passages) => {
      const segments = segmentsOf(passages);
      for (let k = 1; k < segments.length; k++)
        assert.ok(segments[k - 1]!.end <= segments[k]!.start, "sorted, disjoint");
      for (let at = 0; at < 100; at++) {
        const covering = passages.flatMap((p, i) => (p.start <= at && at < p.end ? [i] : []));
        const piece = segments.find((g) => g.start <= at && at < g.end);
        assert.deepEqual(piece?.passages ?? [], covering, `offset ${at}`);
      }
    }),
  );
});

test("reuse hashes round-trip; anything else is not one", () => {
  assert.equal(reuseHash(120, 480), "reuse-120-480");
  assert.deepEqual(parseReuseHash("#reuse-120-480"), [120, 480]);
  assert.deepEqual(parseReuseHash("reuse-0-5"), [0, 5]);
  for (const bad of ["#reuse-5-5", "#reuse-9-3", "#sec-1", "#reuse-1-2x", ""])
    assert.equal(parseReuseHash(bad), null, bad);
});
