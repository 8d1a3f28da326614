// Which units of a text do not count as reuse by themselves: occurrences of the lexicon's
// formulations (every surface form), found on units so punctuation inside a variant
// (政治意识、大局意识…) does not matter. Stock phrases are masked later, from the corpus's
// fingerprint frequencies (fingerprints.ts, detect.ts).
import type { Lexicon } from "../language/lexicon.ts";
import { surfaceForms } from "../language/lexicon.ts";
import { phraseCodes } from "./units.ts";

/** Formulations as unit-code phrases, grouped by first unit for a quick scan. */
export interface PhraseMask {
  byFirst: Map<number, Int32Array[]>;
}

export function phraseMask(phrases: Iterable<string>): PhraseMask {
  const byFirst = new Map<number, Int32Array[]>();
  const seen = new Set<string>();
  for (const phrase of phrases) {
    const codes = phraseCodes(phrase);
    const key = codes.join(",");
    if (codes.length < 2 || seen.has(key)) continue;
    seen.add(key);
    const list = byFirst.get(codes[0]!) ?? [];
    list.push(codes);
    byFirst.set(codes[0]!, list);
  }
  return { byFirst };
}

/** Every surface form of every lexicon entry. */
export function lexiconPhrases(lexicon: Lexicon): string[] {
  return lexicon.entries.flatMap(surfaceForms);
}

/** 1 for each unit inside an occurrence of a phrase (occurrences may overlap; all are masked). */
export function maskPhrases(codes: Int32Array, mask: PhraseMask): Uint8Array {
  const masked = new Uint8Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const candidates = mask.byFirst.get(codes[i]!);
    if (!candidates) continue;
    for (const phrase of candidates) {
      if (i + phrase.length > codes.length) continue;
      let j = 1;
      while (j < phrase.length && codes[i + j] === phrase[j]) j++;
      if (j === phrase.length) masked.fill(1, i, i + phrase.length);
    }
  }
  return masked;
}
