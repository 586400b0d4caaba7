/**
 * Where a reader is in a transcript, and where each reading key takes them.
 * Pure: the browser script measures the page and hands the numbers in.
 *
 * The current turn is the focused one when focus is in a turn that is on
 * screen (after `j`, or after tabbing to a turn's link); otherwise the turn
 * whose text is at the top of the window: the last one whose heading has
 * reached the reading line. A short turn lower down the window is not current
 * until its heading reaches that line, so `j` never skips it.
 */

/** What the page says about its turns, in reading order. */
export interface TurnsOnPage {
  /** Each turn heading's distance from the top of the window, in px (negative when scrolled past). */
  tops: readonly number[];
  /** Each turn's speaker (slug or label): turns with equal values are the same speaker's. */
  speakers: readonly string[];
  /** The reading line, px from the top of the window: where a heading lands when jumped to (its scroll margin), plus a pixel or two of slack. */
  line: number;
  /** The index of the turn holding focus, when that turn is at least partly on screen. */
  focused?: number | undefined;
}

export type ReadingKey = 'j' | 'k' | 's' | 'S';

/** The index of the current turn, or -1 above the first turn. */
export function currentTurn(page: TurnsOnPage): number {
  if (page.focused !== undefined && page.focused >= 0 && page.focused < page.tops.length) return page.focused;
  let index = -1;
  page.tops.forEach((top, i) => {
    if (top <= page.line) index = i;
  });
  return index;
}

/**
 * The turn a key leads to, or `undefined` when there is none (the end of the
 * transcript, or no other turn by that speaker).
 * - `j`: the turn after the current one (the first turn, above it);
 * - `k`: the start of the current turn when its heading is scrolled past
 *   (you are in the middle of it), else the turn before;
 * - `s` / `S`: the current speaker's next / previous turn.
 */
export function keyTarget(key: ReadingKey, page: TurnsOnPage): number | undefined {
  const here = currentTurn(page);
  const count = page.tops.length;
  const inRange = (i: number) => (i >= 0 && i < count ? i : undefined);
  if (key === 'j') return inRange(here + 1);
  if (key === 'k') {
    if (here < 0) return undefined;
    const scrolledPast = page.focused === undefined && (page.tops[here] ?? 0) < page.line - 4;
    return inRange(scrolledPast ? here : here - 1);
  }
  if (here < 0) return undefined;
  const speaker = page.speakers[here];
  const indices = page.speakers.map((s, i) => (s === speaker ? i : -1)).filter((i) => i >= 0);
  return key === 's' ? indices.find((i) => i > here) : indices.findLast((i) => i < here);
}
