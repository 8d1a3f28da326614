// The text String(x) gives a double — the shortest decimal that reads back as x, the closest
// one if several, the even one on a tie, laid out by ECMAScript Number::toString — written as
// ASCII bytes straight into a buffer. The corpus tables write millions of distinct fractions
// (z scores, rates, PMI), and String(x) plus copying its characters cost 0.2–0.3 µs each, more
// than any other step of writing them. This is Ryū (Ulf Adams, "Ryū: fast float-to-string conversion",
// PLDI 2018) with the 128-bit products done exactly in 24-bit limbs held in doubles (each
// partial product < 2^48, so no rounding), covering what those tables hold: normal doubles
// from about 3e-14 to 2^50 in magnitude, written without an exponent. Anything else returns -1
// and the caller uses String(x). test/scale/shortest-number.test.ts checks it against String.

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
bits[0] = 1;
/** The word order assumed below (little-endian: low word first); else every call says -1. */
const LITTLE_ENDIAN = words[1] === 0x3ff00000 && words[0] === 0;

const TWO24 = 16777216;
const TWO48 = 2 ** 48;
const INV24 = 2 ** -24;
const E8 = 100_000_000;
const INV_E8 = 1e-8;
/** Margin under which a floor of an approximate fraction is not trusted (its error < 2^-45). */
const EPS = 2 ** -40;

/** 5^i in three 24-bit limbs (for 5^i < 2^72), and rounded to a double. */
const MAX_POW5 = 31;
const POW5 = new Float64Array(3 * (MAX_POW5 + 1));
const POW5_DOUBLE = new Float64Array(MAX_POW5 + 1);
for (let i = 0; i <= MAX_POW5; i++) {
  const p = 5n ** BigInt(i);
  for (let l = 0; l < 3; l++) POW5[3 * i + l] = Number((p >> BigInt(24 * l)) & 0xffffffn);
  POW5_DOUBLE[i] = Number(p);
}
/** 2^-n, exact. */
const INV_POW2 = Float64Array.from({ length: 128 }, (_, n) => 2 ** -n);
const POW2 = Float64Array.from({ length: 25 }, (_, n) => 2 ** n);
const POW10 = Int32Array.from({ length: 9 }, (_, n) => 10 ** n);

/** The product's 24-bit limbs at [2, 8), two zero limbs below and above. */
const limbs = new Float64Array(10);

/**
 * Writes String(v) at to[at…] and returns the end, or -1 when v is outside the range handled
 * here, non-finite numbers included (the caller then writes String(v) itself, if anything).
 * `to` needs 24 bytes of room.
 *
 * Ryū's step 3 gives vr = ⌊mv·5^i / 2^q⌋, vp and vm the same for the interval's bounds
 * mv + 2 and mv - 1 - mmShift (all < 2^64). Here mv·5^i is exact in limbs, vr is taken from
 * them, and vp - vr, vm - vr (small: 5^i / 2^q is in [10, 100)) from the fraction below bit q,
 * which is never an integer for q ≥ 2 (a bound is a multiple of 2^q only when q ≤ 1), so its
 * floor is certain once it is more than EPS away from one. Step 4 then runs on the last 8
 * decimal digits of vr.
 */
export function writeShortest(v: number, to: Uint8Array, at: number): number {
  // Two parts, each small enough for the JIT to inline what it calls.
  const n = decompose(v);
  return n < 0 ? -1 : layout(to, at, n);
}

/** The decimal of v (see writeShortest) into `decimal`: sign, digits in three parts, their
 *  exponent; returns the number of digits, or -1 when left to String. */
