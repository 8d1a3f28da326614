// Local alignment (Smith–Waterman with affine gaps) of two unit sequences, restricted to a band
// of diagonals and a range of the first sequence: the region around one chain of seeds. Banding
// keeps the cost at (region length × band width) instead of (length × length).
//
// Masked units (formulations, stock phrases) that are equal score `maskedMatch` (below `match`)
// and are counted apart (ownEqual): a copied paragraph that quotes a formulation aligns through
// it, while the caller rejects alignments made mostly of masked units.

export interface AlignInput {
  a: Int32Array;
  aMask: Uint8Array;
  b: Int32Array;
  bMask: Uint8Array;
  /** Rows aligned: units [aLo, aHi) of a. */
  aLo: number;
  aHi: number;
  /** Diagonals allowed: b index - a index in [dLo, dHi]. */
  dLo: number;
  dHi: number;
  /** From this index of a on, a row whose every cell scores more than xDrop below the best ends
   *  the alignment (default: never). */
  xDropFrom?: number;
}

export interface Scores {
  match: number;
  maskedMatch: number;
  mismatch: number;
  /** Score of a gap of length g: gapOpen + (g - 1) * gapExtend (affine: an inserted clause
   *  costs little more than one changed character, as copy-editing does). */
  gapOpen: number;
  gapExtend: number;
  xDrop: number;
}

export interface Alignment {
  /** Aligned units [aStart, aEnd) of a and [bStart, bEnd) of b. */
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
  score: number;
  /** Alignment columns: equal pairs, unequal pairs and gaps. */
  columns: number;
  /** Columns whose two units are equal. */
  equal: number;
  /** Equal columns where neither unit is masked: what is shared beyond formulations. */
  ownEqual: number;
}

// Traceback byte of a cell: bits 0-1 where H came from, bit 2: E opened here (from H above),
// bit 3: F opened here (from H to the left).
const STOP = 0;
const DIAG = 1;
const FROM_E = 2; // gap consuming units of a only (vertical)
const FROM_F = 3; // gap consuming units of b only (horizontal)
const E_OPEN = 4;
const F_OPEN = 8;
const NEG = -(2 ** 30);

/** Gotoh's affine-gap Smith–Waterman on the band; rolling rows, one traceback byte per cell. */
export function alignBanded(input: AlignInput, s: Scores): Alignment | null {
  const { a, b, aMask, bMask, aLo, aHi, dLo, dHi } = input;
  const xDropFrom = input.xDropFrom ?? aHi;
  const rows = aHi - aLo;
  const width = dHi - dLo + 1;
  if (rows <= 0 || width <= 0) return null;
  // Row r holds a[aLo + r]; column k holds b[aLo + r + dLo + k]. Row -1 is implicit: H = 0.
  const trace = new Uint8Array(rows * width);
  let hPrev = new Int32Array(width);
  let hCur = new Int32Array(width);
  let ePrev = new Int32Array(width).fill(NEG);
  let eCur = new Int32Array(width);
  let best = 0;
  let bestCell = -1;
  for (let r = 0; r < rows; r++) {
    const i = aLo + r;
    const ai = a[i]!;
    const am = aMask[i]!;
    let f = NEG; // F of the cell to the left
    let rowBest = 0;
    for (let k = 0; k < width; k++) {
      const j = i + dLo + k;
      if (j < 0 || j >= b.length) {
        hCur[k] = 0;
        eCur[k] = NEG;
        f = NEG;
        continue;
      }
      const cell = r * width + k;
      let bits = 0;
      // E: from (i-1, j), which is k+1 in the previous row.
      const hUp = r > 0 && k + 1 < width ? hPrev[k + 1]! : 0;
      const eUp = r > 0 && k + 1 < width ? ePrev[k + 1]! : NEG;
      let e = eUp + s.gapExtend;
      if (hUp + s.gapOpen >= e) {
        e = hUp + s.gapOpen;
        bits |= E_OPEN;
      }
      // F: from (i, j-1), which is k-1 in this row.
      const hLeft = k > 0 ? hCur[k - 1]! : 0;
      let fNew = f + s.gapExtend;
      if (hLeft + s.gapOpen >= fNew) {
        fNew = hLeft + s.gapOpen;
        bits |= F_OPEN;
      }
      f = fNew;
      const diagPrev = r > 0 ? hPrev[k]! : 0;
      const bj = b[j]!;
      const pair = ai === bj ? (am || bMask[j] ? s.maskedMatch : s.match) : s.mismatch;
      let h = diagPrev + pair;
      let dir = DIAG;
      if (e > h) {
        h = e;
        dir = FROM_E;
      }
      if (f > h) {
        h = f;
        dir = FROM_F;
      }
      if (h <= 0) {
        h = 0;
        dir = STOP;
      }
      hCur[k] = h;
      eCur[k] = e;
      trace[cell] = bits | dir;
      if (h > rowBest) rowBest = h;
      if (h > best) {
        best = h;
        bestCell = cell;
      }
    }
    [hPrev, hCur] = [hCur, hPrev];
    [ePrev, eCur] = [eCur, ePrev];
    if (i >= xDropFrom && rowBest < best - s.xDrop) break;
  }
  if (bestCell < 0) return null;

  let r = Math.floor(bestCell / width);
  let k = bestCell % width;
  const aEnd = aLo + r + 1;
  const bEnd = aLo + r + dLo + k + 1;
  let columns = 0;
  let equal = 0;
  let ownEqual = 0;
  let aStart = aEnd;
  let bStart = bEnd;
  let state: "H" | "E" | "F" = "H";
  while (r >= 0 && k >= 0 && k < width) {
    const t = trace[r * width + k]!;
    const i = aLo + r;
    const j = i + dLo + k;
    if (state === "H") {
      const dir = t & 3;
      if (dir === STOP) break;
      if (dir === FROM_E) state = "E";
      else if (dir === FROM_F) state = "F";
      else {
        columns++;
        if (a[i] === b[j]) {
          equal++;
          if (!aMask[i] && !bMask[j]) ownEqual++;
        }
        aStart = i;
        bStart = j;
        r--;
      }
    } else if (state === "E") {
      columns++;
      aStart = i;
      if (t & E_OPEN) state = "H";
      r--;
      k++;
    } else {
      columns++;
      bStart = j;
      if (t & F_OPEN) state = "H";
      k--;
    }
  }
  if (columns === 0) return null;
  return extendEqual({ aStart, aEnd, bStart, bEnd, score: best, columns, equal, ownEqual }, input);
}

/** Grows an alignment through runs of equal units at both ends: a passage may run past the
 *  aligned region (its ends beyond the last seed plus edgePad). Equal units are shared text
 *  whatever their score. */
function extendEqual(al: Alignment, { a, b, aMask, bMask }: AlignInput): Alignment {
  let { aStart, aEnd, bStart, bEnd, columns, equal, ownEqual } = al;
  while (aStart > 0 && bStart > 0 && a[aStart - 1] === b[bStart - 1]) {
    aStart--;
    bStart--;
    columns++;
    equal++;
    if (!aMask[aStart] && !bMask[bStart]) ownEqual++;
  }
  while (aEnd < a.length && bEnd < b.length && a[aEnd] === b[bEnd]) {
    if (!aMask[aEnd] && !bMask[bEnd]) ownEqual++;
    aEnd++;
    bEnd++;
    columns++;
    equal++;
  }
  return { ...al, aStart, aEnd, bStart, bEnd, columns, equal, ownEqual };
}
