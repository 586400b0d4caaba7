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
import { foldWord, splitWords } from './match-topics.ts';
import type { Turn } from './schema.ts';
import { fnv1a } from './search-shards.ts';

const HASHES = 7;
const BITS_PER_ENTRY = 10;

/**
 * An entry's two base hashes, from which its seven bit positions are made
 * (double hashing). A word's come from its letters; a pair's are mixed from
 * its two words' hashes, so no pair string is ever built: a transcript of
 * 10,000 words has 20,000 entries, and this runs for every transcript.
 */
type Hashes = readonly [number, number];

function wordHashes(word: string): Hashes {
  return [fnv1a(word, 0x811c9dc5), fnv1a(word, 0x01000193)];
}

/** Murmur3's 32-bit finaliser: every input bit moves every output bit. */
function fmix(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

function pairHashes(a: Hashes, b: Hashes): Hashes {
  return [fmix(Math.imul(a[0], 31) ^ b[0] ^ 0x9e3779b9), fmix(Math.imul(a[1], 37) ^ b[1] ^ 0x7f4a7c15)];
}

/** Calls `at` with each bit position of the entry whose base hashes are `h`, in a filter of `bits` bits. */
function eachPosition(h: Hashes, bits: number, at: (bit: number) => void): void {
  const step = h[1] | 1;
  for (let i = 0; i < HASHES; i++) at(((h[0] + Math.imul(i, step)) >>> 0) % bits);
}

/**
 * The entries of the filter for `turns`, as each entry's two base hashes: each
 * word, and each pair of neighbours. A turn is one run, as the matcher joins
 * its paragraphs. A word is folded and hashed once per transcript: `known`
 * holds it by its written form, which repeats far more often than not.
 */
function entriesOf(turns: readonly Turn[]): { first: Uint32Array; second: Uint32Array } {
  const known = new Map<string, Hashes>();
  const runs = turns.map((turn) => splitWords(turn.paragraphs.join(' ')));
  const size = runs.reduce((n, words) => n + Math.max(0, 2 * words.length - 1), 0);
  const first = new Uint32Array(size);
  const second = new Uint32Array(size);
  let n = 0;
  for (const words of runs) {
    let before: Hashes | undefined;
    for (const written of words) {
      let h = known.get(written);
      if (h === undefined) {
        h = wordHashes(foldWord(written));
        known.set(written, h);
      }
      first[n] = h[0];
      second[n++] = h[1];
      if (before) {
        const pair = pairHashes(before, h);
        first[n] = pair[0];
        second[n++] = pair[1];
      }
      before = h;
    }
  }
  return { first: first.subarray(0, n), second: second.subarray(0, n) };
}

/**
 * How many different numbers `values` holds, counted in an open-addressing
 * table of twice their number (the values are hashes already, evenly spread):
 * linear in their number, where sorting them cost a tenth of a worker's time.
 */
function distinctCount(values: Uint32Array): number {
  let size = 16;
  while (size < values.length * 2) size *= 2;
  const mask = size - 1;
  // 0 marks an empty slot, so the value 0 is counted on its own.
  const table = new Uint32Array(size);
  let zero = 0;
  let n = 0;
  for (let e = 0; e < values.length; e++) {
    const v = values[e] as number;
    if (v === 0) {
      zero = 1;
      continue;
    }
    let slot = (v ^ (v >>> 16)) & mask;
    for (;;) {
      const held = table[slot] as number;
      if (held === 0) {
        table[slot] = v;
        n++;
        break;
      }
      if (held === v) break;
      slot = (slot + 1) & mask;
    }
  }
  return n + zero;
}

/** The filter of what is said in `turns`, base64-encoded. */
export function vocabularyOf(turns: readonly Turn[]): string {
  const { first, second } = entriesOf(turns);
  // Sized by the distinct entries (told apart by their first hash); every entry sets its bits.
  const bytes = new Uint8Array(Math.max(8, Math.ceil((distinctCount(first) * BITS_PER_ENTRY) / 8)));
  const bits = (bytes.length * 8) >>> 0;
  for (let e = 0; e < first.length; e++) {
    const base = first[e] as number;
    const step = (second[e] as number) | 1;
    for (let i = 0; i < HASHES; i++) {
      const at = (((base + Math.imul(i, step)) >>> 0) % bits) >>> 0;
      bytes[at >> 3] = (bytes[at >> 3] as number) | (1 << (at & 7));
    }
  }
  return Buffer.from(bytes).toString('base64');
}

/** Each base64 digit's value, by its character code; -1 for any other character. */
const DIGITS = new Int8Array(128).fill(-1);
for (const [i, c] of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].entries())
  DIGITS[c.charCodeAt(0)] = i;

/**
 * A filter's bits read from its base64 text as they are in the bytes it
 * encodes (bit `at` of byte `at >> 3`, lowest first), without decoding it:
 * a topic term new to the archive is tested against every transcript's
 * filter (92 MB of them at 10,000), where decoding each took ~0.5 s in all.
 */
export function filterBits(vocabulary: string): { bits: number; has(at: number): boolean } {
  const padding = vocabulary.endsWith('==') ? 2 : vocabulary.endsWith('=') ? 1 : 0;
  const bits = ((vocabulary.length / 4) * 3 - padding) * 8;
  return {
    bits,
    has(at) {
      // Three bytes make four digits: byte j of its three is bits 8(2 - j) to 8(2 - j) + 7 of their 24,
      // and digit k of four is bits 18 - 6k to 23 - 6k.
      const byte = at >> 3;
      const group = Math.floor(byte / 3);
      const place = (2 - (byte - group * 3)) * 8 + (at & 7);
      const digit = DIGITS[vocabulary.charCodeAt(group * 4 + 3 - Math.floor(place / 6))] ?? -1;
      return digit >= 0 && ((digit >> (place % 6)) & 1) === 1;
    },
  };
}

/**
 * The test of a transcript's `vocabulary`: whether it may say `words` (a
 * folded term), one after the other within a turn. `false` means it certainly
 * does not.
 */
export function vocabularyTest(vocabulary: string): (words: readonly string[]) => boolean {
  const filter = filterBits(vocabulary);
  const has = (h: Hashes) => {
    let all = true;
    eachPosition(h, filter.bits, (at) => {
      if (!filter.has(at)) all = false;
    });
    return all;
  };
  // A term of two words or more is held when each of its pairs is (which holds its words too).
  return (words) => {
    const hashes = words.map(wordHashes);
    if (hashes.length === 1) return has(hashes[0] as Hashes);
    return hashes.slice(1).every((h, i) => has(pairHashes(hashes[i] as Hashes, h)));
  };
}
