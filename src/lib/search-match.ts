/**
 * What a search hit is, pure so it can be tested without a browser: a turn
 * is a hit when its own text holds every query word as a whole word, or as
 * another form of it with the same stem (`compiled` finds `compiling`, never
 * `compilers' handbook`'s `comp`). Pagefind's own matching is looser: it
 * extends words by prefix (`tele` finds `television`) and, when a word is not
 * in the index at all, backs off to a shorter one (`xyzzyq` finds `x`). Its
 * results are therefore candidates, each checked here before it is shown.
 *
 * Scripts written without spaces between words (Chinese, Japanese) are
 * compared as text: the query's characters must stand together in the turn.
 */

import { fnv1a } from '../../scripts/core/search-shards.ts';
import type { PassageManifest } from './passage-index.ts';

/** A stemmer: a word (lower case) to its stem. */
export type Stem = (word: string) => string;

export const noStem: Stem = (word) => word;

/** Characters of scripts written without spaces between words. */
const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/** Whether a word is written in a script without spaces (compared as text, not word by word). */
export const isSpaceless = (word: string): boolean => SPACELESS.test(word);

/** The words of a text as search compares them: lower case, letters and digits only, split at everything else. */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((w) => w !== '');
}

/**
 * The words a query asks for, outside and inside quotes alike (a phrase's
 * words must be there too), each once.
 */
export function queryWords(q: string): string[] {
  return [...new Set(wordsOf(q))];
}

/** Whether `text` holds every one of `words` (see the module comment). */
export function holdsAll(text: string, words: readonly string[], stem: Stem): boolean {
  if (words.length === 0) return true;
  const own = wordsOf(text);
  const stems = new Set(own.map(stem));
  const exact = new Set(own);
  const joined = own.join('');
  return words.every((w) => (isSpaceless(w) ? joined.includes(w) : exact.has(w) || stems.has(stem(w))));
}

/**
 * Optimal string alignment distance (Levenshtein with adjacent
 * transpositions), stopping early once it passes `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}

/** How far a suggestion may be from a word: one edit for short words, two from eight letters on. */
export const typoBudget = (word: string): number => (word.length < 4 ? 0 : word.length < 8 ? 1 : 2);

/**
 * Close matches for a word absent from the archive, from the archive's own
 * words (`vocabulary`: word → how many turns hold it) that share its first or
 * its second letter (see `nearKeys`): the nearest first (a swap of
 * neighbours is one edit), then the most used. At most `limit`.
 */
export function suggestions(word: string, vocabulary: Readonly<Record<string, number>>, limit = 3): string[] {
  const max = typoBudget(word);
  if (max === 0) return [];
  const [first, second] = [...word];
  return Object.entries(vocabulary)
    .filter(([w]) => {
      const [a, b] = [...w];
      return a === first || b === second;
    })
    .map(([w, n]) => ({ w, n, d: editDistance(word, w, max) }))
    .filter((s) => s.d <= max && s.w !== word)
    .sort((a, b) => a.d - b.d || b.n - a.n || a.w.localeCompare(b.w))
    .slice(0, limit)
    .map((s) => s.w);
}

/** A word said in at most this many turns may be a typo itself (the archive has its own), see `usualForms`. */
export const RARE_TURNS = 3;
/** How many times more turns a close match must be said in to be offered for a rare word. */
const MORE_USUAL = 20;

/**
 * For a word some turns do say, but rarely (`held` turns, at most
 * RARE_TURNS), the close matches said far more often (`kubernets`, said in
 * one turn, and `kubernetes`, in 700): offered beside the hits, since the
 * rare word is most likely a typo, the reader's or the transcript's.
 */
export function usualForms(word: string, held: number, vocabulary: Readonly<Record<string, number>>): string[] {
  if (held > RARE_TURNS) return [];
  return suggestions(word, vocabulary).filter((w) => (vocabulary[w] ?? 0) >= MORE_USUAL * Math.max(held, 1));
}

/**
 * The vocabulary is split into files by a hash of each word's first three
 * letters, so a query reads only the files of its own words; forms of a word
 * share their first letters, so its stems are in the same file.
 */
export const vocabularyKey = (word: string): string => [...word].slice(0, 3).join('');

/** The file (0 … buckets-1) that holds a word. */
export const vocabularyBucket = (word: string, buckets: number): number => fnv1a(vocabularyKey(word)) % buckets;

