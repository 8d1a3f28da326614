// Everything the reader page of one speech needs, as one small JSON file: the speech's row, its
// outline, sentences, formulation hits, per-section theme scores and removed boilerplate, plus
// the codebook and lexicon labels. Framework passes the route parameter as --speech=<id>.
import { readOutTable, type Row } from "../../lib/outTables.ts";
import { readSpeechIds } from "../../lib/speechIds.ts";

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

process.stdout.write(
  JSON.stringify({
    speech: of("speeches")[0],
    sections: of("sections").sort(bySeq),
    sentences: of("sentences").sort((a, b) => Number(a.sentence_id) - Number(b.sentence_id)),
    hits: of("formulation_hits").sort(byStart),
    theme_scores: of("theme_scores"),
    removals: of("removals").sort(byStart),
    themes: readOutTable("themes").map(({ theme_id, zh, en }) => ({ theme_id, zh, en })),
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
