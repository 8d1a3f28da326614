// The matches behind the theme scores of every group the dashboard shows (year × level × genre,
// as theme_groups.json): for each group and theme, the codebook terms matched and how often,
// summed over the group's speeches. Computed with the pipeline's own scanner and the run's
// codebook (src/lib/themeEvidence.ts), so a group's terms add up to its Σhits. Read by the
// theme evidence page (src/theme-evidence.md), where any theme score can be audited.
import { readOutColumns } from "../lib/columns.ts";
import { readOutTable } from "../lib/outTables.ts";
import { codebookOfThemes, textOfSentences, themeEvidence } from "../lib/themeEvidence.ts";

const codebook = codebookOfThemes(readOutTable("themes"));
const speeches = readOutColumns("speeches", ["speech_id", "year", "level", "genre"]);
const sections = readOutColumns("sections", ["speech_id", "section_id", "is_leaf", "start", "end"]);
const sentences = readOutColumns("sentences", ["speech_id", "start", "text"]);

/** Rows of each speech, by index into the column arrays. */
function indexBySpeech(ids: unknown[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  ids.forEach((id, i) => {
    const key = String(id);
    let list = out.get(key);
    if (!list) out.set(key, (list = []));
    list.push(i);
  });
  return out;
}
const sectionRows = indexBySpeech(sections.speech_id!);
const sentenceRows = indexBySpeech(sentences.speech_id!);

// group key [year, level, genre] → theme → term → hits
const groups = new Map<
  string,
  {
    year: unknown;
    level: unknown;
    genre: unknown;
    speeches: number;
    themes: Map<string, Map<string, number>>;
  }
>();
speeches.speech_id!.forEach((idValue, i) => {
  const id = String(idValue);
  const leaves = (sectionRows.get(id) ?? [])
    .filter((k) => sections.is_leaf![k])
    .map((k) => ({
      section_id: String(sections.section_id![k]),
      start: Number(sections.start![k]),
      end: Number(sections.end![k]),
    }))
    .sort((a, b) => a.start - b.start);
  const text = textOfSentences(
    (sentenceRows.get(id) ?? []).map((k) => ({
      start: sentences.start![k],
      text: sentences.text![k],
    })),
  );
  const [year, level, genre] = [
    speeches.year![i] ?? null,
    speeches.level![i] ?? null,
    speeches.genre![i] ?? null,
  ];
  const key = JSON.stringify([year, level, genre]);
  let g = groups.get(key);
  if (!g) groups.set(key, (g = { year, level, genre, speeches: 0, themes: new Map() }));
  g.speeches++;
  for (const [theme, term, hits] of themeEvidence(text, leaves, codebook)._all ?? []) {
    let terms = g.themes.get(theme);
    if (!terms) g.themes.set(theme, (terms = new Map()));
    terms.set(term, (terms.get(term) ?? 0) + hits);
  }
});

process.stdout.write(
  JSON.stringify({
    codebook_version: codebook.version,
    groups: [...groups.values()].map((g) => ({
      year: g.year,
      level: g.level,
      genre: g.genre,
      speeches: g.speeches,
      themes: Object.fromEntries(
        [...g.themes].map(([theme, terms]) => [theme, [...terms].sort((a, b) => b[1] - a[1])]),
      ),
    })),
  }),
);
