// A text as the sequence reuse is detected on: one unit per Han character and one per run of
// digits or Latin letters (so 2023 vs 2024 or 7.5% vs 8% is one differing unit); punctuation,
// spaces and line breaks are skipped, so re-punctuated or re-wrapped copies still align.
// Each unit keeps its UTF-16 span in the text, so results map back to exact offsets.

const HAN_RE = /^[\p{Unified_Ideograph}〇]$/u;
let bmpHan: Uint8Array | undefined;

/** Tabulated once over the BMP from the same class as han_chars (describe/text-stats.ts). */
function hanTable(): Uint8Array {
  if (bmpHan) return bmpHan;
  bmpHan = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (HAN_RE.test(String.fromCharCode(c))) bmpHan[c] = 1;
  return bmpHan;
}

export interface Units {
  /** Unit codes: a Han character's code point (> 0), or -(1 + hash of the run) for a run. */
  codes: Int32Array;
  /** UTF-16 span of unit i: [starts[i], ends[i]). */
  starts: Int32Array;
  ends: Int32Array;
  /** hanBefore[i] = Han units among units 0..i-1 (length n + 1): Han counts of unit ranges. */
  hanBefore: Int32Array;
}

function isRunChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) || // 0-9
    (c >= 0x41 && c <= 0x5a) || // A-Z
    (c >= 0x61 && c <= 0x7a) || // a-z
    (c >= 0xff10 && c <= 0xff19) || // full-width digits
    (c >= 0xff21 && c <= 0xff3a) ||
    (c >= 0xff41 && c <= 0xff5a) ||
    c === 0x2e || // . and % stay inside a number run: 7.5% differs from 7.8%
    c === 0x25 ||
    c === 0xff0e ||
    c === 0xff05
  );
}

/** Folds full-width forms and case so ２０２３ and 2023 are the same run. */
function foldRunChar(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  if (c >= 0x41 && c <= 0x5a) c += 0x20;
  return c;
}

export function textUnits(text: string): Units {
  const table = hanTable();
  const n = text.length;
  const codes = new Int32Array(n);
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  let u = 0;
  for (let i = 0; i < n;) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff && HAN_RE.test(String.fromCodePoint(cp))) {
        codes[u] = cp;
        starts[u] = i;
        ends[u++] = i + 2;
      }
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    if (table[c]) {
      codes[u] = c;
      starts[u] = i;
      ends[u++] = i + 1;
      i++;
      continue;
    }
    if (isRunChar(c)) {
      // FNV-1a over the folded run.
      let h = 0x811c9dc5;
      const s = i;
      while (i < n && isRunChar(text.charCodeAt(i))) {
        h = Math.imul(h ^ foldRunChar(text.charCodeAt(i)), 0x01000193);
        i++;
      }
      codes[u] = -1 - ((h >>> 0) & 0x3fffffff);
      starts[u] = s;
      ends[u++] = i;
      continue;
    }
    i++;
  }
  const hanBefore = new Int32Array(u + 1);
  for (let k = 0; k < u; k++) hanBefore[k + 1] = hanBefore[k]! + (codes[k]! > 0 ? 1 : 0);
  return {
    codes: codes.slice(0, u),
    starts: starts.slice(0, u),
    ends: ends.slice(0, u),
    hanBefore,
  };
}

/** Unit codes of a short phrase (a lexicon surface form), for matching on units. */
export function phraseCodes(phrase: string): Int32Array {
  return textUnits(phrase).codes;
}

/** Han characters of text[start, end) by unit spans: units are whole, never cut. */
export function hanIn(units: Units, start: number, end: number): number {
  return (
    units.hanBefore[firstUnitAtOrAfter(units, end)]! -
    units.hanBefore[firstUnitAtOrAfter(units, start)]!
  );
}

/** Index of the first unit starting at or after UTF-16 offset `offset`. */
export function firstUnitAtOrAfter(units: Units, offset: number): number {
  let lo = 0;
  let hi = units.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (units.starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
