/**
 * The order of the turns a search shows. Pagefind ranks transcripts (pages)
 * and lists a page's matching turns in reading order, so a long transcript
 * that mentions one query word in its first turn would show that turn above
 * the short answer, three turns later, that holds every word. Within each
 * batch of transcripts fetched, turns are ordered by how many of the query's
 * words they hold, then by how densely (Pagefind's own per-word scores over
 * the turn's length), then by their transcript's rank and reading order.
 * Pure; the benchmark's judged queries measure it (mean reciprocal rank).
 */

export interface TurnEvidence {
  /** Words of the turn that matched, as written (from the page's content at each hit location). */
  matched: readonly string[];
  /** Pagefind's score of each matching word. */
  scores: readonly number[];
  /** The turn's length in words. */
  length: number;
  /** Rank of the turn's transcript among the results (0 first), and the turn's place in it. */
  page: number;
  position: number;
}

const fold = (word: string): string => word.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Whether a word of the text is a form of a query word (`compiled` ~ `compiling`, `browsers` ~ `browser`). */
export function sameWord(text: string, query: string): boolean {
  const a = fold(text);
  const b = fold(query);
  if (a === '' || b === '') return false;
  if (a === b) return true;
  let shared = 0;
  while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared++;
  return shared >= Math.max(3, Math.min(a.length, b.length) - 2) && Math.abs(a.length - b.length) <= 3;
}

/** How many of the query's words the turn holds (1 at least: Pagefind found it for some word). */
export function coverage(evidence: TurnEvidence, queryWords: readonly string[]): number {
  const held = queryWords.filter((q) => evidence.matched.some((w) => sameWord(w, q)));
  return Math.max(1, held.length);
}

/** Pagefind's word scores, summed, over the square root of the turn's length: a short dense turn scores high. */
export function density(evidence: TurnEvidence): number {
  const total = evidence.scores.reduce((n, s) => n + s, 0);
  return total / Math.sqrt(Math.max(evidence.length, 1));
}

/** Indexes of `turns` in the order to show them. */
export function rankTurns(turns: readonly TurnEvidence[], queryWords: readonly string[]): number[] {
  const keyed = turns.map((t, i) => ({ i, cover: coverage(t, queryWords), dense: density(t), t }));
  keyed.sort(
    (a, b) => b.cover - a.cover || b.dense - a.dense || a.t.page - b.t.page || a.t.position - b.t.position || a.i - b.i,
  );
  return keyed.map((k) => k.i);
}
