/**
 * Recognises a transcript whose source file vanished in a new transcript
 * whose text largely matches it, the way `git` detects renames by similarity:
 * each side becomes a set of features (word 4-grams of its spoken text, or
 * its turns' fingerprints when the earlier text is not at hand), and a pair is
 * related when enough of one lives on in the other.
 *
 * - rename: a vanished transcript and a new one that share most of their
 *   text (a typo fixed or a turn inserted on the way does not matter);
 * - split: one vanished transcript lives on in two new ones; the one that
 *   took most of its text inherits it (its record, slug history, turn ids),
 *   the other is a new transcript that took some of its turns;
 * - merge: two vanished transcripts live on in one new one; it inherits the
 *   one it shares most with, and the other is moved into it.
 *
 * A different transcript with the same speakers and the same opening and
 * closing formulas shares only those few features and is not related.
 */

/** What the matcher knows of one transcript. */
export interface MatchSide {
  slug: string;
  /** Each turn's words, or `undefined` when only fingerprints are known (then `fingerprints` is used). */
  texts?: readonly string[];
  fingerprints: readonly string[];
}

export interface RenameMatches {
  /** New slug → the vanished slug it inherits. */
  heirs: Map<string, string>;
  /** Vanished slugs merged into a new transcript that inherits another: vanished slug → new slug. */
  mergedInto: Map<string, string>;
  /** New slugs that took part of a vanished transcript without inheriting it: new slug → vanished slug. */
  splitFrom: Map<string, string>;
}

/** Share of the larger side found in the other (git's similarity index) at or above which a pair is a rename. */
export const SIMILAR = 0.5;
/** Share of one side found in the other at or above which it is a part of it (a split or a merge). */
export const CONTAINED = 0.8;
/** Fewest shared features for a part: a formula or two in common is not a shared passage. */
const MIN_SHARED = 12;
const GRAM = 4;

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Word 4-grams across the whole text (turn breaks ignored, so a re-split turn keeps its features). */
function shingles(texts: readonly string[]): Set<string> {
  const all = texts.flatMap(words);
  const out = new Set<string>();
  if (all.length < GRAM) {
    if (all.length > 0) out.add(all.join(' '));
    return out;
  }
  for (let i = 0; i + GRAM <= all.length; i++) out.add(all.slice(i, i + GRAM).join(' '));
  return out;
}

/** Features of a pair: text shingles when both texts are known, else turn fingerprints. */
function features(a: MatchSide, b: MatchSide): [Set<string>, Set<string>] {
  if (a.texts && b.texts) return [shingles(a.texts), shingles(b.texts)];
  return [new Set(a.fingerprints), new Set(b.fingerprints)];
}

interface Edge {
  old: string;
  now: string;
  shared: number;
  similar: boolean;
}

function edge(old: MatchSide, now: MatchSide): Edge | undefined {
  const [fo, fn] = features(old, now);
  if (fo.size === 0 || fn.size === 0) return undefined;
  let shared = 0;
  for (const f of fn) if (fo.has(f)) shared++;
  const similar = shared / Math.max(fo.size, fn.size) >= SIMILAR;
  const part = shared >= MIN_SHARED && Math.max(shared / fo.size, shared / fn.size) >= CONTAINED;
  return similar || part ? { old: old.slug, now: now.slug, shared, similar } : undefined;
}

/**
 * Relates vanished transcripts to new ones. Pairs are taken by how much they
 * share, largest first, so each vanished transcript has at most one heir and
 * each new transcript inherits at most one.
 */
export function matchRenames(vanished: readonly MatchSide[], fresh: readonly MatchSide[]): RenameMatches {
  const edges = vanished
    .flatMap((o) => fresh.map((n) => edge(o, n)))
    .filter((e): e is Edge => e !== undefined)
    .sort((a, b) => b.shared - a.shared || a.old.localeCompare(b.old) || a.now.localeCompare(b.now));
  const heirs = new Map<string, string>();
  const inherited = new Set<string>();
  for (const e of edges) {
    if (heirs.has(e.now) || inherited.has(e.old)) continue;
    heirs.set(e.now, e.old);
    inherited.add(e.old);
  }
  const mergedInto = new Map<string, string>();
  const splitFrom = new Map<string, string>();
  for (const e of edges) {
    if (heirs.get(e.now) === e.old) continue;
    if (!inherited.has(e.old) && !mergedInto.has(e.old)) mergedInto.set(e.old, e.now);
    else if (!heirs.has(e.now) && !splitFrom.has(e.now)) splitFrom.set(e.now, e.old);
  }
  return { heirs, mergedInto, splitFrom };
}
