// The table-driven character scans of describe/ and segment/ against the regex and Set versions
// they replaced: counts, folds and spans must be identical on any string.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { charClass } from "../../data-loaders/describe/char-class.ts";
import { countHan } from "../../data-loaders/describe/text-stats.ts";
import { unbalancedPairs } from "../../data-loaders/describe/quality.ts";
import { foldForAnchors } from "../../data-loaders/describe/anchor-match.ts";
import { foldTraditional } from "../../data-loaders/describe/traditional.ts";
import { hanLength } from "../../data-loaders/segment/paragraphs.ts";
import { splitSentenceSpans } from "../../data-loaders/segment/sentences.ts";

const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ..."。！？；…!?;”’」』）)】》〉]“「『\n 　中国〇々⺀１９0a（《‘\t",
        "𠀀",
        "𪜀",
        "\uD800",
        "\uDC00",
      ),
      fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp)),
    ),
    { maxLength: 120 },
  )
  .map((a) => a.join(""));

test("countHan and hanLength count what their regexes match", () => {
  fc.assert(
    fc.property(text, (s) => {
      assert.equal(countHan(s), s.match(/[\p{Unified_Ideograph}〇]/gu)?.length ?? 0);
      assert.equal(hanLength(s), [...s].filter((ch) => /\p{Script=Han}/u.test(ch)).length);
      const digits = charClass(/[0-9]/u);
      assert.equal(
        digits.count(s, 1, Math.max(1, s.length - 1)),
        (s.slice(1, -1).match(/[0-9]/g) ?? []).length,
      );
    }),
    { numRuns: 3000 },
  );
});

test("unbalancedPairs and foldForAnchors equal the per-character versions", () => {
  const pairs = [
    ["“", "”"],
    ["‘", "’"],
    ["《", "》"],
    ["（", "）"],
  ] as const;
  const dropped = /[“”‘’"'「」『』《》〈〉\s]/;
  fc.assert(
    fc.property(text, (s) => {
      const count = (ch: string) => [...s].filter((c) => c === ch).length;
      assert.deepEqual(
        unbalancedPairs(s),
        pairs.filter(([o, c]) => count(o) !== count(c)).map(([o, c]) => o + c),
      );
      let folded = "";
      const origin: number[] = [];
      for (let i = 0; i < s.length; i++) {
        const ch = s[i]!;
        if (dropped.test(ch)) continue;
        const code = ch.charCodeAt(0);
        folded +=
          code >= 0xff10 && code <= 0xff19
            ? String.fromCharCode(code - 0xff10 + 48)
            : foldTraditional(ch);
        origin.push(i);
      }
      const f = foldForAnchors(s);
      assert.equal(f.text, folded);
      assert.deepEqual(Array.from(f.origin), origin);
    }),
    { numRuns: 3000 },
  );
});

/** The sentence splitter as first written, over one-character strings and Sets. */
function referenceSpans(text: string, start: number, end: number) {
  const TERMINALS = new Set(["。", "！", "？", "；", "…", "!", "?", ";"]);
  const CLOSERS = new Set(["”", "’", "」", "』", "）", ")", "】", "》", "〉", "]"]);
  const OPEN = new Set(["“", "「", "『"]);
  const CLOSE = new Set(["”", "」", "』"]);
  const spans: { start: number; end: number }[] = [];
  let from = start;
  let depth = 0;
  let i = start;
  const close = (at: number) => {
    if (at > from) spans.push({ start: from, end: at });
    from = at;
  };
  while (i < end) {
    const ch = text[i]!;
    if (ch === "\n") {
      depth = 0;
      close(++i);
      continue;
    }
    if (OPEN.has(ch)) {
      depth++;
      i++;
      continue;
    }
    if (CLOSE.has(ch)) {
      depth = Math.max(0, depth - 1);
      i++;
      continue;
    }
    if (!TERMINALS.has(ch)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < end && TERMINALS.has(text[j]!)) j++;
    if (depth > 0) {
      if (j < end && CLOSE.has(text[j]!) && depth === 1) {
        depth = 0;
        j++;
      } else {
        i = j;
        continue;
      }
    }
    while (j < end && CLOSERS.has(text[j]!)) {
      if (CLOSE.has(text[j]!)) depth = Math.max(0, depth - 1);
      j++;
    }
    if (j < end && text[j] === "\n") {
      depth = 0;
      j++;
    }
    i = j;
    close(i);
  }
  close(end);
  return spans;
}

test("splitSentenceSpans equals the Set-based splitter on any range", () => {
  fc.assert(
    fc.property(text, fc.nat(), fc.nat(), (s, a, b) => {
      const start = a % (s.length + 1);
      const end = start + (b % (s.length - start + 1));
      assert.deepEqual(splitSentenceSpans(s, start, end), referenceSpans(s, start, end));
    }),
    { numRuns: 3000 },
  );
});
