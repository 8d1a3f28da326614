// Small shared helpers of the analysis pages: theme colours, the source line, reader links.
import { sourceLine as embedSourceLine } from "../charts/params.js";

/** theme_id → colour, stable in codebook order: the one definition in src/charts/colors.js. */
export { themeColors } from "../charts/colors.js";

/** Bilingual theme label "政治建设 Political building". */
export const themeLabel = (t) => (t ? `${t.zh} ${t.en}` : "—");

/**
 * Source line of every chart: the embed pages' format (corpus · N speeches · data version · data
 * date), so a chart says the same thing on a page, in an embed and in a report.
 */
export function sourceLine(manifest, speeches) {
  return embedSourceLine({ manifest, selected: speeches });
}

/**
 * Link to the reader page of a speech, relative to a page at the site root (`prefix` "" ) or in a
 * folder one level down (`prefix` "../"). `sentence` / `section` pick the anchor, `hl` a
 * [start, end) range of the cleaned text to highlight.
 */
export function readerHref(speechId, { sentence, section, hl, prefix = "" } = {}) {
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
