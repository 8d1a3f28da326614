// Deterministic string order for published tables.

/** Code-point order (not UTF-16 unit order, which misplaces astral characters). */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca - cb;
    if (ca > 0xffff) i++;
  }
  return a.length - b.length;
}

/** Room for the index in a sort key (see codePointOrder). */
const INDEX_BITS = 2 ** 20;

/**
 * Sorts words in code-point order, in place, and returns them: the order of
 * `words.sort(compareCodePoints)`, several times faster (see codePointOrder).
 */
export function sortCodePoints(words: string[]): string[] {
  if (words.length < 2) return words;
  const order = codePointOrder(words);
  const byIndex = Array.from(words);
  for (let k = 0; k < order.length; k++) words[k] = byIndex[order[k]!]!;
  return words;
}

/**
 * The indices of `words` in code-point order of the words (equal words: either order). Without
 * surrogates code-point order is UTF-16 order, so each word gets a numeric key from its first
 * two code units (a missing unit sorts first) with its index in the low bits; a typed array
 * sorts those natively, and only runs of words sharing the first two units are compared as
 * strings.
 */
export function codePointOrder(words: readonly string[]): Int32Array {
  const n = words.length;
  const keys = new Float64Array(n);
  let surrogates = n >= INDEX_BITS;
  for (let i = 0; i < n && !surrogates; i++) {
    const w = words[i]!;
    // Words are short: a loop costs less than a regular expression call per word.
    for (let k = 0; k < w.length; k++) {
      const c = w.charCodeAt(k);
      if (c >= 0xd800 && c <= 0xdfff) surrogates = true;
    }
    const u0 = w.length > 0 ? w.charCodeAt(0) + 1 : 0;
    const u1 = w.length > 1 ? w.charCodeAt(1) + 1 : 0;
    keys[i] = (u0 * 0x10001 + u1) * INDEX_BITS + i; // < 2^53: exact
  }
  if (surrogates) {
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => compareCodePoints(words[a]!, words[b]!));
    return Int32Array.from(order);
  }
  keys.sort();
  const order = new Int32Array(n);
  let runStart = 0;
  let runPrefix = -1;
  for (let k = 0; k <= n; k++) {
    const prefix = k < n ? Math.floor(keys[k]! / INDEX_BITS) : -2;
    if (k < n) order[k] = keys[k]! - prefix * INDEX_BITS;
    if (prefix === runPrefix) continue;
    if (k - runStart > 1) sortRun(words, order, runStart, k);
    runStart = k;
    runPrefix = prefix;
  }
  return order;
}

/** Sorts order[from, to) by the words' UTF-16 order: insertion sort, as runs are mostly two or
 *  three words (a general sort's set-up cost more than the sorting). */
function sortRun(words: readonly string[], order: Int32Array, from: number, to: number): void {
  if (to - from > 16) {
    const run = Array.from(order.subarray(from, to));
    run.sort((a, b) => compareUnits(words[a]!, words[b]!));
    order.set(run, from);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const x = order[i]!;
    const w = words[x]!;
    let j = i - 1;
    while (j >= from && words[order[j]!]! > w) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = x;
  }
}

function compareUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
