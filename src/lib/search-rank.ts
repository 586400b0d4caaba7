/**
 * The order of the turns a search shows. Every turn shown already holds
 * every query word (search-match.ts), so what ranks them is how they hold
 * them:
 *
 * 1. the query's words together and in order (`channel factories` as a
 *    phrase) before the same words apart;
 * 2. then the words close together (the smallest stretch of the turn that
 *    holds them all, in words) before words scattered over a long turn;
 * 3. then by weight (BM25 over the turn: rarer words count more, repeats
 *    count less and less, a long turn is discounted);
 * 4. then by their passage's place in the order candidates are checked
 *    (`passage-index.ts`), and reading order.
 *
 * Pure; the benchmark's judged queries measure it (mean reciprocal rank).
 */
import { isSpaceless, type Stem, wordsOf } from './search-match.ts';

export interface TurnEvidence {
  /** The turn's own text. */
  text: string;
  /** The stemmer of the turn's language. */
  stem: Stem;
  /** Rank of the turn's transcript among the results (0 first), and the turn's place in it. */
  page: number;
  position: number;
}

/** What a turn's ranking is made of (see the module comment). */
export interface TurnScore {
  /** The query's spaced words stand together, in the query's order. */
  phrase: boolean;
  /** The fewest consecutive words of the turn that hold every spaced query word (1 for a one-word query). */
  span: number;
  weight: number;
}

/** How many turns hold each word (the vocabulary's counts), and of how many: for the rarer-words-count-more weight. */
export interface WordRarity {
  turns: number;
  holding: Readonly<Record<string, number>>;
}

/** BM25's usual constants; the average turn length is the archive's order of magnitude, in words. */
const K1 = 1.2;
const B = 0.75;
const AVERAGE_TURN = 80;
/** A stretch of up to this many words per query word counts as "close together" (a sentence or two). */
const CLOSE = 4;

/** A word's weight: the rarer in the archive's turns, the heavier (BM25's inverse document frequency); 1 when unknown. */
export function idf(word: string, rarity: WordRarity | undefined): number {
  const n = rarity?.holding[word];
  if (!rarity || n === undefined || rarity.turns === 0) return 1;
  return Math.log(1 + (rarity.turns - n + 0.5) / (n + 0.5));
}

/** The smallest window of `positions` (one list per word, each ascending) holding one of each. */
function smallestSpan(positions: readonly (readonly number[])[]): number {
  const all = positions.flatMap((list, word) => list.map((at) => ({ at, word }))).sort((a, b) => a.at - b.at);
  const inWindow: number[] = positions.map(() => 0);
  let covered = 0;
  let best = Number.POSITIVE_INFINITY;
  let left = 0;
  for (const right of all) {
    inWindow[right.word] = (inWindow[right.word] ?? 0) + 1;
    if (inWindow[right.word] === 1) covered++;
    while (covered === positions.length) {
      const first = all[left];
      if (!first) break;
      best = Math.min(best, right.at - first.at + 1);
      inWindow[first.word] = (inWindow[first.word] ?? 0) - 1;
      if (inWindow[first.word] === 0) covered--;
      left++;
    }
  }
  return best;
}

/** How a turn holds the query's words: as a phrase, how close together, and how heavily. */
export function scoreTurn(text: string, queryWords: readonly string[], stem: Stem, rarity?: WordRarity): TurnScore {
  const tokens = wordsOf(text);
  const stems = tokens.map(stem);
  const spaced = queryWords.filter((w) => !isSpaceless(w));
  const positions = spaced.map((w) => {
    const s = stem(w);
    return tokens.flatMap((t, i) => (t === w || stems[i] === s ? [i] : []));
  });
  const counts = [
    ...positions.map((p) => p.length),
    ...queryWords.filter(isSpaceless).map((w) => text.split(w).length - 1),
  ];
  const words = [...spaced, ...queryWords.filter(isSpaceless)];
  const norm = K1 * (1 - B + (B * Math.max(tokens.length, 1)) / AVERAGE_TURN);
  const weight = counts.reduce((sum, tf, i) => sum + (idf(words[i] ?? '', rarity) * tf * (K1 + 1)) / (tf + norm), 0);
  if (spaced.length < 2) return { phrase: true, span: 1, weight };
  const phrase = (positions[0] ?? []).some((start) => positions.every((p, k) => p.includes(start + k)));
  return { phrase, span: smallestSpan(positions), weight };
}

/** Indexes of `turns` in the order to show them. */
export function rankTurns(
  turns: readonly TurnEvidence[],
  queryWords: readonly string[],
  rarity?: WordRarity,
): number[] {
  const spaced = queryWords.filter((w) => !isSpaceless(w)).length;
  const closeEnough = Math.max(1, spaced) * CLOSE;
  const keyed = turns.map((t, i) => {
    const score = scoreTurn(t.text, queryWords, t.stem, rarity);
    return { i, t, phrase: score.phrase ? 0 : 1, close: score.span <= closeEnough ? 0 : 1, weight: score.weight };
  });
  keyed.sort(
    (a, b) =>
      a.phrase - b.phrase ||
      a.close - b.close ||
      b.weight - a.weight ||
      a.t.page - b.t.page ||
      a.t.position - b.t.position ||
      a.i - b.i,
  );
  return keyed.map((k) => k.i);
}

/**
 * A word said in more than this share of the archive's turns is not looked
 * up in the passage index when the query has a rarer word: its list is among
 * the longest a query can fetch, and the rarer words already find every
 * passage that can hold the query. Each candidate is still checked for every
 * word (`search-match.ts`), so hits are the same turns.
 */
export const COMMON_SHARE = 0.01;

/**
 * At most this many words are looked up: each costs a list per language (a
 * few KB), while every word looked up narrows the candidates to passages that
 * say it and weighs their order, so fewer passages are loaded to no hit; the
 * others are checked in each passage's turns like common words.
 */
export const LOOKUP_AT_MOST = 4;

/**
 * The words looked up in the passage index: the rarest of the query's words
 * that are not common (see COMMON_SHARE), at most LOOKUP_AT_MOST of them;
 * the rarest word when all are common. All of them when a word is written
 * without spaces or its count is unknown (no narrowing without the
 * vocabulary's word).
 */
export function lookupWords(queryWords: readonly string[], rarity: WordRarity): string[] {
  if (rarity.turns === 0 || queryWords.some((w) => isSpaceless(w) || rarity.holding[w] === undefined))
    return [...queryWords];
  const held = (w: string): number => rarity.holding[w] ?? 0;
  const byRarity = [...new Set(queryWords)].sort((a, b) => held(a) - held(b));
  const rare = byRarity.filter((w) => held(w) <= COMMON_SHARE * rarity.turns);
  const rarest = byRarity[0];
  if (rare.length === 0) return rarest === undefined ? [] : [rarest];
  return rare.slice(0, LOOKUP_AT_MOST);
}
