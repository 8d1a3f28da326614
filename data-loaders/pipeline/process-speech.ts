// One speech through every per-speech stage: describe → segment → tokens, formulations, themes.
// Pure given the context: the same cleaned text gives the same rows, which is what lets a
// worker thread or a content-hash cache stand in for it.
import type {
  Cleaned,
  DecodedFile,
  FormulationHitRow,
  RemovalRow,
  SectionRow,
  SentenceRow,
  SpeechRow,
  TermRow,
  ThemeScoreRow,
} from "../types.ts";
import { describeSpeech } from "../describe/describe-speech.ts";
import { segmentSpeech } from "../segment/index.ts";
import { sentenceWords, speechTerms, type SpeechTokens } from "../language/tokenize.ts";
import { findFormulationHits } from "../language/formulations.ts";
import { scoreThemes } from "../language/themes.ts";
import type { PipelineContext } from "./context.ts";

export interface SpeechInput {
  speechId: string;
  file: Pick<DecodedFile, "path" | "sha256">;
  cleaned: Cleaned;
}

export interface SpeechResult {
  speech: SpeechRow;
  sections: SectionRow[];
  sentences: SentenceRow[];
  removals: RemovalRow[];
  terms: TermRow[];
  hits: FormulationHitRow[];
  themeScores: ThemeScoreRow[];
  /** Kept tokens of the speech (speech-local ids), for term_stats and collocations. */
  tokens: SpeechTokens;
  /** The same tokens as words, sentence by sentence (computed when read). */
  readonly sentenceTokens: string[][];
}

export function processSpeech(input: SpeechInput, ctx: PipelineContext): SpeechResult {
  const { speechId, file, cleaned } = input;
  const text = cleaned.text;
  const described = describeSpeech(text, { anchors: ctx.anchors });
  const segmented = segmentSpeech(text);
  const sections: SectionRow[] = segmented.sections.map((s) => ({ speech_id: speechId, ...s }));
  const sentences: SentenceRow[] = segmented.sentences.map((s) => ({ speech_id: speechId, ...s }));
  const { terms, tokens } = speechTerms(speechId, sentences, ctx.tokenizer);
  const hits = findFormulationHits(speechId, text, sentences, ctx.lexicon);
  const leaves = sections.filter((s) => s.is_leaf);
  const themeScores = scoreThemes(speechId, text, leaves, ctx.codebook, ctx.scanThemes);
  const removals: RemovalRow[] = cleaned.removals.map((r) => ({
    speech_id: speechId,
    source_file: file.path,
    ...r,
  }));

  const flags = new Set(described.quality_flags ? described.quality_flags.split(",") : []);
  if (removals.some((r) => r.rule_id === "repeated_body")) flags.add("repeated_body");
  if (removals.some((r) => r.rule_id !== "repeated_body")) flags.add("removed_boilerplate");
  for (const flag of segmented.flags) flags.add(flag);

  const speech: SpeechRow = {
    speech_id: speechId,
    source_file: file.path,
    source_sha256: file.sha256,
    ...described,
    quality_flags: [...flags].sort().join(","),
    sections: sections.length,
    sentences: sentences.length,
    metadata: null, // the user's metadata CSV is applied on the main thread (metadata/)
  };
  return {
    speech,
    sections,
    sentences,
    removals,
    terms,
    hits,
    themeScores,
    tokens,
    get sentenceTokens() {
      return sentenceWords(tokens);
    },
  };
}
