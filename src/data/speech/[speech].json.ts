// Everything the reader page of one speech needs, as one small JSON file: the speech's row, its
// outline, sentences, formulation hits, per-section theme scores, removed boilerplate and the
// passages it shares with other speeches (with each other speech's title and year), plus the
// codebook and lexicon labels. Framework passes the route parameter as --speech=<id>.
import { readOutTable, type Row } from "../../lib/outTables.ts";
import { readSpeechIds } from "../../lib/speechIds.ts";
import { codebookOfThemes, textOfSentences, themeEvidence } from "../../lib/themeEvidence.ts";

const id = process.argv
  .slice(2)
  .find((a) => a.startsWith("--speech="))
  ?.slice("--speech=".length);
// A whitelist, not a path: the parameter comes from URLs.
if (!id || !readSpeechIds().includes(id)) throw new Error(`unknown speech ${JSON.stringify(id)}`);

const of = (name: string): Row[] => readOutTable(name).filter((r) => r.speech_id === id);
const bySeq = (a: Row, b: Row) => Number(a.seq) - Number(b.seq);
const byStart = (a: Row, b: Row) =>
  Number(a.start) - Number(b.start) || Number(a.end) - Number(b.end);

const speeches = readOutTable("speeches");
const speechOf = new Map(speeches.map((s) => [s.speech_id, s]));
const sections = of("sections").sort(bySeq);
const sentences = of("sentences").sort((a, b) => Number(a.sentence_id) - Number(b.sentence_id));
const themes = readOutTable("themes");
// The matches behind every theme score of the reader (audit): codebook term → hits, per section.
const leaves = sections
  .filter((s) => s.is_leaf)
  .map((s) => ({ section_id: String(s.section_id), start: Number(s.start), end: Number(s.end) }))
  .sort((a, b) => a.start - b.start);
const themeMatches = themeEvidence(textOfSentences(sentences), leaves, codebookOfThemes(themes));

process.stdout.write(
  JSON.stringify({
    speech: speechOf.get(id),
    sections,
    sentences,
    theme_evidence: themeMatches,
    hits: of("formulation_hits").sort(byStart),
    theme_scores: of("theme_scores"),
    removals: of("removals").sort(byStart),
    // reuse_passages of this speech, in text order, each with what the reader shows of the other.
    reuse: of("reuse_passages")
      .sort(
        (a, b) =>
          byStart(a, b) ||
          (String(a.other_speech_id) < String(b.other_speech_id) ? -1 : 0) ||
          (String(a.other_speech_id) > String(b.other_speech_id) ? 1 : 0) ||
          Number(a.other_start) - Number(b.other_start),
      )
      .map((p) => {
        const other = speechOf.get(p.other_speech_id);
        return {
          ...p,
          other_title: other?.title ?? null,
          other_source_file: other?.source_file ?? null,
          other_year: other?.year ?? null,
        };
      }),
    // The codebook entry of each theme, shown beside its evidence.
    themes: themes.map(({ theme_id, zh, en, description, terms, codebook_version }) => ({
      theme_id,
      zh,
      en,
      description,
      terms,
      codebook_version,
    })),
    formulations: readOutTable("formulations").map(
      ({ formulation_id, canonical, gloss_en, theme }) => ({
        formulation_id,
        canonical,
        gloss_en,
        theme,
      }),
    ),
  }),
);
