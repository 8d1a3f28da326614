// The columns a metadata CSV may have and how their values are read. Pure: each reader returns
// the value or the reason it is not valid, which the parser reports with the line number.
import type { Genre, Level } from "../types.ts";

/** The fields the pipeline knows; any other column is kept as it is ("extra"). */
export type KnownField =
  "path" | "title" | "speaker" | "date" | "year" | "level" | "genre" | "place";

/** Header names (lower-cased, trimmed) accepted for each known field, English and Chinese. */
const HEADER_ALIASES: Record<KnownField, readonly string[]> = {
  path: ["path", "file", "source_file", "filename", "文件", "文件名", "路径"],
  title: ["title", "标题", "题目"],
  speaker: ["speaker", "speaker_role", "讲话人", "发言人", "讲话者"],
  date: ["date", "日期", "时间"],
  year: ["year", "年份", "年"],
  level: ["level", "层级", "级别"],
  genre: ["genre", "体裁", "类型", "文体"],
  place: ["place", "location", "地点", "地区"],
};

export function knownField(header: string): KnownField | null {
  const h = header.trim().toLowerCase();
  for (const [field, names] of Object.entries(HEADER_ALIASES))
    if (names.includes(h)) return field as KnownField;
  return null;
}

export const LEVELS: readonly Level[] = [
  "central",
  "province",
  "city",
  "prefecture",
  "county",
  "district",
];

/** Chinese names of the levels, as a spreadsheet would have them. */
const LEVEL_ZH: Record<string, Level> = {
  中央: "central",
  全国: "central",
  省: "province",
  省级: "province",
  市: "city",
  市级: "city",
  地级: "prefecture",
  地区: "prefecture",
  州: "prefecture",
  县: "county",
  县级: "county",
  区: "district",
  区级: "district",
};

export const GENRES: readonly Genre[] = [
  "conference_speech",
  "study_session_remarks",
  "report",
  "other",
];

const GENRE_ZH: Record<string, Genre> = {
  讲话: "conference_speech",
  会议讲话: "conference_speech",
  发言: "study_session_remarks",
  研讨发言: "study_session_remarks",
  报告: "report",
  工作报告: "report",
  其他: "other",
};

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = (reason: string): Read<never> => ({ ok: false, reason });

export function readLevel(raw: string): Read<Level> {
  const v = raw.trim();
  const level = (LEVELS as readonly string[]).includes(v.toLowerCase())
    ? (v.toLowerCase() as Level)
    : LEVEL_ZH[v];
  return level
    ? ok(level)
    : bad(`unknown level "${v}" (one of ${LEVELS.join(", ")}, or 中央/省/市/地级/县/区)`);
}

export function readGenre(raw: string): Read<Genre> {
  const v = raw.trim();
  const genre = (GENRES as readonly string[]).includes(v.toLowerCase())
    ? (v.toLowerCase() as Genre)
    : GENRE_ZH[v];
  return genre
    ? ok(genre)
    : bad(`unknown genre "${v}" (one of ${GENRES.join(", ")}, or 讲话/发言/报告/其他)`);
}

/** Years a speech in this project can have: the People's Republic's documents and their
 *  precursors, to the near future. Anything outside is a typo (19 instead of 2019, 20199). */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2100;

export function readYear(raw: string): Read<number> {
  const v = raw.trim().replace(/年$/, "");
  if (!/^\d{4}$/.test(v)) return bad(`bad year "${raw.trim()}" (four digits, e.g. 2019)`);
  const year = Number(v);
  if (year < YEAR_MIN || year > YEAR_MAX)
    return bad(`bad year "${raw.trim()}" (between ${YEAR_MIN} and ${YEAR_MAX})`);
  return ok(year);
}

/**
 * A date as ISO text (YYYY, YYYY-MM or YYYY-MM-DD) and its year. Accepts 2019-03-05, 2019/3/5,
 * 2019.3.5, 2019年3月5日 and their shorter forms; refuses impossible months and days.
 */
export function readDate(raw: string): Read<{ iso: string; year: number }> {
  const v = raw.trim();
  const m = /^(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?)?$/.exec(v);
  if (!m) return bad(`bad date "${v}" (e.g. 2019-03-05, 2019年3月5日)`);
  const year = readYear(m[1]!);
  if (!year.ok) return bad(`bad date "${v}": ${year.reason}`);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (month !== null && (month < 1 || month > 12)) return bad(`bad date "${v}" (month ${month})`);
  if (day !== null) {
    const days = new Date(Date.UTC(year.value, month!, 0)).getUTCDate();
    if (day < 1 || day > days) return bad(`bad date "${v}" (day ${day})`);
  }
  const pad = (n: number) => String(n).padStart(2, "0");
  const iso = [String(year.value), ...(month ? [pad(month)] : []), ...(day ? [pad(day)] : [])].join(
    "-",
  );
  return ok({ iso, year: year.value });
}

/** A path as the listing writes it: forward slashes, no leading "./", Unicode NFC. */
export function normalizePath(raw: string): string {
  return raw
    .trim()
    .replace(/\\/g, "/")
    .replace(/^(\.\/)+/, "")
    .normalize("NFC");
}
