/**
 * Data for the small build-time charts: bars with labels and values, in the
 * order to draw them, and counts per year. Pure; the SVG is in components.
 */

export interface Bar {
  label: string;
  value: number;
  href?: string;
  /** Where the bar itself leads: the turns it counts (a filtered search), when they can be listed. */
  turnsHref?: string;
  /** The sum of the bars left out ("233 others"): shown as a figure, not drawn to scale. */
  rest?: boolean;
}

/** The label of the bar that counts what has no date. */
export const UNDATED = 'Undated';

/**
 * Counts per year, every year from the first to the last present (gaps as
 * zero), then those without a date as an "Undated" bar: the bars add up to
 * the number of dates given.
 */
export function perYear(dates: readonly (string | undefined)[]): Bar[] {
  const counts = new Map<number, number>();
  let undated = 0;
  for (const d of dates) {
    if (!d) {
      undated++;
      continue;
    }
    const year = Number(d.slice(0, 4));
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  const bars: Bar[] = [];
  const years = [...counts.keys()];
  if (years.length > 0)
    for (let y = Math.min(...years); y <= Math.max(...years); y++)
      bars.push({ label: String(y), value: counts.get(y) ?? 0 });
  if (undated > 0) bars.push({ label: UNDATED, value: undated });
  return bars;
}

/** The `n` largest, largest first, the rest summed into "Others". */
export function topBars(bars: readonly Bar[], n: number): Bar[] {
  const sorted = [...bars].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  if (sorted.length <= n) return sorted;
  const rest = sorted.slice(n).reduce((sum, b) => sum + b.value, 0);
  return [...sorted.slice(0, n), { label: `${sorted.length - n} others`, value: rest, rest: true }];
}
