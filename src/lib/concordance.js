// Concordance (keyword in context) lines for the Terms page: context cut at a fixed number of
// characters on each side of the keyword, the orders an analyst sorts a concordance by, and the
// CSV export. Plain JS, no imports: runs in the browser and in Node tests.

/**
 * Splits a sentence around the keyword at [start, end) (UTF-16 offsets into the sentence): the
 * `width` characters just before it (the left context always ends where the keyword begins) and
 * just after it, whitespace runs shown as one space. `cutLeft`/`cutRight`: the sentence goes on
 * beyond the context shown.
 */
export function concordanceLine(text, start, end, width) {
  const leftFrom = Math.max(0, start - width);
  const rightTo = Math.min(text.length, end + width);
  return {
    left: text.slice(leftFrom, start).replace(/\s+/g, " "),
    keyword: text.slice(start, end),
    right: text.slice(end, rightTo).replace(/\s+/g, " "),
    cutLeft: leftFrom > 0,
    cutRight: rightTo < text.length,
  };
}

/** Byte-order comparison (as SQL ORDER BY), nulls last. */
const cmp = (a, b) =>
  a == null ? (b == null ? 0 : 1) : b == null ? -1 : a < b ? -1 : a > b ? 1 : 0;

/** Compares two left contexts from the keyword outward: by their last character, then the one
 *  before, … (AntConc's "1L, 2L, …" sort): lines with the same word before the keyword group. */
export function compareLeft(a, b) {
  for (let i = a.length - 1, j = b.length - 1; i >= 0 || j >= 0; i--, j--) {
    if (i < 0) return -1;
    if (j < 0) return 1;
    const d = a.charCodeAt(i) - b.charCodeAt(j);
    if (d !== 0) return d;
  }
  return 0;
}

export const SORTS = {
  year: "年份 year",
  speech: "讲话 speech",
  left: "左文（自关键词向左）left context, from the keyword",
  right: "右文 right context",
};

/**
 * Lines ({year, name, speech_id, start, left, right}) in the chosen order; ties keep document
 * order (year, speech, position), so the same search always lists the same way.
 */
export function sortConcordance(lines, by = "year") {
  const documentOrder = (a, b) =>
    cmp(a.year, b.year) ||
    cmp(a.name, b.name) ||
    cmp(a.speech_id, b.speech_id) ||
    a.start - b.start;
  const first = {
    year: () => 0,
    speech: (a, b) => cmp(a.name, b.name) || cmp(a.speech_id, b.speech_id),
    left: (a, b) => compareLeft(a.left, b.left),
    right: (a, b) => cmp(a.right, b.right),
  }[by];
  if (!first) throw new Error(`unknown concordance order ${by}`);
  return [...lines].sort((a, b) => first(a, b) || documentOrder(a, b));
}

export const CSV_COLUMNS = [
  "speech_id",
  "year",
  "title",
  "source_file",
  "sentence_id",
  "start",
  "end",
  "left",
  "keyword",
  "right",
  "nested_in",
];

/**
 * The lines as CSV for a spreadsheet: UTF-8 with BOM (Excel then reads Chinese correctly), CRLF,
 * RFC 4180 quoting; `start`/`end` are the keyword's UTF-16 offsets in the speech's cleaned text
 * (the pipeline's convention); `nested_in` names the longer formulation whose match holds an
 * occurrence (formulation view), empty otherwise. Cells starting with = + - @ are prefixed with ' so a spreadsheet
 * does not run them as formulas.
 */
export function concordanceCsv(lines) {
  const cell = (v) => {
    if (v == null) return "";
    let s = String(v);
    if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const rows = lines.map((d) => CSV_COLUMNS.map((c) => cell(d[c])).join(","));
  return "\ufeff" + [CSV_COLUMNS.join(","), ...rows].join("\r\n") + "\r\n";
}
