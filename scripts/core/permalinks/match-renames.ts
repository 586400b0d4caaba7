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

/** A word, or one Chinese or Japanese character (those scripts do not space their words). */
const WORD =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}])+/gu;

/** FNV-1a of a word, as a 32-bit number. */
function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Word 4-grams across the whole text (turn breaks ignored, so a re-split turn
 * keeps its features), each as a 30-bit number (a small integer the engine
 * stores unboxed): thousands of transcripts cost numbers, not strings. Two
 * 4-grams of a pair collide about once in three thousand pairs, a shared
 * feature that moves a score by a fraction of a percent.
 */
function shingles(texts: readonly string[]): Set<number> {
  const hashes = texts.flatMap((t) => (t.toLowerCase().match(WORD) ?? []).map(wordHash));
  const out = new Set<number>();
  const n = Math.max(1, hashes.length - GRAM + 1);
  for (let i = 0; i < n && i < hashes.length; i++) {
    let h = 0x811c9dc5;
    for (let k = i; k < Math.min(i + GRAM, hashes.length); k++) h = Math.imul(h ^ (hashes[k] as number), 0x01000193);
    out.add((h ^ (h >>> 30)) & 0x3fffffff);
  }
  return out;
}

interface Side {
  slug: string;
  /** Text shingles, when the text is known. */
  text?: Set<number>;
  fingerprints: Set<string>;
}

const side = (m: MatchSide): Side => ({
  slug: m.slug,
  ...(m.texts ? { text: shingles(m.texts) } : {}),
  fingerprints: new Set(m.fingerprints),
});

/** Features of a pair: text shingles when both texts are known, else turn fingerprints. */
function features(a: Side, b: Side): [ReadonlySet<number | string>, ReadonlySet<number | string>] {
  return a.text && b.text ? [a.text, b.text] : [a.fingerprints, b.fingerprints];
}

interface Edge {
  old: string;
  now: string;
  shared: number;
}

function edge(old: Side, now: Side): Edge | undefined {
  const [fo, fn] = features(old, now);
  if (fo.size === 0 || fn.size === 0) return undefined;
  let shared = 0;
  for (const f of fn) if (fo.has(f)) shared++;
  const similar = shared / Math.max(fo.size, fn.size) >= SIMILAR;
  const part = shared >= MIN_SHARED && Math.max(shared / fo.size, shared / fn.size) >= CONTAINED;
  return similar || part ? { old: old.slug, now: now.slug, shared } : undefined;
}

/** A feature in more vanished transcripts than this is a formula, not evidence: it proposes no pair. */
const COMMON = 8;

/**
 * The pairs worth scoring: those sharing a feature found in few vanished
 * transcripts. Scoring every pair would cost vanished × new set comparisons
 * (a folder of 10,000 files moved at once); related transcripts share rare
 * passages, and formulas every briefing says are left out of the look-up.
 */
function candidates(vanished: readonly Side[], fresh: readonly Side[]): [Side, Side][] {
  const index = new Map<string | number, number[]>();
  vanished.forEach((o, i) => {
    for (const f of [...(o.text ?? []), ...o.fingerprints]) {
      const list = index.get(f) ?? [];
      if (list.length <= COMMON) list.push(i);
      index.set(f, list);
    }
  });
  const pairs: [Side, Side][] = [];
  for (const n of fresh) {
    const seen = new Set<number>();
    for (const f of [...(n.text ?? []), ...n.fingerprints]) {
      const list = index.get(f);
      if (!list || list.length > COMMON) continue;
      for (const i of list) seen.add(i);
    }
    for (const i of seen) pairs.push([vanished[i] as Side, n]);
  }
  return pairs;
}

/**
 * Relates vanished transcripts to new ones. Pairs are taken by how much they
 * share, largest first, so each vanished transcript has at most one heir and
 * each new transcript inherits at most one.
 */
export function matchRenames(vanished: readonly MatchSide[], fresh: readonly MatchSide[]): RenameMatches {
  const edges = candidates(vanished.map(side), fresh.map(side))
    .map(([o, n]) => edge(o, n))
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
