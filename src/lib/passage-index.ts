/**
 * The passage index: for each word, the search passages that say it (a
 * transcript, or a part of a long one: `search-versions.ts`) and how often,
 * without the places it is said. The search page reads the lists of a
 * query's rarest words, so a query's cost stays a few KB per word at any
 * archive size; every candidate passage is then checked turn by turn
 * (`search-match.ts`), which is where a hit is decided. Pure, shared by the
 * build (`scripts/search/passage-index-fs.ts`) and the search page.
 *
 * Keys: a word of a spaced script is filed under its stem in the passage's
 * language (so `compiled` finds `compiling`); a script written without
 * spaces is filed by single characters and pairs of neighbouring characters,
 * and a query word of it needs every pair it holds (the turn is then checked
 * for the whole word).
 *
 * Lists: passage numbers ascending, as `[gap, weight, gap, weight, …]`, the
 * first gap from 0. Passages are numbered in date order (undated first), so
 * a list read forwards is oldest first. A weight is how strongly the passage
 * says the key (`termWeight`): more often counts more, but less and less, and
 * a long passage counts less than a short one saying it as often, so a
 * passage that says a query's words in a few turns is checked before one
 * long run of talk that mentions them in passing.
 */
import { fnv1a } from '../../scripts/core/search-shards.ts';
import { isSpaceless, type Stem, wordsOf } from './search-match.ts';

/** The site's folder of the vocabulary (`scripts/search/vocabulary-fs.ts`) and the passage index. */
export const VOCABULARY_DIR = 'search-words';
/** The folders under `/search-words/`: lists by key, and each passage's data. */
export const POSTINGS_DIR = 'postings';
export const PASSAGES_DIR = 'passages';
/** The folder of each passage's number by its address, for a passage Pagefind finds by its filters. */
export const NUMBERS_DIR = 'numbers';
/** Passage files per folder, so no folder holds tens of thousands of files. */
export const PASSAGES_PER_FOLDER = 1000;
/** A list longer than this (numbers, two per passage) gets a file of its own instead of sharing its bucket. */
export const OWN_FILE_AT = 400;

/** `/search-words/postings/<lang>/<bucket>.json`: key → its list, or the name of the file holding a long one. */
export type PostingsFile = Record<string, number[] | string>;

/** The passage index's part of the vocabulary's manifest. */
export interface PassageManifest {
  /** How many passages are numbered (0 … count-1). */
  count: number;
  /** Per language code, how many bucket files its keys are split into. */
  buckets: Record<string, number>;
  /** How many files the passages' numbers by address are split into. */
  numbers: number;
}

/** `/search-words/numbers/<bucket>.json`: a passage's address → its number. */
export type NumbersFile = Record<string, number>;

/** The folder of a language's lists: its tag when it is a well-formed one, else `und`. */
export const postingsFolder = (language: string): string =>
  `${POSTINGS_DIR}/${/^[A-Za-z0-9-]{1,35}$/.test(language) ? language : 'und'}`;

/** A passage's file, relative to `/search-words/`. */
export const passagePath = (n: number): string => `${PASSAGES_DIR}/${Math.floor(n / PASSAGES_PER_FOLDER)}/${n}.json`;

/** The file (0 … numbers-1) of a passage's number, by its address. */
export const numbersBucket = (address: string, numbers: number): number => fnv1a(address) % numbers;

/** The bucket file (0 … buckets-1) of a key. */
export const postingsBucket = (key: string, buckets: number): number => fnv1a(key) % buckets;

/** Characters of a run of a spaceless script and their neighbours, counted by key. */
function addSpaceless(joined: readonly string[], into: Map<string, number>): void {
  for (let i = 0; i < joined.length; i++) {
    const c = joined[i] ?? '';
    const next = joined[i + 1];
    const own = isSpaceless(c);
    if (own) into.set(c, (into.get(c) ?? 0) + 1);
    if (next !== undefined && (own || isSpaceless(next))) into.set(c + next, (into.get(c + next) ?? 0) + 1);
  }
}

