// writeShortest (pipeline/shortest-number.ts) writes exactly String(x), or declines (-1) and the
// block builder writes String(x) itself: random bit patterns over the exponents it covers,
// random values on a log scale, short decimals and exact ties, powers of two (whose interval is
// lopsided), the fixed/exponent layout boundaries, and numbers like those the corpus tables
// produce (rates, z, PMI); then the CSV cells of BlockBuilder.num() for the same values.
import { test } from "node:test";
import assert from "node:assert/strict";
import { prng } from "../../scripts/bench/generate.ts";
import { BlockBuilder, StringCells } from "../../data-loaders/pipeline/block-builder.ts";
import { writeShortest } from "../../data-loaders/pipeline/shortest-number.ts";
import { collocationsTable } from "../../data-loaders/tables/language.ts";

function values(): number[] {
  const rand = prng(20240607);
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  const out: number[] = [];
  // Random mantissas, binary exponents -70 … 60 (the covered range and both sides of it).
  for (let n = 0; n < 200_000; n++) {
    words[0] = (rand() * 2 ** 32) >>> 0;
    words[1] = (((rand() * 2 ** 20) >>> 0) | ((1023 - 70 + Math.floor(rand() * 131)) << 20)) >>> 0;
    out.push(rand() < 0.5 ? bits[0]! : -bits[0]!);
  }
  // Log-uniform magnitudes 1e-16 … 1e22.
  for (let n = 0; n < 100_000; n++) out.push((rand() - 0.5) * 10 ** (rand() * 38 - 16));
  // Short decimals, ties and their neighbours.
  for (let n = 0; n < 20_000; n++) {
    const d = Math.floor(rand() * 1e6);
    const scale = 10 ** Math.floor(rand() * 12);
    for (const v of [d / scale, (d + 0.5) / scale, d * 0.001, (2 * d + 1) / 2 ** 20])
      out.push(v, -v, v * (1 + Number.EPSILON), v * (1 - Number.EPSILON / 2));
  }
  // Powers of two (the lower half-gap is half the upper) and their neighbours.
  for (let e = -80; e <= 70; e++) {
    const p = 2 ** e;
    out.push(p, -p, p * 1.5, p + p * Number.EPSILON, p - (p * Number.EPSILON) / 2);
  }
  // Fixed vs exponent notation boundaries, integers beyond int32, special values.
  out.push(1e21, 1e21 - 2 ** 17, 999999999999999900000, 1e-6, 1e-7, 9.999999999999999e-7);
  out.push(1.2345678901234567e-6, 0.000001234, 123456789012.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53);
  out.push(2 ** 53 - 1, 4503599627370495.5, 0.1, 0.2, 0.30000000000000004, 1 / 3, 2 / 3);
  out.push(0, -0, NaN, Infinity, -Infinity, Number.MIN_VALUE, 2.2250738585072014e-308);
  out.push(Number.MAX_VALUE, Number.EPSILON, 5e-324, 1.7976931348623157e308);
  // Table-like values: rates per 10k, means, log-odds z, tf-idf, PMI and NPMI.
  for (let n = 0; n < 50_000; n++) {
    const count = 1 + Math.floor(rand() * 200);
    const han = 100 + Math.floor(rand() * 3e7);
    out.push((count / han) * 10_000, ((count / han) * 10_000) / (1 + Math.floor(rand() * 500)));
    out.push((rand() - 0.4) * 30, (count / 1500) * Math.log(10_000 / count));
    const pmi = Math.log(count / 9e5 / (rand() * 0.01 * (rand() * 0.01)));
    out.push(pmi, pmi / -Math.log(count / 9e5));
  }
  return out;
}

test("writeShortest writes String(x) or declines", () => {
  const buf = new Uint8Array(64);
  let written = 0;
  for (const v of values()) {
    const end = writeShortest(v, buf, 3);
    if (end < 0) continue;
    written++;
    const text = Buffer.from(buf.subarray(3, end)).toString("latin1");
    if (text !== String(v)) assert.fail(`${String(v)} written as ${text}`);
  }
  // It must cover most of them (it is the fast path), not just decline.
  assert.ok(written > 300_000, `${written} written`);
});

test("BlockBuilder number cells are String(x) (empty for non-finite), integers too", () => {
  const vs = values();
  const cells = new StringCells(collocationsTable.columns[0]!, ["a"]);
  const b = new BlockBuilder(collocationsTable, vs.length);
  for (const v of vs) {
    b.str(0, cells, 0);
    b.str(1, cells, 0);
    b.int(2, 0);
    b.num(3, v);
    b.num(4, Math.trunc(v) | 0);
    b.end();
  }
  const lines = Buffer.from(b.take().csv as Uint8Array)
    .toString("latin1")
    .split("\n");
  vs.forEach((v, i) => {
    const want = `a,a,0,${Number.isFinite(v) ? String(v) : ""},${String(Math.trunc(v) | 0)}`;
    if (lines[i] !== want) assert.fail(`row ${i}: ${lines[i]} ≠ ${want}`);
  });
});
