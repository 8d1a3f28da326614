// Time as a scale, not a list: every by-year chart places years on a continuous axis (1960 → 1964
// → 1975 are four and eleven years apart, not one step each), thins the tick labels to the width
// so no two overlap, and shows the years without data as gaps. Pure functions, tested in Node.

/** Room one year label needs on the axis: "2022" at 10–11 px is ~26 px wide, plus clearance. */
export const YEAR_LABEL_PX = 42;

const STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000];

/** The x domain of a set of years: half a year of room on each side (two for a single year). */
export function yearDomain(years) {
  const ys = years.filter((y) => y != null && Number.isFinite(y));
  if (!ys.length) return [0, 1];
  const min = Math.min(...ys);
  const max = Math.max(...ys);
  return min === max ? [min - 1, max + 1] : [min - 0.5, max + 0.5];
}

/**
 * Tick years for an axis `innerWidth` px wide over `domain`: multiples of the smallest round step
 * (1, 2, 5, 10, 20, 25, 50 … years) whose labels are at least `minSpacing` px apart.
 */
export function yearTicks(domain, innerWidth, minSpacing = YEAR_LABEL_PX) {
  const [lo, hi] = domain;
  const pxPerYear = innerWidth / Math.max(hi - lo, 1e-9);
  const step = STEPS.find((s) => s * pxPerYear >= minSpacing) ?? STEPS[STEPS.length - 1];
  const ticks = [];
  for (let y = Math.ceil(lo / step) * step; y <= hi; y += step) ticks.push(y);
  return ticks;
}

/**
 * Splits each series into runs of consecutive years and the gaps between them.
 * @param rows [{year, series, value, …}]
 * @returns {runs: rows with `run` (a key per unbroken stretch), gaps: [{series, year1, value1, year2, value2}]}
 */
export function yearRuns(rows) {
  const bySeries = new Map();
  for (const r of rows) {
    if (r.year == null) continue;
    if (!bySeries.has(r.series)) bySeries.set(r.series, []);
    bySeries.get(r.series).push(r);
  }
  const runs = [];
  const gaps = [];
  for (const [series, list] of bySeries) {
    list.sort((a, b) => a.year - b.year);
    let run = 0;
    list.forEach((r, i) => {
      const prev = list[i - 1];
      if (prev && r.year - prev.year > 1) {
        run++;
        gaps.push({
          series,
          year1: prev.year,
          value1: prev.value,
          year2: r.year,
          value2: r.value,
        });
      }
      runs.push({ ...r, run: `${series}\u0000${run}` });
    });
  }
  return { runs, gaps };
}

/** Years between the first and last of `years` that have no data, as [from, to] spans. */
export function missingYears(years) {
  const ys = [...new Set(years.filter((y) => y != null))].sort((a, b) => a - b);
  const spans = [];
  for (let i = 1; i < ys.length; i++)
    if (ys[i] - ys[i - 1] > 1) spans.push([ys[i - 1] + 1, ys[i] - 1]);
  return spans;
}

/**
 * Moves labels apart along one axis so that no two are closer than `gap` px, keeping each as near
 * its target as it can and all within [lo, hi]. Returns positions in the input order, or null
 * when the labels cannot fit (then the chart uses a legend instead).
 */
export function dodge(targets, gap, lo, hi) {
  const n = targets.length;
  if (!n) return [];
  if ((n - 1) * gap > hi - lo) return null;
  const order = targets.map((t, i) => i).sort((a, b) => targets[a] - targets[b] || a - b);
  const y = order.map((i) => Math.min(hi, Math.max(lo, targets[i])));
  for (let k = 1; k < n; k++) y[k] = Math.max(y[k], y[k - 1] + gap);
  if (y[n - 1] > hi) {
    y[n - 1] = hi;
    for (let k = n - 2; k >= 0; k--) y[k] = Math.min(y[k], y[k + 1] - gap);
  }
  const out = new Array(n);
  order.forEach((i, k) => (out[i] = y[k]));
  return out;
}
