// The reuse stage of a run: after the per-speech work and duplicate removal, over the kept
// speeches. Returns the reuse_passages rows and the speeches rows with their reuse columns and
// the reused_from_earlier quality flag. Pure: texts come through a callback, so the caller
// decides where they are read from (the run's cache entries).
import type { Lexicon } from "../language/lexicon.ts";
import { REUSED_EARLIER_FLAG, type ReusePassageRow } from "../tables/reuse.ts";
import type { SpeechRow } from "../types.ts";
import { detectReuse, type DetectOptions } from "./detect.ts";
import { lexiconPhrases } from "./mask.ts";
import { speechReuse, type SpeechReuse } from "./summary.ts";

/** Null when the run skipped reuse detection (--no-reuse): unknown, not zero. */
export interface ReuseColumns {
  reused_chars: number | null;
  reused_share: number | null;
  reuse_sources: number | null;
}

export interface ReuseStageResult<S> {
  passages: ReusePassageRow[];
  speeches: (S & ReuseColumns)[];
}

/** The stage skipped (--no-reuse): no passages, reuse columns null. */
export function withoutReuse<S>(speeches: readonly S[]): ReuseStageResult<S> {
  return {
    passages: [],
    speeches: speeches.map((s) => ({
      ...s,
      reused_chars: null,
      reused_share: null,
      reuse_sources: null,
    })),
  };
}

export function reuseStage<S extends Pick<SpeechRow, "speech_id" | "year" | "quality_flags">>(
  speeches: readonly S[],
  textOf: (speech: S) => string,
  lexicon: Lexicon,
  options: Omit<DetectOptions, "phrases"> = {},
): ReuseStageResult<S> {
  // Texts are read when needed (detection reads each once, and again for the speeches with
  // passages), not held: at 10,000 speeches they would be ~100 MB more during the stage.
  const passages = detectReuse(
    speeches.map((s) => ({
      id: s.speech_id,
      year: s.year,
      get text() {
        return textOf(s);
      },
    })),
    { ...options, phrases: lexiconPhrases(lexicon) },
  );
  const bySpeech = new Map<string, ReusePassageRow[]>();
  for (const p of passages) {
    const list = bySpeech.get(p.speech_id);
    if (list) list.push(p);
    else bySpeech.set(p.speech_id, [p]);
  }
  return {
    passages,
    speeches: speeches.map((s) => {
      const rows = bySpeech.get(s.speech_id);
      // Without passages the columns are zero: no need to read the text.
      const r = rows ? speechReuse(textOf(s), rows) : NO_REUSE;
      const flags = new Set(s.quality_flags ? s.quality_flags.split(",") : []);
      if (r.reused_from_earlier) flags.add(REUSED_EARLIER_FLAG);
      return {
        ...s,
        reused_chars: r.reused_chars,
        reused_share: r.reused_share,
        reuse_sources: r.reuse_sources,
        quality_flags: [...flags].sort().join(","),
      };
    }),
  };
}

const NO_REUSE: SpeechReuse = {
  reused_chars: 0,
  reused_share: 0,
  reuse_sources: 0,
  reused_from_earlier: false,
};
