// Counting the code points of a character class without a regex step (or a string) per
// character: a class is tabulated once over the BMP from its own regex, so the count is exactly
// what the regex gives; astral code points, rare in these texts, are still asked of the regex.

export interface CharClass {
  /** Code points of s in the class (a surrogate pair is one code point, a lone surrogate one). */
  count(s: string, start?: number, end?: number): number;
}

/** `re`: a regex matching one code point of the class, e.g. /\p{Script=Han}/u. */
export function charClass(re: RegExp): CharClass {
  const one = new RegExp(`^(?:${re.source})$`, re.flags.replace(/[gy]/g, ""));
  let bmp: Uint8Array | undefined;
  const table = () => {
    if (bmp) return bmp;
    bmp = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) if (one.test(String.fromCharCode(c))) bmp[c] = 1;
    return bmp;
  };
  return {
    count(s, start = 0, end = s.length) {
      const t = table();
      let n = 0;
      for (let i = start; i < end; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
          const d = s.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            if (one.test(String.fromCharCode(c, d))) n++;
            i++;
            continue;
          }
        }
        n += t[c]!;
      }
      return n;
    },
  };
}