/**
 * The keys a passage's text is filed under, with how often each occurs.
 * Spaceless characters pair across word breaks, as a turn is checked with
 * its words run together.
 */
export function textKeys(text: string, stem: Stem): Map<string, number> {
  return wordKeys(wordsOf(text), stem);
}

/** {@link textKeys} of a text's words (`wordsOf`), in order. */
export function wordKeys(words: readonly string[], stem: Stem): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  // Each distinct word is stemmed once.
  const keys = new Map<string, number>();
  let spaceless = false;
  for (const [w, n] of counts) {
    if (isSpaceless(w)) {
      spaceless = true;
      continue;
    }
    const key = stem(w);
    keys.set(key, (keys.get(key) ?? 0) + n);
  }
  if (spaceless) addSpaceless([...words.join('')], keys);
  return keys;
}

/** The keys a passage must have to hold a query word: its stem, or every character pair of a spaceless word. */
export function queryKeys(word: string, stem: Stem): string[] {
  if (!isSpaceless(word)) return [stem(word)];
  const chars = [...word];
  if (chars.length === 1) return chars;
  const pairs = new Map<string, number>();
  addSpaceless(chars, pairs);
  return [...pairs.keys()].filter((k) => [...k].length === 2);
}

/**
 * A stored list back to passage → weight. Stored, a list is `[passage, weight, passage, weight, …]`
 * with passages ascending, each written as its distance from the one before
 * (`scripts/search/postings-files.ts` writes them).
 */
export function decodeList(list: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  let at = 0;
  for (let i = 0; i + 1 < list.length; i += 2) {
    at += list[i] ?? 0;
    out.set(at, list[i + 1] ?? 0);
  }
  return out;
}

/** BM25's constants: saturation (twice weighs more than once, ten times not ten times more) and length discount. */
const K1 = 1.2;
const B = 0.75;
/** Weights are stored as whole numbers: this many steps per unit, so a list stays short. */
const WEIGHT_STEPS = 10;

/**
 * How strongly a passage says a key, as stored in a list: BM25's term
 * weight, from how often it says it (`count`) and its length against the
 * average passage of its language (in characters, any script), in whole
 * steps from 1 (said once in passing) to 22.
 */
export function termWeight(count: number, length: number, average: number): number {
  const norm = K1 * (1 - B + (B * length) / Math.max(average, 1));
  return Math.max(1, Math.round((WEIGHT_STEPS * count * (K1 + 1)) / (count + norm)));
}

/**
 * The passages that hold every key group (one group per query word: all its
 * keys), each with a score: per word, its weight (`idf`, rarer words more)
 * times how strongly the passage says it (`termWeight`; a word's is that of
 * its weakest key).
 */
export function candidates(
  words: readonly { lists: readonly Map<number, number>[]; idf: number }[],
): Map<number, number> {
  const out = new Map<number, number>();
  if (words.length === 0 || words.some((w) => w.lists.length === 0)) return out;
  const [first, ...others] = words.flatMap((w) => w.lists).sort((a, b) => a.size - b.size);
  if (!first) return out;
  for (const passage of first.keys()) {
    if (!others.every((list) => list.has(passage))) continue;
    let score = 0;
    for (const w of words) score += (w.idf * Math.min(...w.lists.map((list) => list.get(passage) ?? 0))) / WEIGHT_STEPS;
    out.set(passage, score);
  }
  return out;
}

/** Passage numbers in the order to check them: by score (then oldest first), or by date either way. */
export function checkOrder(scores: ReadonlyMap<number, number>, sort: 'relevance' | 'newest' | 'oldest'): number[] {
  const passages = [...scores.keys()];
  if (sort === 'newest') return passages.sort((a, b) => b - a);
  if (sort === 'oldest') return passages.sort((a, b) => a - b);
  return passages.sort((a, b) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0) || a - b);
}
