// A cheap test that a log-odds z (language/logodds.ts) is below a threshold, so that picking a
// speech's most distinctive terms can pass over the terms that cannot make its list without
// the divisions, square root and two Math.log calls of the exact z. logOddsTerm computes
//   z = (ln(p1 / q1) − ln(p2 / q2)) / sqrt(1 / p1 + 1 / p2)
// with p1 = yA + αw, q1 = nA + α0 − yA − αw, p2 = yB + αw, q2 = nB + α0 − yB − αw. Here each ln
// comes from a table of ln(1 + k/256) with linear interpolation on the next 12 mantissa bits,
// within LN_ERROR of the true logarithm:
//   interpolation ≤ h²/8 · max|ln''| = 1/(8 · 256²) ≈ 1.9e-6, dropped mantissa bits
//   ≤ 1/(256 · 4096) ≈ 9.5e-7, table and arithmetic rounding ≤ 1e-12;
// Math.log is within an ulp of ln, and the exact z's divisions and root within a few ulps, so
// δ = ln(p1/q1) − ln(p2/q2) as logOddsTerm computes it is within 4 · LN_ERROR + 1e-12 of the
// estimate; whether z = δ / sd is below a threshold then follows from δ's upper end against
// the threshold times sd, squared and multiplied out (no division, no root).
// test/scale/log-bound.test.ts checks it against the exact z.

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
bits[0] = 1;
/** The word order assumed below (little-endian); else nothing is ever pruned. */
const LITTLE_ENDIAN = words[1] === 0x3ff00000;

const CELLS = 256;
const LN_1P = Float64Array.from({ length: CELLS + 1 }, (_, k) => Math.log1p(k / CELLS));
const LN_ERROR = 3e-6;
const DELTA_ERROR = 4 * LN_ERROR + 1e-12;
/** Relative room for the rounding of the products below and of the exact z (≪ 1e-9). */
const ROOM = 1 + 1e-9;
/** Arguments kept well inside the doubles, so that no product below overflows or underflows. */
const SMALLEST = 1e-100;
const LARGEST = 1e100;

/** ln(x) within LN_ERROR, for SMALLEST ≤ x ≤ LARGEST. */
function approxLog(x: number): number {
  bits[0] = x;
  const hi = words[1]!;
  const k = (hi >>> 12) & 0xff;
  const below = LN_1P[k]!;
  return (
    ((hi >>> 20) - 1023) * Math.LN2 + below + (LN_1P[k + 1]! - below) * (hi & 0xfff) * (1 / 4096)
  );
}

const inRange = (x: number) => x >= SMALLEST && x <= LARGEST;

/**
 * True only when the z logOddsTerm computes from p1, q1, p2, q2 (as above) is certainly below
 * `threshold`; false when it may not be, or when an argument is out of the range covered.
 */
export function logOddsBelow(
  p1: number,
  q1: number,
  p2: number,
  q2: number,
  threshold: number,
): boolean {
  if (!LITTLE_ENDIAN || !(inRange(p1) && inRange(q1) && inRange(p2) && inRange(q2))) return false;
  if (!(threshold > -LARGEST && threshold < LARGEST)) return false;
  const estimate = approxLog(p1) - approxLog(q1) - approxLog(p2) + approxLog(q2);
  // The exact δ ≤ high; z = δ / sd < threshold for every such δ iff high < threshold · sd, with
  // sd² = 1/p1 + 1/p2 = (p1 + p2) / (p1 · p2): squared and multiplied out, by sign.
  const high = estimate + DELTA_ERROR;
  const t2 = threshold * threshold * (p1 + p2);
  if (threshold > 0) return high <= 0 || high * high * p1 * p2 * ROOM < t2 / ROOM;
  return high < 0 && (high * high * p1 * p2) / ROOM > t2 * ROOM;
}
