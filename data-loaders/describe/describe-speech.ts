// The describe stage: metadata and year (with evidence) of one cleaned speech. Pure apart from
// reading the bundled anchors file once when no anchors are passed.
import type { SpeechRow } from "../types.ts";
import { defaultAnchorSet, type Anchor } from "./anchors.ts";
import { compileAnchors, findAnchorHits, pinToOwnYear } from "./anchor-match.ts";
import { detectClosing } from "./closing.ts";
import { readFrontMatter, type FrontMatter } from "./front-matter.ts";
import type { AnchorHit } from "./anchor-match.ts";
import { splitSentences, type Line } from "./lines.ts";
import {
  firstCongressFrom,
  openingOccasionYear,
  titleOccasionYear,
  unnumberedCongressReport,
} from "./occasion-year.ts";
import { intersectAnchors } from "./year-window.ts";
import { findCohortFreshmen } from "./cohort-year.ts";
import { isBodyParagraph } from "./header-lines.ts";
import { classifyGenre } from "./genre.ts";
import { classifyLevel } from "./level.ts";
import { splitLines } from "./lines.ts";
import { countPlaceholders } from "./placeholders.ts";
import { qualityFlags } from "./quality.ts";
import { roleInFrontMatter, roleInOpening } from "./speaker-role.ts";
import { findStatedYears } from "./stated-year.ts";
import { countHan } from "./text-stats.ts";
import { decideYear } from "./year.ts";

export type SpeechDescription = Pick<
  SpeechRow,
  | "title"
  | "salutation"
  | "closing"
  | "genre"
  | "level"
  | "speaker_role"
  | "year"
  | "year_basis"
  | "year_evidence"
  | "year_conflict"
  | "content_year"
  | "year_min"
  | "year_max"
  | "declared_chars"
  | "han_chars"
  | "chars"
  | "placeholders"
  | "quality_flags"
>;

export interface DescribeOptions {
  /** Dated anchors; defaults to lexicon/anchors.yaml. */
  anchors?: readonly Anchor[];
}

/** How many body paragraphs count as the opening for genre and role cues. */
const OPENING_PARAGRAPHS = 2;

const compiledCache = new WeakMap<readonly Anchor[], ReturnType<typeof compileAnchors>>();

function compiled(anchors: readonly Anchor[]) {
  let c = compiledCache.get(anchors);
  if (!c) {
    c = compileAnchors(anchors);
    compiledCache.set(anchors, c);
  }
  return c;
}

/** Body paragraphs whose sentences may name the meeting the text is delivered at. */
const OCCASION_PARAGRAPHS = 3;

/**
 * The national meeting a text names as its own occasion (title, subtitle, opening), as a dated
 * anchor of a single year, so that it joins the other anchors' window and is reported with them.
 */
function occasionHits(text: string, fm: FrontMatter, body: readonly Line[]): AnchorHit[] {
  const found: { year: number; cue: string; start: number }[] = [];
  const lines = [
    ...(fm.title ? [{ text: fm.title.title, start: fm.title.start }] : []),
    ...fm.header,
  ];
  for (const l of lines) {
    const o = titleOccasionYear(l.text);
    if (o) found.push({ year: o.year, cue: o.cue, start: l.start + l.text.indexOf(o.cue) });
  }
  if (found.length === 0) {
    for (const p of body.slice(0, OCCASION_PARAGRAPHS)) {
      for (const s of splitSentences(text, p.start, p.end)) {
        const o = openingOccasionYear(text.slice(s.start, s.end));
        if (o) found.push({ year: o.year, cue: o.cue, start: s.start + o.index });
      }
    }
  }
  return found.slice(0, 1).map((f) => ({
    anchor: {
      id: "occasion",
      phrases: [],
      pattern: null,
      year: f.year,
      not_before: f.year,
      not_after: f.year,
      cited_until: null,
      this_year: null,
      note: `held ${f.year}: ${f.cue}`,
    },
    start: Math.max(0, f.start),
    end: Math.max(0, f.start) + f.cue.length,
  }));
}

/**
 * A Central Committee report to a congress it does not number (我代表中央委员会作关于上届代表会议以来
 * 的工作报告) was given at the first congress held after the latest event it reports on.
 */
function unnumberedCongressHit(
  text: string,
  opening: readonly Line[],
  anchorHits: readonly AnchorHit[],
): AnchorHit[] {
  for (const p of opening) {
    for (const s of splitSentences(text, p.start, p.end)) {
      const r = unnumberedCongressReport(text.slice(s.start, s.end));
      if (!r) continue;
      const window = intersectAnchors(anchorHits.map((h) => h.anchor));
      if (window.year_min === null) return [];
      const year = firstCongressFrom(window.year_min);
      if (year === null || (window.year_max !== null && year > window.year_max)) return [];
      const start = s.start + r.index;
      return [
        {
          anchor: {
            id: "occasion",
            phrases: [],
            pattern: null,
            year,
            not_before: year,
            not_after: year,
            cited_until: null,
            this_year: null,
            note: `the first congress after ${window.year_min}: ${r.cue}`,
          },
          start,
          end: start + r.cue.length,
        },
      ];
    }
  }
  return [];
}

