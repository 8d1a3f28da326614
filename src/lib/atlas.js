// Small shared helpers of the analysis pages: theme colours, the source line, reader links.
import * as d3 from "npm:d3";

/** theme_id → colour, stable in codebook order (the themes table's row order). */
export function themeColors(themes) {
  const palette = [...d3.schemeTableau10, ...d3.schemeSet3];
  return new Map(themes.map((t, i) => [t.theme_id, palette[i % palette.length]]));
}

/** Bilingual theme label "政治建设 Political building". */
export const themeLabel = (t) => (t ? `${t.zh} ${t.en}` : "—");

/** Source line of every chart: corpus · N speeches · pipeline and codebook versions. */
export function sourceLine(manifest, speeches) {
  const corpus = manifest?.corpus?.name ?? "?";
  const pipeline = manifest?.pipeline?.version ?? "?";
  const codebook = manifest?.lexicons?.codebook;
  const lexicon = manifest?.lexicons?.formulations;
  return [
    `语料 corpus: ${corpus}`,
    `${speeches} 篇讲话 speeches`,
    `speech-atlas ${pipeline}`,
    codebook ? `编码表 codebook ${codebook}` : null,
    lexicon ? `提法词表 lexicon ${lexicon}` : null
  ].filter(Boolean).join(" · ");
}

/**
 * Link to the reader page of a speech, relative to a page at the site root (`prefix` "" ) or in a
 * folder one level down (`prefix` "../"). `sentence` / `section` pick the anchor, `hl` a
 * [start, end) range of the cleaned text to highlight.
 */
export function readerHref(speechId, {sentence, section, hl, prefix = ""} = {}) {
  const query = hl ? `?hl=${hl[0]}-${hl[1]}` : "";
  const hash = sentence != null ? `#s-${sentence}` : section != null ? `#sec-${section}` : "";
  return `${prefix}speeches/${encodeURIComponent(speechId)}.html${query}${hash}`;
}

/** "name" of each speech for chart axes, unique even when titles repeat. */
export function nameSpeeches(speeches, speechName, max = 22) {
  const seen = new Map();
  for (const d of speeches) {
    const name = `${d.year ?? "?"} · ${speechName(d, max)}`;
    seen.set(name, (seen.get(name) ?? 0) + 1);
    d.name = seen.get(name) > 1 ? `${name} (${d.speech_id.slice(-4)})` : name;
  }
  return speeches;
}