function decompose(v: number): number {
  if (!LITTLE_ENDIAN) return -1;
  bits[0] = v;
  const lo = words[0]!;
  const hi = words[1]!;
  const ieeeExponent = (hi >>> 20) & 0x7ff;
  // Ryū's e2: the exponent of 4·m2 (two extra bits for the interval bounds).
  const e2 = ieeeExponent - 1077;
  // Magnitudes from 2^50 up (also infinities, NaN), subnormals and zero: String.
  if (e2 > -5 || ieeeExponent === 0) return -1;
  // q ≥ 2 here, so vm is never exact and vp needs no correction (Ryū's q <= 1 branch).
  const q = ((-e2 * 732923) >>> 20) - 1; // log10Pow5(-e2) - 1
  const i = -e2 - q;
  if (i > MAX_POW5) return -1;
  const mantissaHigh = hi & 0xfffff;
  const mm = mantissaHigh !== 0 || lo !== 0 ? 2 : 1; // mv - vm's bound: 1 + mmShift
  // mv = 4·m2 = (2^20 + mantissaHigh)·2^34 + 4·lo, in 24-bit limbs.
  const mh = 0x100000 + mantissaHigh;
  const a0 = (lo << 2) & 0xffffff;
  const a1 = (lo >>> 22) | ((mh & 0x3fff) << 10);
  const a2 = mh >>> 14;
  const b0 = POW5[3 * i]!;
  const b1 = POW5[3 * i + 1]!;
  const b2 = POW5[3 * i + 2]!;
  // mv·5^i by columns (each < 2^50), then carried into limbs.
  const p = limbs;
  let x = a0 * b0;
  let k = Math.floor(x * INV24);
  p[2] = x - k * TWO24;
  x = a0 * b1 + a1 * b0 + k;
  k = Math.floor(x * INV24);
  p[3] = x - k * TWO24;
  x = a0 * b2 + a1 * b1 + a2 * b0 + k;
  k = Math.floor(x * INV24);
  p[4] = x - k * TWO24;
  x = a1 * b2 + a2 * b1 + k;
  k = Math.floor(x * INV24);
  p[5] = x - k * TWO24;
  x = a2 * b2 + k;
  k = Math.floor(x * INV24);
  p[6] = x - k * TWO24;
  p[7] = k;
  // vr = ⌊product / 2^q⌋ in limbs w0..w2 (limb l = bits q + 24l …), and the fraction below.
  const l = 2 + ((q / 24) | 0);
  const s = q - 24 * (l - 2);
  const down = INV_POW2[s]!;
  let u = Math.floor((p[l]! + p[l + 1]! * TWO24) * down);
  const w0 = u - Math.floor(u * INV24) * TWO24;
  u = Math.floor((p[l + 1]! + p[l + 2]! * TWO24) * down);
  const w1 = u - Math.floor(u * INV24) * TWO24;
  const w2 = Math.floor((p[l + 2]! + p[l + 3]! * TWO24) * down);
  const below = p[l]! - Math.floor(p[l]! * down) * POW2[s]!; // bits of limb l under q
  const frac = (below * TWO48 + p[l - 1]! * TWO24 + p[l - 2]!) * INV_POW2[s + 48]!;
  const f = POW5_DOUBLE[i]! * INV_POW2[q]!; // 5^i / 2^q
  const up = frac + 2 * f;
  const dp = Math.floor(up) | 0; // small: |vp - vr|, |vm - vr| ≤ 2 · 5^i / 2^q + 1 < 202
  const dn = frac - mm * f;
  const dm = Math.floor(dn) | 0;
  if (up - dp < EPS || dp + 1 - up < EPS || dn - dm < EPS || dm + 1 - dn < EPS) return -1;

  // vr in base 10^8: hi8·10^16 + mid8·10^8 + c (quotients by a multiplication, corrected).
  let t = w2 * TWO24 + w1;
  let d = Math.floor(t * INV_E8);
  let r = t - d * E8;
  if (r < 0) (d--, (r += E8));
  else if (r >= E8) (d++, (r -= E8));
  t = r * TWO24 + w0;
  let d0 = Math.floor(t * INV_E8);
  r = t - d0 * E8;
  if (r < 0) (d0--, (r += E8));
  else if (r >= E8) (d0++, (r -= E8));
  const c = r | 0;
  t = d * TWO24 + d0;
  let hi8 = Math.floor(t * INV_E8);
  r = t - hi8 * E8;
  if (r < 0) (hi8--, (r += E8));
  else if (r >= E8) (hi8++, (r -= E8));
  let mid8 = r | 0;
  // The bounds' last 8 digits; when they leave [0, 10^8) (a carry into mid8; a few in a
  // million values), String.
  const vmLow = c + dm;
  const vpLow = c + dp;
  if (vmLow < 0 || vpLow >= E8) return -1;

  // Ryū step 4 on the last 8 digits (every division by the constant 10): remove digits while
  // the bounds differ above them, keeping the last one removed and whether vr was exact and
  // every one before it 0 (then a last 5 is a tie, rounded to even).
  let vr = c;
  let vpRest = vpLow;
  let vmRest = vmLow;
  let removed = 0;
  let last = 0;
  let exact = trailingZeros(mantissaHigh, lo) + 2 >= q; // mv·5^i has q trailing zero bits
  for (;;) {
    const vpNext = (vpRest / 10) | 0;
    const vmNext = (vmRest / 10) | 0;
    if (vpNext <= vmNext) break;
    const vrNext = (vr / 10) | 0;
    exact = exact && last === 0;
    last = vr - vrNext * 10;
    vr = vrNext;
    vpRest = vpNext;
    vmRest = vmNext;
    removed++;
  }
  if (exact && last === 5 && (vr & 1) === 0) last = 4;
  let out = vr;
  // vr + 1 when vr is the (excluded) lower bound or the removed digits round up.
  if (vmRest === out || last >= 5) {
    out++;
    if (out === POW10[8 - removed]) {
      out = 0;
      if (++mid8 === E8) {
        mid8 = 0;
        hi8++;
      }
    }
  }

  // The digits: hi8, mid8 (8 digits when hi8 > 0) and out (8 - removed digits when a part
  // above it is not 0), without trailing zeros; value = digits · 10^e.
  // All of out's slot zeros (a short decimal: 0.5, 12.25, ~1e-4 of the tables' values):
  // left to String.
  if (out === 0) return -1;
  let e = q + e2 + removed;
  let outDigits = 8 - removed;
  while (out % 10 === 0) {
    out = (out / 10) | 0;
    outDigits--;
    e++;
  }
  let n: number;
  if (hi8 > 0) n = decimalLength(hi8) + 8 + outDigits;
  else if (mid8 > 0) n = decimalLength(mid8) + outDigits;
  else n = outDigits = decimalLength(out);
  const dec = decimal;
  dec[NEGATIVE] = hi >>> 31;
  dec[HI8] = hi8;
  dec[MID8] = mid8;
  dec[OUT] = out;
  dec[OUT_DIGITS] = outDigits;
  dec[EXPONENT] = e;
  return n;
}

