// Text normalization applied to every decoded file before cleaning. Pure.
//
// Contract: the output has LF line endings, no BOM or zero-width characters, no empty lines
// (a paragraph is a line), no leading/trailing whitespace on any line, single spaces inside lines,
// and no trailing newline, HTML character references decoded (entities.ts) and a line break after
// each block-level HTML end tag. Chinese punctuation is kept exactly as written: full/half-width
// conversion would change the text analysts quote back to the source.
import { decodeEntities } from "./entities.ts";

// U+200B-U+200D and U+2060 are invisible joiners scrapers leave behind; U+FEFF is a BOM that
// also shows up mid-text when files are concatenated.
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
// Line breaks of every provenance: CRLF, CR (old Mac), Unicode line/paragraph separators,
// form feed and vertical tab (page breaks in exported documents).
const LINE_BREAK = /\r\n?|[\u2028\u2029\f\v]/g;
// Non-breaking and typographic spaces become plain spaces. U+3000 (ideographic space) is not
// here: inside a line it can be deliberate (e.g. between a title and a name), so it is only
// trimmed at line ends below.
const ODD_SPACE = /[\t\u00A0\u2000-\u200A\u202F\u205F]/g;
const SPACE_RUN = / {2,}/g;
// Paragraph indents in Chinese documents are usually two U+3000 characters: stray whitespace.
const EDGE_SPACE = /^[ \u3000]+|[ \u3000]+$/g;
// A scraped page's paragraphs can all sit on one source line (<p>…</p><p>…</p>): a line break
// after each block-level end tag or <br> keeps one paragraph per line, as the page showed them.
// The tags themselves stay for cleaning to remove and log (rule html_tag).
const BLOCK_END = /(<\/(?:p|div|h[1-6]|li|tr|section|article|blockquote)\s*>|<br\s*\/?>)(?!\n)/gi;

export function normalizeText(raw: string): string {
  // Decoded first, so that &#8203; becomes an invisible joiner, removed below.
  return decodeEntities(raw)
    .replace(BLOCK_END, "$1\n")
    .replace(ZERO_WIDTH, "")
    .replace(LINE_BREAK, "\n")
    .replace(ODD_SPACE, " ")
    .split("\n")
    .map((line) => line.replace(EDGE_SPACE, "").replace(SPACE_RUN, " "))
    .filter((line) => line.length > 0)
    .join("\n");
}
