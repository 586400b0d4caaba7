/**
 * A transcript's vocabulary as a Bloom filter: the words its turns say,
 * folded as the topic matcher folds them, in about 10 bits a word. It answers
 * "might this transcript say every word of this term?" with no false "no"
 * and about 1 % false "yes". A later ingest asks it, instead of reading and
 * folding the transcript's whole text again, whether a topic term new to the
 * archive could file the transcript (a "yes" only costs a parse).
 */
import { foldWords } from './match-topics.ts';
import type { Turn } from './schema.ts';

const HASHES = 7;
const BITS_PER_WORD = 10;

/** FNV-1a, 32 bits, from a given basis: two bases give the two hashes of double hashing. */
function fnv1a(text: string, basis: number): number {
  let hash = basis;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The bit positions of a word in a filter of `bits` bits. */
function positions(word: string, bits: number): number[] {
  const h1 = fnv1a(word, 0x811c9dc5);
  const h2 = fnv1a(word, 0x01000193) | 1;
  return Array.from({ length: HASHES }, (_, i) => (h1 + Math.imul(i, h2)) >>> 0).map((h) => h % bits);
}

/** The filter of the words said in `turns`, base64-encoded. */
export function vocabularyOf(turns: readonly Turn[]): string {
  const words = new Set<string>();
  for (const turn of turns) for (const p of turn.paragraphs) for (const w of foldWords(p)) words.add(w);
  const bytes = new Uint8Array(Math.max(8, Math.ceil((words.size * BITS_PER_WORD) / 8)));
  const bits = bytes.length * 8;
  for (const word of words)
    for (const at of positions(word, bits)) bytes[at >> 3] = (bytes[at >> 3] ?? 0) | (1 << (at & 7));
  return Buffer.from(bytes).toString('base64');
}

/**
 * The test of a transcript's `vocabulary`: whether it may say every one of
 * `words` (folded). `false` means some word is certainly not said.
 */
export function vocabularyTest(vocabulary: string): (words: readonly string[]) => boolean {
  const bytes = Buffer.from(vocabulary, 'base64');
  const bits = bytes.length * 8;
  return (words) =>
    words.every((word) => positions(word, bits).every((at) => ((bytes[at >> 3] ?? 0) & (1 << (at & 7))) !== 0));
}
