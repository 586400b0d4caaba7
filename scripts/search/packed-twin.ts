/**
 * A twin's analysis (`analyze-twin.ts`) with its words and keys as numbers
 * of a {@link Terms} table instead of strings. The search stage's main thread
 * merges millions of them into the passage index and the vocabulary: a
 * string just received from a worker must be hashed before any map can find
 * it, a number is an index. A worker numbers the strings it sees in its own
 * table and sends only the strings it has not sent before; the main thread
 * renumbers them into the one table of the pass.
 */
import { createHash } from 'node:crypto';
import type { AnalyzedPage, AnalyzedTwin } from './analyze-twin.ts';

/** Strings numbered in the order they are first seen, after `known` (which keep their numbers). */
export class Terms {
  readonly strings: string[];
  readonly #ids = new Map<string, number>();

  constructor(known: readonly string[] = []) {
    this.strings = [...known];
    for (const [id, s] of this.strings.entries()) this.#ids.set(s, id);
  }

  id(s: string): number {
    let id = this.#ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.#ids.set(s, id);
    }
    return id;
  }
}

/**
 * A search page with its keys as term numbers. Its passage file's text
 * (`data`) is there when the twin was analyzed or read back this pass; a page
 * read from the pass's store (`pass-store-fs.ts`) has only the text's
 * {@link passageDigest}, and the identity of the file that pass left (`file`).
 */
export interface PackedPage extends Omit<AnalyzedPage, 'keys' | 'counts' | 'data'> {
  keys: Uint32Array;
  counts: Uint32Array;
  data?: string;
  digest?: string;
  file?: string;
}

/** A passage file's digest: SHA-1 of its bytes, in base64. */
export const passageDigest = (data: string | Uint8Array): string => createHash('sha1').update(data).digest('base64');

/** A language's words (term numbers) and how many turns say each; `echoes` likewise. */
export interface PackedLanguage {
  language: string;
  turns: number;
  words: Uint32Array;
  wordTurns: Uint32Array;
  echoes: Uint32Array;
  echoTurns: Uint32Array;
}

export interface PackedTwin {
  pages: PackedPage[];
  languages: PackedLanguage[];
  speakers: [string, string][];
}

/** The term numbers of the strings of `pairs`, and their counts, as two arrays. */
function numbered(pairs: readonly (readonly [string, number])[], terms: Terms): [Uint32Array, Uint32Array] {
  const ids = new Uint32Array(pairs.length);
  const counts = new Uint32Array(pairs.length);
  for (const [i, [s, n]] of pairs.entries()) {
    ids[i] = terms.id(s);
    counts[i] = n;
  }
  return [ids, counts];
}

/** The term numbers of `strings`: a page's keys, millions in a pass, numbered without a pair made for each. */
function numbers(strings: readonly string[], terms: Terms): Uint32Array {
  const ids = new Uint32Array(strings.length);
  for (let i = 0; i < strings.length; i++) ids[i] = terms.id(strings[i] as string);
  return ids;
}

/** `analyzed` with its keys and words numbered in `terms` (which learns the new ones). */
export function packTwin(analyzed: AnalyzedTwin, terms: Terms): PackedTwin {
  const pages = analyzed.pages.map(
    ({ keys, counts, ...page }): PackedPage => ({
      ...page,
      keys: numbers(keys, terms),
      counts: Uint32Array.from(counts),
    }),
  );
  const languages = analyzed.languages.map(({ language, turns, words, echoes }): PackedLanguage => {
    const [w, wordTurns] = numbered(words, terms);
    const [e, echoTurns] = numbered(echoes, terms);
    return { language, turns, words: w, wordTurns, echoes: e, echoTurns };
  });
  return { pages, languages, speakers: analyzed.speakers };
}

/** The buffers of a packed twin's arrays, to transfer to another thread rather than copy. */
export function packedBuffers(packed: PackedTwin): ArrayBuffer[] {
  const arrays = [
    ...packed.pages.flatMap((p) => [p.keys, p.counts]),
    ...packed.languages.flatMap((l) => [l.words, l.wordTurns, l.echoes, l.echoTurns]),
  ];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/** Renumbers, in place, a twin packed in another table whose term `i` is term `toHere[i]` here. */
export function renumber(packed: PackedTwin, toHere: readonly number[]): PackedTwin {
  const map = (ids: Uint32Array): void => {
    for (let i = 0; i < ids.length; i++) ids[i] = toHere[ids[i] as number] as number;
  };
  for (const page of packed.pages) map(page.keys);
  for (const language of packed.languages) {
    map(language.words);
    map(language.echoes);
  }
  return packed;
}
