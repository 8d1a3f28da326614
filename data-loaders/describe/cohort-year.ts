// Freshmen named by their cohort (2025级新生): a class is called 新生 only in its first academic
// year, which runs from autumn of the cohort year into the next, so the text was written in one of
// those two years. Found in university Party-school and student texts, which rarely carry a date.

const COHORT_FRESHMEN = /(?<![0-9])((?:19|20)[0-9]{2})级(?:本科|硕士|博士|研究生)?(?:新生|新同学)/g;

export interface CohortHit {
  year: number;
  start: number;
  end: number;
}

/** Every "N级新生" in the text, with its cohort year. */
export function findCohortFreshmen(text: string): CohortHit[] {
  const out: CohortHit[] = [];
  for (const m of text.matchAll(COHORT_FRESHMEN)) {
    out.push({ year: Number(m[1]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}
