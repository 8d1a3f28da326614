// Where the other speech of a passage pair lies in time, from the two speeches' years.
export const DIRECTIONS = ["earlier", "later", "same_year", "unknown"] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** "earlier": the other speech is dated before this one (it may be the source). */
export function direction(year: number | null, otherYear: number | null): Direction {
  if (year === null || otherYear === null) return "unknown";
  if (otherYear < year) return "earlier";
  if (otherYear > year) return "later";
  return "same_year";
}