/**
 * `/search-words/index.json`: the languages of the archive and how its
 * vocabulary is split: `buckets` files of words (each language's words with
 * how many turns say them, and the speakers by each word of their name),
 * `near` files of the words offered as close matches, and the passage index.
 */
export interface VocabularyManifest {
  version: 3;
  buckets: number;
  near: number;
  /** Each language's code, its name for readers, and whether it has a vocabulary (spaced scripts only). */
  languages: { code: string; name: string; turns: number; words: boolean }[];
  /** The passage index beside the vocabulary (`passage-index.ts`). */
  passages: PassageManifest;
}

/** `/search-words/words/<bucket>.json`. */
export interface VocabularyFile {
  /** Per language code: word → how many of its turns say it. */
  languages: Record<string, Record<string, number>>;
  /** Word of a name → `[name, speaker page path]` of each speaker whose name has it. */
  speakers: Record<string, [string, string][]>;
  /**
   * Per language code of a language version: word → how many of the turns
   * counted in `languages` are a version of a turn whose original says the
   * same word (a Latin name kept in a Chinese translation). Only the words
   * where some are.
   */
  echoes?: Record<string, Record<string, number>>;
}

/**
 * How many turns say `word` or another form of it (the same first letter and
 * stem), from a language's counts of each form. Pure.
 */
export function formsCount(counts: Readonly<Record<string, number>>, word: string, stem: Stem): number {
  const target = stem(word);
  return Object.entries(counts).reduce(
    (n, [w, turns]) => (w === word || (w[0] === word[0] && stem(w) === target) ? n + turns : n),
    0,
  );
}

/** A word said in fewer turns than this is not offered as a close match (most are typos or names in passing). */
export const MIN_OFFERED = 2;

/**
 * The keys of the close-match files a word is filed under, or looked up in:
 * its first letter with its length, and its second letter with its length.
 * A typo keeps the first or the second letter of the word meant (a wrong
 * first letter keeps the second) and changes its length by at most its
 * budget, so a word's candidates are in the files of its own two letters for
 * each length within the budget (`nearLengths`).
 */
export function nearKeys(word: string, lengths: readonly number[] = [[...word].length]): string[] {
  const letters = [...word].slice(0, 2);
  return lengths.flatMap((n) => letters.map((letter, position) => `${position}${letter}${n}`));
}

/** The close-match file (0 … near-1) of a key of `nearKeys`. */
export const nearBucket = (key: string, near: number): number => fnv1a(key) % near;

/** The lengths a close match to `word` may have. */
export function nearLengths(word: string): number[] {
  const n = [...word].length;
  const max = typoBudget(word);
  return Array.from({ length: 2 * max + 1 }, (_, i) => n - max + i).filter((l) => l > 0);
}

/** How many files a vocabulary of `words` words goes into: a power of two, about 1,000 words each. */
export function bucketCount(words: number): number {
  let n = 1;
  while (words / n > 1000 && n < 4096) n *= 2;
  return n;
}

/** A piece of an excerpt: text, marked when it is one of the query's words. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * About `length` words of a turn around the first query word it holds, with
 * every query word (and its other forms) marked. Whole words only, so a
 * match inside a longer word is never marked.
 */
export function excerptOf(text: string, words: readonly string[], stem: Stem, length = 30): ExcerptPart[] {
  const tokens = text.split(/(\s+)/);
  const wanted = new Set(words.filter((w) => !isSpaceless(w)).map(stem));
  const spaceless = words.filter(isSpaceless);
  const isHit = (token: string): boolean =>
    wordsOf(token).some((w) => wanted.has(stem(w))) || spaceless.some((w) => wordsOf(token).join('').includes(w));
  const spoken = tokens.flatMap((t, i) => (/\S/.test(t) ? [i] : []));
  const first = spoken.findIndex((i) => isHit(tokens[i] ?? ''));
  const start = Math.max(0, first - Math.floor(length / 3));
  const from = spoken[start] ?? 0;
  const to = spoken[Math.min(spoken.length - 1, start + length - 1)] ?? tokens.length - 1;
  const parts: ExcerptPart[] = [];
  if (start > 0) parts.push({ text: '… ', mark: false });
  for (let i = from; i <= to; i++) {
    const token = tokens[i] ?? '';
    const mark = /\S/.test(token) && isHit(token);
    const last = parts[parts.length - 1];
    if (last && !last.mark && !mark) last.text += token;
    else parts.push({ text: token, mark });
  }
  if (to < tokens.length - 1) parts.push({ text: ' …', mark: false });
  return parts;
}
