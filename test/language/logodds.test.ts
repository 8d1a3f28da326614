import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { logOdds, logOddsTerm, logOddsVsRest } from "../../data-loaders/language/logodds.ts";

const close = (a: number, b: number, tol = 1e-9) =>
  assert.ok(Math.abs(a - b) <= tol, `${a} ≠ ${b}`);

/*
 * Hand computation. A = {x: 3, y: 1} (n_A = 4), B = {x: 1, y: 5} (n_B = 6),
 * background = pooled counts {x: 4, y: 6} (total 10), α0 = 10 → α_x = 10·4/10 = 4, α_y = 6.
 *   δ_x = ln((3+4)/(4+10−3−4)) − ln((1+4)/(6+10−1−4)) = ln(7/7) − ln(5/11) = ln 2.2 = 0.7884573603642702
 *   σ²_x = 1/(3+4) + 1/(1+4) = 1/7 + 1/5 = 12/35 = 0.34285714285714286
 *   z_x = 0.7884573603642702 / √(12/35) = 1.3465472921185235
 *   δ_y = ln((1+6)/(4+10−1−6)) − ln((5+6)/(6+10−5−6)) = ln(7/7) − ln(11/5) = −0.7884573603642703
 *   σ²_y = 1/7 + 1/11 = 18/77 = 0.23376623376623376
 *   z_y = −0.7884573603642703 / √(18/77) = −1.630749754316667
 * With α0 = 20 (a prior twice as strong): α_x = 8, α_y = 12
 *   δ_x = ln(11/13) − ln(9/17) = 0.46893468205683053, σ²_x = 1/11 + 1/9, z_x = 1.0433138038849659
 */
const A = new Map([
  ["x", 3],
  ["y", 1],
]);
const B = new Map([
  ["x", 1],
  ["y", 5],
]);
const PRIOR = new Map([
  ["x", 4],
  ["y", 6],
]);

test("logOdds matches the hand computation", () => {
  const r = logOdds(A, B, PRIOR, 10);
  close(r.get("x")!.delta, 0.7884573603642702);
  close(r.get("x")!.variance, 12 / 35);
  close(r.get("x")!.z, 1.3465472921185235);
  close(r.get("y")!.delta, -0.7884573603642703);
  close(r.get("y")!.variance, 18 / 77);
  close(r.get("y")!.z, -1.630749754316667);
  const strong = logOdds(A, B, PRIOR, 20);
  close(strong.get("x")!.delta, 0.46893468205683053);
  close(strong.get("x")!.z, 1.0433138038849659);
});

test("a stronger prior shrinks the log-odds towards 0", () => {
  const weak = logOdds(A, B, PRIOR, 10).get("x")!.z;
  const strong = logOdds(A, B, PRIOR, 20).get("x")!.z;
  assert.ok(Math.abs(strong) < Math.abs(weak));
});

test("group vs rest: the prior is the pooled corpus and α0 its total by default", () => {
  // Two groups: each group's rest is the other one, so this is the example above with α0 = 10.
  const r = logOddsVsRest(
    new Map([
      ["A", A],
      ["B", B],
    ]),
  );
  close(r.get("A")!.get("x")!.z, 1.3465472921185235);
  close(r.get("B")!.get("x")!.z, -1.3465472921185235);
  close(r.get("A")!.get("y")!.z, -1.630749754316667);
});

test("terms absent from the prior are an error, not an infinity", () => {
  assert.throws(() => logOdds(new Map([["z", 1]]), B, PRIOR, 10), /missing from the prior: z/);
  assert.throws(() => logOdds(A, B, PRIOR, 0), /alpha0/);
});

test("swapping the groups negates δ and z (property)", () => {
  const counts = fc.array(fc.tuple(fc.nat(50), fc.nat(50)), { minLength: 2, maxLength: 6 });
  fc.assert(
    fc.property(counts, fc.double({ min: 0.5, max: 1000, noNaN: true }), (pairs, alpha0) => {
      const a = new Map(pairs.map(([x], i) => [`t${i}`, x]));
      const b = new Map(pairs.map(([, y], i) => [`t${i}`, y]));
      // Background = pooled + 1 so every term has a positive prior.
      const prior = new Map(pairs.map(([x, y], i) => [`t${i}`, x + y + 1]));
      const ab = logOdds(a, b, prior, alpha0);
      const ba = logOdds(b, a, prior, alpha0);
      for (const [t, r] of ab) {
        close(r.z, -ba.get(t)!.z, 1e-9);
        assert.ok(Number.isFinite(r.z));
        close(r.variance, ba.get(t)!.variance, 1e-12);
      }
    }),
    { numRuns: 150 },
  );
});

test("logOddsTerm: same counts and totals give 0", () => {
  const r = logOddsTerm(5, 100, 5, 100, 2, 50);
  assert.equal(r.delta, 0);
  assert.equal(r.z, 0);
});