/** 在庆祝中国共产党成立100周年大会上的讲话: a title whose occasion is the celebration itself. */
const CELEBRATION_BEFORE = /(?:庆祝|纪念)[^，。；]{0,16}$/;

/**
 * An anniversary the title's occasion celebrates pins the speech to that year (only in the
 * title: a body sentence citing 在庆祝…100周年大会上的讲话 quotes an earlier speech).
 */
function pinTitleAnniversaries(text: string, fm: FrontMatter, hits: AnchorHit[]): AnchorHit[] {
  const t = fm.title;
  if (!t) return hits;
  return hits.map((h) =>
    h.anchor.this_year !== null &&
    h.start >= t.start &&
    h.end <= t.end &&
    CELEBRATION_BEFORE.test(text.slice(t.start, h.start))
      ? { ...h, anchor: pinToOwnYear(h.anchor) }
      : h,
  );
}

/** Freshmen of a named cohort: the text falls in that cohort's first academic year. */
function cohortHits(text: string): AnchorHit[] {
  const first = findCohortFreshmen(text)[0];
  if (!first) return [];
  return [
    {
      anchor: {
        id: "cohort_freshmen",
        phrases: [],
        pattern: null,
        year: null,
        not_before: first.year,
        not_after: first.year + 1,
        cited_until: null,
        this_year: null,
        note: `${first.year}级新生: the academic year ${first.year}–${first.year + 1}`,
      },
      start: first.start,
      end: first.end,
    },
  ];
}

export function describeSpeech(text: string, opts: DescribeOptions = {}): SpeechDescription {
  const anchors = opts.anchors ?? defaultAnchorSet().anchors;
  const lines = splitLines(text);
  const fm = readFrontMatter(lines);
  const frontLines = [
    ...fm.headline,
    ...(fm.title ? [{ text: fm.title.title, start: fm.title.start }] : []),
    // Editorial leads sit in the header but are running text: their 召开/举行 is not a headline's.
    ...fm.header.filter((l) => !isBodyParagraph(l.text)),
  ];
  const front = frontLines.map((l) => l.text).join("\n");
  const bodyLines = lines.slice(fm.bodyStart);
  const opening = bodyLines.slice(0, OPENING_PARAGRAPHS);
  const bodyStartOffset = bodyLines[0]?.start ?? text.length;
  const body = text.slice(bodyStartOffset);

  const closing = bodyLines.length > 0 ? detectClosing(text, lines[lines.length - 1]) : null;

  let speaker_role: string | null = null;
  for (const l of frontLines) {
    speaker_role ??= roleInFrontMatter(l.text, l.start)?.role ?? null;
  }
  for (const p of opening) speaker_role ??= roleInOpening(p.text, p.start)?.role ?? null;

  const genre = classifyGenre({
    front,
    salutation: fm.salutation?.text ?? null,
    opening: opening.map((p) => p.text).join("\n"),
    closing: closing?.text ?? null,
    text,
  }).genre;
  const level = classifyLevel({
    front,
    body,
    speaker_role,
    opening: opening.map((p) => p.text).join("\n"),
    title: fm.title?.title ?? null,
  });

  const stated = findStatedYears(text, lines, fm);
  const anchorHits = pinTitleAnniversaries(text, fm, findAnchorHits(text, compiled(anchors)));
  const occasions = occasionHits(text, fm, bodyLines);
  const hits = [
    ...anchorHits,
    ...occasions,
    ...(occasions.length === 0 && stated.length === 0
      ? unnumberedCongressHit(text, lines.slice(0, fm.bodyStart + OCCASION_PARAGRAPHS), anchorHits)
      : []),
    ...cohortHits(text),
  ];
  hits.sort((a, b) => a.start - b.start || a.anchor.id.localeCompare(b.anchor.id));
  const y = decideYear(text, stated, hits);

  const han_chars = countHan(text);
  const placeholders = countPlaceholders(text);
  const declared_chars = fm.title?.declared_chars ?? null;
  return {
    title: fm.title?.title ?? null,
    salutation: fm.salutation?.text ?? null,
    closing: closing?.text ?? null,
    genre,
    level,
    speaker_role,
    year: y.year,
    year_basis: y.year_basis,
    year_evidence: JSON.stringify(y.year_evidence),
    year_conflict: y.year_conflict,
    content_year: y.content_year,
    year_min: y.year_min,
    year_max: y.year_max,
    declared_chars,
    han_chars,
    chars: text.length,
    placeholders,
    quality_flags: qualityFlags({
      text,
      placeholders,
      declared_chars,
      han_chars,
      year_conflict: y.year_conflict,
    }),
  };
}
