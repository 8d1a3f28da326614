// Everything the per-speech stages read besides the speech itself: the versioned lexicon files,
// loaded and validated once per run (a malformed file fails here, naming file and line), and the
// tokenizer, whose dictionary nodejieba can load only once per process.
import { loadCleaningRules, type CleaningRules } from "../clean/rules.ts";
import { loadAnchorSet, type Anchor } from "../describe/anchors.ts";
import { loadCodebook, type Codebook } from "../language/codebook.ts";
import { loadLexicon, type Lexicon } from "../language/lexicon.ts";
import { createTokenizer, type Tokenizer } from "../language/tokenize.ts";
import { themeScanner, type ThemeHit } from "../language/themes.ts";
import { PIPELINE_VERSION } from "../version.ts";

export interface PipelineContext {
  cleaningRules: CleaningRules;
  anchors: Anchor[];
  lexicon: Lexicon;
  codebook: Codebook;
  tokenizer: Tokenizer;
  scanThemes: (text: string, offset?: number) => ThemeHit[];
  /** Versions of the pipeline and each lexicon file: recorded in the outputs, and part of cache keys. */
  versions: Record<string, string>;
}

/** The lexicon files without the tokenizer (whose dictionary costs ~110 MB per process): what the
 *  main process needs while worker processes do the per-speech work. */
export type LexiconContext = Omit<PipelineContext, "tokenizer" | "scanThemes">;

let cached: PipelineContext | undefined;
let cachedLexicons: LexiconContext | undefined;

export function loadContext(): PipelineContext {
  if (cached) return cached;
  const light = loadLexiconContext();
  // Theme terms join the user dictionary so jieba keeps them whole, as it does formulations.
  const tokenizer = createTokenizer({
    lexicon: light.lexicon,
    extraTerms: light.codebook.themes.flatMap((t) => t.terms),
  });
  cached = { ...light, tokenizer, scanThemes: themeScanner(light.codebook) };
  return cached;
}

export function loadLexiconContext(): LexiconContext {
  if (cachedLexicons) return cachedLexicons;
  const cleaningRules = loadCleaningRules();
  const anchorSet = loadAnchorSet();
  const lexicon = loadLexicon();
  const codebook = loadCodebook();
  cachedLexicons = {
    cleaningRules,
    anchors: anchorSet.anchors,
    lexicon,
    codebook,
    versions: {
      pipeline: PIPELINE_VERSION,
      cleaning_rules: String(cleaningRules.version),
      anchors: String(anchorSet.version),
      formulations: String(lexicon.version),
      codebook: String(codebook.version),
    },
  };
  return cachedLexicons;
}
