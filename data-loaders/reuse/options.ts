// Thresholds of text-reuse detection, with the defaults the pipeline uses. Every one is an
// option because what counts as "reuse" depends on the corpus (a folder of template-built county
// speeches wants stricter stock-phrase masking than forty years of government reports).

export interface ReuseOptions {
  /** Shortest reported passage: Han characters on each side of the pair. */
  minChars: number;
  /** Share of a passage's characters that must be equal and unmasked (not a lexicon formulation,
   *  not a stock phrase): a passage made mostly of formulations is not reuse by itself. */
  minOwnShare: number;
  /** Units (Han characters, or one run of digits/Latin letters) per hashed n-gram. */
  gram: number;
  /** Winnowing window, in n-grams. Kept <= gram: then the selected n-grams of a text cover it
   *  without gaps, which is what lets stock-phrase masking work on fingerprints alone. A shared
   *  stretch of gram + window - 1 units always yields a shared fingerprint. */
  window: number;
  /** A fingerprint in at least this share of the speeches is a stock phrase (masked)... */
  stockShare: number;
  /** ...but never below this many speeches (small corpora: two or three speeches sharing a
   *  passage is exactly what we want to report)... */
  stockMinSpeeches: number;
  /** ...and always from this many on (bounds the pairs one fingerprint can create: a passage in
   *  more speeches than this is boilerplate of the genre, not a source). 20: pairs grow with the
   *  square of the speeches sharing a passage (20 → 190 pairs, 50 → 1,225). In the
   *  10,000-speech benchmark corpus a paragraph recurs in 30–50 speeches; with 50 almost every
   *  paragraph was reuse, ~3 million passage pairs, and the stage ran for more than 20 minutes
   *  and over 1 GB of memory; with 20 they are stock. */
  stockMaxSpeeches: number;
  /** Shared fingerprints a diagonal chain needs before it is aligned (1 lets a single 15-unit
   *  coincidence through to the aligner, which then rejects it: slower, same result). */
  minSeeds: number;
  /** Seeds further apart than this (units on the first text) start a new chain. */
  maxSeedGap: number;
  /** Seeds whose diagonals (offset between the two texts) differ by more than this start a new
   *  chain: an insertion longer than this splits a passage in two. */
  maxDiagonalDrift: number;
  /** A chain is aligned with gaps only when its best ungapped stretch, on one of its seeds'
   *  diagonals, scores at least this (24: twelve more equal units than unequal ones). Two seeds
   *  that share only a common phrase are the most frequent chains and never a passage. */
  gappedTrigger: number;
  /** The gapped alignment stops past a chain's last seed once every cell of a row scores this
   *  much below the best (X-drop, as in BLAST): beyond a passage's end the rest of edgePad is
   *  unrelated text. */
  xDrop: number;
  /** Extra diagonals on each side of a chain's band that the aligner may use for gaps. */
  bandPad: number;
  /** Units aligned beyond a chain's first and last seeds (a passage's ends rarely fall on one). */
  edgePad: number;
  /** Local-alignment scores: an equal unmasked unit, an equal masked unit (positive, so a
   *  copied passage aligns through the formulations it quotes; minOwnShare keeps passages of
   *  formulations alone out), a different unit, a gap of g units: gapOpen + (g - 1) * gapExtend. */
  match: number;
  maskedMatch: number;
  mismatch: number;
  gapOpen: number;
  gapExtend: number;
  /** Occurrences of one fingerprint in one speech that seed pairs (repeated sentences of a text
   *  would otherwise multiply seeds). */
  maxRepeats: number;
}

export const DEFAULT_REUSE_OPTIONS: Readonly<ReuseOptions> = Object.freeze({
  minChars: 50,
  minOwnShare: 0.3,
  gram: 8,
  window: 8,
  stockShare: 0.2,
  stockMinSpeeches: 5,
  stockMaxSpeeches: 20,
  minSeeds: 2,
  maxSeedGap: 120,
  maxDiagonalDrift: 40,
  gappedTrigger: 24,
  xDrop: 20,
  bandPad: 16,
  edgePad: 40,
  match: 2,
  maskedMatch: 1,
  mismatch: -2,
  gapOpen: -5,
  gapExtend: -1,
  maxRepeats: 4,
});

export function reuseOptions(overrides: Partial<ReuseOptions> = {}): ReuseOptions {
  const o = { ...DEFAULT_REUSE_OPTIONS, ...overrides };
  if (o.window > o.gram) throw new RangeError("reuse: window must not exceed gram");
  if (o.gram < 2 || o.window < 1) throw new RangeError("reuse: gram >= 2 and window >= 1");
  if (o.minOwnShare < 0 || o.minOwnShare > 1) throw new RangeError("reuse: minOwnShare in [0, 1]");
  if (
    o.match <= 0 ||
    o.maskedMatch > o.match ||
    o.mismatch >= 0 ||
    o.gapOpen > o.gapExtend ||
    o.gapExtend >= 0
  )
    throw new RangeError(
      "reuse: match > 0, maskedMatch <= match, mismatch < 0, gapOpen <= gapExtend < 0",
    );
  return o;
}

/** Speeches a fingerprint must be in to be a stock phrase, for a corpus of `speeches`. */
export function stockThreshold(o: ReuseOptions, speeches: number): number {
  return Math.min(
    o.stockMaxSpeeches,
    Math.max(o.stockMinSpeeches, Math.ceil(o.stockShare * speeches)),
  );
}
