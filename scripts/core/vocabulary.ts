/**
 * A transcript's vocabulary as a Bloom filter: the words its turns say and
 * each pair of words said one after the other, folded as the topic matcher
 * folds them, in about 10 bits an entry. It answers "might this transcript
 * say this term?" with no false "no" and about 1 % false "yes" per entry
 * asked. A later ingest asks it, instead of reading and folding the
 * transcript's whole text again, whether a topic term new to the archive
 * could file the transcript (a "yes" only costs a parse). Pairs keep a term of
 * two common words ("open source") from matching every transcript that says
 * both words somewhere.
 */
import { foldWords } from './match-topics.ts';
import type { Turn } from './schema.ts';
import { fnv1a } from './search-shards.ts';

const HASHES = 7;
const BITS_PER_ENTRY = 10;

/** The bit positions of an entry in a filter of `bits` bits. */
function positions(entry: string, bits: number): number[] {
  const h1 = fnv1a(entry, 0x811c9dc5);
  const h2 = fnv1a(entry, 0x01000193) | 1;
  return Array.from({ length: HASHES }, (_, i) => (h1 + Math.imul(i, h2)) >>> 0).map((h) => h % bits);
}

/** Each pair of neighbours in a run of folded words, as the filter holds it. */
function pairsOf(words: readonly string[]): string[] {
  return words.slice(1).map((w, i) => `${words[i]} ${w}`);
}

/**
 * What the filter holds for a run of folded words: each word, and each pair
 * of neighbours. A turn is one run, as the matcher joins its paragraphs.
 */
function entriesOf(words: readonly string[]): string[] {
  return [...words, ...pairsOf(words)];
}

/** The filter of what is said in `turns`, base64-encoded. */
export function vocabularyOf(turns: readonly Turn[]): string {
  const entries = new Set<string>();
  for (const turn of turns) for (const e of entriesOf(foldWords(turn.paragraphs.join(' ')))) entries.add(e);
  const bytes = new Uint8Array(Math.max(8, Math.ceil((entries.size * BITS_PER_ENTRY) / 8)));
  const bits = bytes.length * 8;
  for (const entry of entries)
    for (const at of positions(entry, bits)) bytes[at >> 3] = (bytes[at >> 3] ?? 0) | (1 << (at & 7));
  return Buffer.from(bytes).toString('base64');
}

/**
 * The test of a transcript's `vocabulary`: whether it may say `words` (a
 * folded term), one after the other within a turn. `false` means it certainly
 * does not.
 */
export function vocabularyTest(vocabulary: string): (words: readonly string[]) => boolean {
  const bytes = Buffer.from(vocabulary, 'base64');
  const bits = bytes.length * 8;
  const has = (entry: string) => positions(entry, bits).every((at) => ((bytes[at >> 3] ?? 0) & (1 << (at & 7))) !== 0);
  // A term of two words or more is held when each of its pairs is (which holds its words too).
  return (words) => (words.length === 1 ? words : pairsOf(words)).every(has);
}
