// HTML character references decoded to the characters they stand for. Scraped pages keep them
// (`&mdash;&mdash;我们要…`, `&ldquo;两个维护&rdquo;`); removing them, as cleaning once did, lost
// the dashes that open parallel points and the quotation marks around formulations. Pure.

// Space references (&nbsp; &ensp; &emsp; &#160; …) are not decoded: a scraper's &nbsp; between
// two Chinese characters is layout, not a space in the text, and cleaning removes it as a logged
// removal (rule html_entity) as before.
const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  ldquo: "“",
  rdquo: "”",
  lsquo: "‘",
  rsquo: "’",
  mdash: "—",
  ndash: "–",
  hellip: "…",
  middot: "·",
};

const REFERENCE = /&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/giu;

function codePoint(n: number): string {
  // Controls, surrogates and out-of-range numbers are not text: U+FFFD says something was there.
  if (!Number.isFinite(n) || n < 0x20 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff))
    return "\uFFFD";
  return String.fromCodePoint(n);
}

/** Decodes numeric references and the named ones scrapers leave; unknown names and spaces stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(REFERENCE, (whole, body: string) => {
    const b = body.toLowerCase();
    const decoded = b.startsWith("#x")
      ? codePoint(parseInt(b.slice(2), 16))
      : b.startsWith("#")
        ? codePoint(Number(b.slice(1)))
        : (NAMED[b] ?? whole);
    return /^\s$/u.test(decoded) ? whole : decoded;
  });
}
