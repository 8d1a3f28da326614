// The year of a speech, with its evidence: the stated year (explicit > title > year statement)
// if any, else the year the dated anchors imply. A stated year the content contradicts is kept
// but flagged (year_conflict): a relabelled template must be surfaced, not silently "fixed".
import type { YearBasis, YearEvidence } from "../types.ts";
import type { Anchor } from "./anchors.ts";
import type { AnchorHit } from "./anchor-match.ts";
import { contextSpan } from "./lines.ts";
import type { StatedYear } from "./stated-year.ts";
import {
  closeByLatestPlenum,
  contentYear,
  intersectAnchors,
  windowContains,
} from "./year-window.ts";

export interface YearDecision {
  year: number | null;
  year_basis: YearBasis;
  year_evidence: YearEvidence[];
  year_conflict: boolean;
  content_year: number | null;
  year_min: number | null;
  year_max: number | null;
}

function basisOf(s: StatedYear): YearBasis {
  return s.tier === 2 ? "title" : "explicit";
}

/** A publication stamp dates the page: the speech was given that year or before. */
function publicationBound(stated: readonly StatedYear[]): number | null {
  const p = stated.find((s) => s.rule === "published");
  return p ? p.year : null;
}

function covers(a: Anchor, year: number): boolean {
  return (
    (a.not_before === null || year >= a.not_before) && (a.not_after === null || year <= a.not_after)
  );
}

export function decideYear(
  text: string,
  stated: readonly StatedYear[],
  hits: readonly AnchorHit[],
): YearDecision {
  const chosen = stated[0] ?? null;
  const anchored = intersectAnchors(hits.map((h) => h.anchor));
  // Only a speech without a stated year is dated by its latest plenum (never a conflict source).
  const closed = chosen ? null : closeByLatestPlenum(anchored);
  const window = closed?.window ?? anchored;
  const content = contentYear(window);
  const year = chosen?.year ?? content;
  const basis: YearBasis = chosen ? basisOf(chosen) : content !== null ? "inferred" : "unknown";

  // Stated years of the strongest two tiers must agree with each other and with the content.
  const statedClash = stated.some((s) => s.tier <= 2 && chosen !== null && s.year !== chosen.year);
  const contentClash =
    chosen !== null &&
    (!windowContains(window, chosen.year) ||
      (window.single !== null && window.single !== chosen.year));

  const evidence: YearEvidence[] = [];
  for (const s of stated) {
    const span = contextSpan(text, s.start, s.end);
    evidence.push({
      snippet: text.slice(span.start, span.end),
      source: s.source,
      start: span.start,
      end: span.end,
      year: s.year,
      rule: s.rule,
      ...(year !== null && s.year !== year ? { conflict: true } : {}),
    });
  }
  const dropped = new Set(window.dropped.map((a) => a.id));
  const firstHit = new Map<string, { hit: AnchorHit; n: number }>();
  for (const h of hits) {
    const seen = firstHit.get(h.anchor.id);
    if (seen) seen.n++;
    else firstHit.set(h.anchor.id, { hit: h, n: 1 });
  }
  for (const { hit, n } of firstHit.values()) {
    const a = hit.anchor;
    const span = contextSpan(text, hit.start, hit.end);
    const conflict = dropped.has(a.id) || (chosen !== null && !covers(a, chosen.year));
    evidence.push({
      snippet: text.slice(span.start, span.end),
      source: "anchor",
      start: span.start,
      end: span.end,
      ...(a.year !== null ? { year: a.year } : {}),
      ...(a.year === null && a.not_before !== null ? { not_before: a.not_before } : {}),
      ...(a.year === null && a.not_after !== null ? { not_after: a.not_after } : {}),
      ...(closed?.by === a ? { not_after: closed.window.year_max as number } : {}),
      rule: closed?.by === a ? `latest_plenum:${a.id}` : `anchor:${a.id}`,
      hits: n,
      ...(conflict ? { conflict: true } : {}),
    });
  }
  evidence.sort((x, y) => x.start - y.start);

  const published = publicationBound(stated);
  const year_max =
    published !== null && (window.year_max === null || published < window.year_max)
      ? published
      : window.year_max;
  return {
    year,
    year_basis: basis,
    year_evidence: evidence,
    year_conflict: statedClash || contentClash,
    content_year: content,
    year_min: window.year_min,
    year_max:
      window.year_min !== null && year_max !== null && year_max < window.year_min
        ? window.year_max
        : year_max,
  };
}
