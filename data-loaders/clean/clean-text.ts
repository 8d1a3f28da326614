// The clean stage for one speech: cut boilerplate out of the normalized text and log every cut.
//
// Contract (checked by test/clean/clean-text.test.ts, including a property test):
// - removals are sorted by start, disjoint, non-empty; offsets index the *normalized* text;
//   each removal's text is normalized.slice(start, end);
// - re-inserting the removed texts at their offsets reproduces the normalized text exactly, and
//   the cleaned text is the normalized text with the spans cut out;
// - the cleaned text has no empty line and no line with leading/trailing spaces;
// - deterministic: same text and rules, same output.
// Priority: rules apply in file order; a later rule only removes what earlier rules left, so a
// character is attributed to exactly one rule.
import type { Cleaned } from "../types.ts";
import { matchRule } from "./match-rules.ts";
import { findRepeatedBody } from "./repeated-body.ts";
import { loadCleaningRules, type CleaningRules } from "./rules.ts";
import { SpanSet, splitLines } from "./spans.ts";
import { tidySpans, type RuleSpan } from "./tidy.ts";

export function cleanText(normalized: string, rules: CleaningRules = loadCleaningRules()): Cleaned {
  const lines = splitLines(normalized);
  const claimed = new SpanSet();
  const spans: RuleSpan[] = [];

  for (const rule of rules.rules) {
    const candidates =
      rule.kind === "repeated_body"
        ? findRepeatedBody(normalized, lines, claimed, rule)
        : matchRule(rule, normalized, lines, claimed);
    for (const candidate of candidates) {
      for (const piece of claimed.uncovered(candidate.start, candidate.end)) {
        claimed.add(piece);
        spans.push({ rule_id: rule.id, ...piece });
      }
    }
  }

  tidySpans(normalized, lines, spans);
  spans.sort((a, b) => a.start - b.start);

  let text = "";
  let cursor = 0;
  for (const s of spans) {
    text += normalized.slice(cursor, s.start);
    cursor = s.end;
  }
  text += normalized.slice(cursor);

  return {
    text,
    removals: spans.map((s) => ({
      rule_id: s.rule_id,
      start: s.start,
      end: s.end,
      text: normalized.slice(s.start, s.end),
    })),
  };
}