/** What decompose() found: the value is (-1)^NEGATIVE · digits · 10^EXPONENT, the digits
 *  being HI8, MID8 (8 digits after HI8 > 0) and OUT (OUT_DIGITS digits after a part > 0). */
const decimal = new Int32Array(6);
const NEGATIVE = 0;
const HI8 = 1;
const MID8 = 2;
const OUT = 3;
const OUT_DIGITS = 4;
const EXPONENT = 5;

/** Writes the decimal of `n` digits laid out by Number::toString at to[at…]; returns the end,
 *  or -1 for exponent notation (left to String). */
function layout(to: Uint8Array, at: number, n: number): number {
  const d = decimal;
  const hi8 = d[HI8]!;
  const mid8 = d[MID8]!;
  const outDigits = d[OUT_DIGITS]!;
  // `point` is where the decimal point goes, from the first digit.
  const point = n + d[EXPONENT]!;
  if (point > 21 || point <= -6) return -1;
  let o = at;
  if (d[NEGATIVE]) to[o++] = 45; // "-"
  if (point <= 0) {
    to[o++] = 48; // "0"
    to[o++] = 46; // "."
    for (let j = point; j < 0; j++) to[o++] = 48;
  }
  // Right to left from the end of the digits; with a point inside them, one further right,
  // then the `point` digits before it moved back by one (fewer to move than after it).
  const inside = point > 0 && point < n ? 1 : 0;
  let end = o + n + inside;
  put(to, d[OUT]!, outDigits, end);
  end -= outDigits;
  if (hi8 > 0) {
    put(to, mid8, 8, end);
    put(to, hi8, end - 8 - o - inside, end - 8);
  } else if (mid8 > 0) put(to, mid8, end - o - inside, end);
  if (inside) {
    for (let j = o; j < o + point; j++) to[j] = to[j + 1]!;
    to[o + point] = 46; // "."
    return o + n + 1;
  }
  o += n;
  for (let j = n; j < point; j++) to[o++] = 48;
  return o;
}

/** Two ASCII digits per value 0–99. */
const DIGIT_PAIRS = Uint8Array.from({ length: 200 }, (_, j) =>
  j % 2 ? 48 + ((j >> 1) % 10) : 48 + (((j >> 1) / 10) | 0),
);

/** Writes the last `count` decimal digits of 0 ≤ y < 2^31 (zero-padded) ending before `end`. */
function put(to: Uint8Array, y: number, count: number, end: number): void {
  let x = y | 0;
  let at = end;
  for (; count >= 2; count -= 2) {
    const z = (x / 100) | 0;
    const pair = (x - z * 100) << 1;
    to[--at] = DIGIT_PAIRS[pair + 1]!;
    to[--at] = DIGIT_PAIRS[pair]!;
    x = z;
  }
  if (count > 0) to[at - 1] = 48 + x - ((x / 10) | 0) * 10;
}

function decimalLength(x: number): number {
  if (x >= 10000) {
    if (x >= 1000000) return x >= 100000000 ? 9 : x >= 10000000 ? 8 : 7;
    return x >= 100000 ? 6 : 5;
  }
  if (x >= 100) return x >= 1000 ? 4 : 3;
  return x >= 10 ? 2 : 1;
}

/** Trailing zero bits of m2 = 2^52 + mantissa (mantissa = mantissaHigh·2^32 + lo). */
function trailingZeros(mantissaHigh: number, lo: number): number {
  if (lo !== 0) return 31 - Math.clz32(lo & -lo);
  const h = mantissaHigh | 0x100000;
  return 32 + 31 - Math.clz32(h & -h);
}
