// The speeches index page (src/speech-index.md): search and sort the list of all speeches.
// Pure functions over speech_index rows, so the page and the tests agree on what a query finds.
import { GENRE, LEVEL, label } from "./labels.js";

/** Sort keys of the index, in the order the page offers them. */
export const SORT_KEYS = ["year", "level", "genre", "title", "han_chars"];

const LEVEL_ORDER = Object.keys(LEVEL);
const GENRE_ORDER = Object.keys(GENRE);
const rank = (order, v) => {
  const i = order.indexOf(v);
  return i < 0 ? order.length : i;
};
const titleOf = (d) => d.title || d.source_file || d.speech_id;
const byText = (a, b) => String(a).localeCompare(String(b), "zh-CN");
// Unknown years last in either direction: a missing year is not "earliest".
const byYear = (a, b) => (a.year == null) - (b.year == null) || (a.year ?? 0) - (b.year ?? 0);

/**
 * Speeches whose title, source file, id, year, level or genre (raw value or bilingual label)
 * contains every whitespace-separated word of `query` (case-insensitive).
 */
export function searchSpeeches(rows, query) {
  const words = String(query ?? "")
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean);
  if (!words.length) return rows;
  return rows.filter((d) => {
    const hay = [
      titleOf(d),
      d.source_file,
      d.speech_id,
      d.year,
      d.level,
      label(LEVEL, d.level),
      d.genre,
      label(GENRE, d.genre),
    ]
      .filter((v) => v != null)
      .join("\n")
      .toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/**
 * A sorted copy: by `key` (level and genre in their vocabulary order: central before province …),
 * then year, then title; `descending` reverses the key only.
 */
export function sortSpeeches(rows, key = "year", descending = false) {
  const dir = descending ? -1 : 1;
  const primary = {
    year: (a, b) => {
      if ((a.year == null) !== (b.year == null)) return a.year == null ? 1 : -1;
      return dir * ((a.year ?? 0) - (b.year ?? 0));
    },
    level: (a, b) => dir * (rank(LEVEL_ORDER, a.level) - rank(LEVEL_ORDER, b.level)),
    genre: (a, b) => dir * (rank(GENRE_ORDER, a.genre) - rank(GENRE_ORDER, b.genre)),
    title: (a, b) => dir * byText(titleOf(a), titleOf(b)),
    han_chars: (a, b) => dir * ((a.han_chars ?? 0) - (b.han_chars ?? 0)),
  }[key];
  if (!primary) throw new Error(`unknown sort key ${key}; valid: ${SORT_KEYS.join(", ")}`);
  return rows
    .slice()
    .sort((a, b) => primary(a, b) || byYear(a, b) || byText(titleOf(a), titleOf(b)));
}
