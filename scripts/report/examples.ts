// Example sentences for a briefing: up to three keyword-in-context lines per selected formulation
// (the pipeline's matches) and per selected theme (the first occurrence of one of the theme's
// terms), each with its speech and year, from different speeches, the most recent first.
import type { FormulationLike, SpeechLike, ThemeLike } from "../../src/charts/params.js";

export interface SentenceRow {
  speech_id: string;
  sentence_id: string | number;
  start: number;
  end: number;
  text: string;
}

export interface HitRow {
  speech_id: string;
  sentence_id: string | number;
  formulation_id: string;
  start: number;
  end: number;
}

export interface Example {
  speech_id: string;
  speech: string;
  year: number | null;
  left: string;
  match: string;
  right: string;
}

export interface ExampleGroup {
  kind: "formulation" | "theme";
  id: string;
  label: string;
  examples: Example[];
}

export const EXAMPLES_PER_ITEM = 3;
const CONTEXT = 30;

/** Left context · match · right context of text[start, end), about 30 characters each side. */
export function kwic(text: string, start: number, end: number, width = CONTEXT) {
  const left = text.slice(Math.max(0, start - width), start).replace(/\s+/g, " ");
  const right = text.slice(end, end + width).replace(/\s+/g, " ");
  return {
    left: (start > width ? "…" : "") + left,
    match: text.slice(start, end),
    right: right + (end + width < text.length ? "…" : ""),
  };
}

const sentenceKey = (speech: string, sentence: string | number) => `${speech}\u0000${sentence}`;

/** Selected speeches, most recent first (unknown years last), then in their given order. */
function recentFirst(selected: SpeechLike[]): SpeechLike[] {
  return selected
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (b.s.year ?? -Infinity) - (a.s.year ?? -Infinity) || a.i - b.i)
    .map((d) => d.s);
}

function label(s: SpeechLike): string {
  return String(s.title || s.source_file || s.speech_id);
}

/** Up to `k` examples of a formulation: its first match in each of the most recent speeches. */
export function formulationExamples(
  formulation: FormulationLike,
  hits: HitRow[],
  sentences: SentenceRow[],
  selected: SpeechLike[],
  k = EXAMPLES_PER_ITEM,
): Example[] {
  const bySentence = new Map(sentences.map((s) => [sentenceKey(s.speech_id, s.sentence_id), s]));
  const firstHit = new Map<string, HitRow>();
  for (const h of hits) {
    if (h.formulation_id !== formulation.formulation_id) continue;
    const prev = firstHit.get(h.speech_id);
    if (!prev || h.start < prev.start) firstHit.set(h.speech_id, h);
  }
  const out: Example[] = [];
  for (const s of recentFirst(selected)) {
    if (out.length >= k) break;
    const h = firstHit.get(s.speech_id);
    const sentence = h && bySentence.get(sentenceKey(h.speech_id, h.sentence_id));
    if (!h || !sentence) continue;
    const line = kwic(sentence.text, h.start - sentence.start, h.end - sentence.start);
    out.push({ speech_id: s.speech_id, speech: label(s), year: s.year ?? null, ...line });
  }
  return out;
}

/** A theme's literal terms (its JSON `terms`, leaving out patterns, which hold regex syntax). */
export function themeTerms(theme: ThemeLike): string[] {
  let list: unknown;
  try {
    list = JSON.parse(String(theme.terms ?? "[]"));
  } catch {
    return [];
  }
  return (Array.isArray(list) ? list : [])
    .filter((t): t is string => typeof t === "string" && t.length > 0)
    .filter((t) => !/[\\^$.*+?()[\]{}|]/.test(t))
    .sort((a, b) => b.length - a.length);
}

/**
 * Up to `k` examples of a theme: in each of the most recent speeches, the first sentence holding
 * one of its terms (the longest term at the earliest position, as the matcher prefers).
 */
export function themeExamples(
  theme: ThemeLike,
  sentences: SentenceRow[],
  selected: SpeechLike[],
  k = EXAMPLES_PER_ITEM,
): Example[] {
  const terms = themeTerms(theme);
  if (!terms.length) return [];
  const bySpeech = new Map<string, SentenceRow[]>();
  for (const s of sentences) {
    const list = bySpeech.get(s.speech_id);
    if (list) list.push(s);
    else bySpeech.set(s.speech_id, [s]);
  }
  const out: Example[] = [];
  for (const s of recentFirst(selected)) {
    if (out.length >= k) break;
    const list = (bySpeech.get(s.speech_id) ?? []).slice().sort((a, b) => a.start - b.start);
    for (const sentence of list) {
      let best: { at: number; term: string } | null = null;
      for (const term of terms) {
        const at = sentence.text.indexOf(term);
        if (at >= 0 && (!best || at < best.at)) best = { at, term };
      }
      if (!best) continue;
      const line = kwic(sentence.text, best.at, best.at + best.term.length);
      out.push({ speech_id: s.speech_id, speech: label(s), year: s.year ?? null, ...line });
      break;
    }
  }
  return out;
}
