// Finds dated anchors in a text. Matching runs on a folded view of the text (quotes, brackets and
// spaces removed, full-width digits made ASCII) so that “十三五”规划的收官之年 and 十三五规划的收官之年
// are one phrase; hits are mapped back to offsets in the original text.
import type { Anchor } from "./anchors.ts";

export interface AnchorHit {
  anchor: Anchor;
  /** Offsets in the original text. */
  start: number;
  end: number;
}

const DROPPED = /[“”‘’"'「」『』《》〈〉\s]/;

interface Folded {
  text: string;
  /** Original offset of each folded code unit. */
  origin: number[];
}

export function foldForAnchors(text: string): Folded {
  let out = "";
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? "";
    if (DROPPED.test(ch)) continue;
    const code = ch.charCodeAt(0);
    out += code >= 0xff10 && code <= 0xff19 ? String.fromCharCode(code - 0xff10 + 48) : ch;
    origin.push(i);
  }
  return { text: out, origin };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Compiled once per anchor list: one regex per anchor, phrases folded like the text. */
export function compileAnchors(anchors: readonly Anchor[]): { anchor: Anchor; re: RegExp }[] {
  return anchors.map((anchor) => {
    const forms = anchor.phrases.map((p) => escapeRegExp(foldForAnchors(p).text));
    if (anchor.pattern) forms.push(`(?:${anchor.pattern})`);
    // Longest literal first so the reported span covers the fullest form.
    forms.sort((a, b) => b.length - a.length);
    return { anchor, re: new RegExp(forms.join("|"), "gu") };
  });
}

export function findAnchorHits(
  text: string,
  compiled: readonly { anchor: Anchor; re: RegExp }[],
): AnchorHit[] {
  const folded = foldForAnchors(text);
  const hits: AnchorHit[] = [];
  for (const { anchor, re } of compiled) {
    re.lastIndex = 0;
    for (const m of folded.text.matchAll(re)) {
      if (m[0].length === 0) continue;
      const start = folded.origin[m.index] ?? 0;
      const end = (folded.origin[m.index + m[0].length - 1] ?? start) + 1;
      hits.push({ anchor, start, end });
    }
  }
  return hits.sort((a, b) => a.start - b.start || a.anchor.id.localeCompare(b.anchor.id));
}
