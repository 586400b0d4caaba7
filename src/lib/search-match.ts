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
 * words (`vocabulary`: word → how many turns hold it): the nearest first,
 * then the most used. At most `limit`.
 */
export function suggestions(word: string, vocabulary: Readonly<Record<string, number>>, limit = 3): string[] {
  const max = typoBudget(word);
  if (max === 0) return [];
  return Object.entries(vocabulary)
    .map(([w, n]) => ({ w, n, d: editDistance(word, w, max) }))
    .filter((s) => s.d <= max && s.w !== word)
    .sort((a, b) => a.d - b.d || b.n - a.n || a.w.localeCompare(b.w))
    .slice(0, limit)
    .map((s) => s.w);
}

/**
 * The vocabulary is split into files by a hash of each word's first two
 * letters, so a query reads only the files of its own words; forms of a word
 * share their first letters, so its stems are in the same file.
 */
export const vocabularyKey = (word: string): string => [...word].slice(0, 2).join('');

/** The file (0 … buckets-1) that holds a word. */
export const vocabularyBucket = (word: string, buckets: number): number => fnv1a(vocabularyKey(word)) % buckets;

/** `/search-words/index.json`: the languages of the archive and how its vocabulary is split. */
export interface VocabularyManifest {
  version: 1;
  buckets: number;
  /** Each language's code, its name for readers, and whether it has a vocabulary (spaced scripts only). */
  languages: { code: string; name: string; turns: number; words: boolean }[];
}

/** How many files a vocabulary of `words` words goes into: a power of two, about 2,000 words each. */
export function bucketCount(words: number): number {
  let n = 1;
  while (words / n > 2000 && n < 4096) n *= 2;
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
