/**
 * A language's lists of the passage index (`src/lib/passage-index.ts`) as
 * the bytes of their files: bucket files `<n>.json` (key → list, or the name
 * of the file holding a long one) and `own/<name>.json`, each the very JSON
 * text `JSON.stringify` gives of its `PostingsFile` or list.
 *
 * The digits are written straight into one reused byte buffer. Made as a
 * number array per key and then stringified, the 30 million numbers of an
 * archive of 10,000 transcripts took 2.3-2.5 s and 240 MB of fresh heap;
 * written as bytes, 0.3-0.6 s (measured apart, on the same grouped postings).
 */

import { OWN_FILE_AT, postingsBucket } from '../../src/lib/passage-index.ts';
import { fnv1a } from '../core/search-shards.ts';
import type { GroupedPostings } from './postings.ts';

/** About this many characters of lists go into one bucket file before another is added (a power of two of them). */
const BUCKET_CHARS = 4000;
/** The most bucket files of one kind (lists of a language, numbers by address). */
export const MOST_BUCKETS = 8192;

const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const ZERO = 0x30;

/** Bytes written into a buffer that grows when it must, reused from one file to the next. */
class Bytes {
  #buffer = new Uint8Array(1 << 20);
  #at = 0;
  readonly #encoder = new TextEncoder();

  /** Starts a new file: what was written before is let go. */
  reset(): void {
    this.#at = 0;
  }

  /** Room for at least `n` more bytes. */
  room(n: number): void {
    if (this.#at + n <= this.#buffer.length) return;
    const bigger = new Uint8Array(Math.max(this.#buffer.length * 2, this.#at + n));
    bigger.set(this.#buffer.subarray(0, this.#at));
    this.#buffer = bigger;
  }

  /** One byte; {@link room} must have been made. */
  byte(b: number): void {
    this.#buffer[this.#at++] = b;
  }

  /** A whole number ≥ 0 in decimal digits; {@link room} must have been made (at most 16 bytes). */
  digits(n: number): void {
    if (n < 10) {
      this.#buffer[this.#at++] = ZERO + n;
      return;
    }
    let length = 1;
    for (let power = 10; power <= n; power *= 10) length++;
    const end = this.#at + length;
    this.#at = end;
    for (let i = end - 1; n > 0; i--) {
      const rest = Math.floor(n / 10);
      this.#buffer[i] = ZERO + n - rest * 10;
      n = rest;
    }
  }

  /** A string as JSON, in UTF-8. */
  json(text: string): void {
    const json = JSON.stringify(text);
    this.room(json.length * 3);
    this.#at += this.#encoder.encodeInto(json, this.#buffer.subarray(this.#at)).written;
  }

  /** What was written since the last {@link reset}: valid until the next write. */
  written(): Uint8Array {
    return this.#buffer.subarray(0, this.#at);
  }
}

/**
 * Whether JSON.stringify writes `key` before the other keys of an object: an
 * array index (a canonical whole number below 2³² − 1) is kept apart and
 * enumerated first, in ascending order.
 */
const isIndex = (key: string): boolean => /^(?:0|[1-9][0-9]{0,9})$/.test(key) && Number(key) < 2 ** 32 - 1;

/** An object's keys in the order JSON.stringify writes them, given in the order they were set. */
function stringifyOrder<T extends { key: string }>(entries: readonly T[]): T[] {
  const indexes = entries.filter((e) => isIndex(e.key)).sort((a, b) => Number(a.key) - Number(b.key));
  return indexes.length === 0 ? [...entries] : [...indexes, ...entries.filter((e) => !isIndex(e.key))];
}

/**
 * Hands each file of a language's lists to `put` (its path relative to the
 * language's folder, and its bytes, valid only during the call), bucket
 * files first; returns how many bucket files there are. `keys[id]` is key
 * `id`'s string; `weight(count, passage)` how strongly a passage says it.
 */
export function postingsFiles(
  { from, passages, counts }: GroupedPostings,
  keys: readonly string[],
  weight: (count: number, passage: number) => number,
  put: (path: string, bytes: Uint8Array) => void,
): number {
  /** Each key said by some passage, in key order, with its list's length in numbers (two per passage). */
  const named: { key: string; id: number; numbers: number }[] = [];
  for (let id = 0; id < keys.length; id++) {
    const entries = (from[id + 1] as number) - (from[id] as number);
    if (entries > 0) named.push({ key: keys[id] as string, id, numbers: 2 * entries });
  }
  named.sort((a, b) => (a.key < b.key ? -1 : 1));
  const chars = named.reduce((sum, k) => (k.numbers <= OWN_FILE_AT ? sum + k.key.length + 4 + k.numbers * 3 : sum), 0);
  let buckets = 1;
  while (chars / buckets > BUCKET_CHARS && buckets < MOST_BUCKETS) buckets *= 2;

  const out = new Bytes();
  /** `[passage delta, weight, …]` of key `id`. */
  const list = (id: number): void => {
    const start = from[id] as number;
    const end = from[id + 1] as number;
    out.room(2 + (end - start) * 20);
    out.byte(OPEN);
    let last = 0;
    for (let i = start; i < end; i++) {
      const passage = passages[i] as number;
      if (i > start) out.byte(COMMA);
      out.digits(passage - last);
      out.byte(COMMA);
      out.digits(weight(counts[i] as number, passage));
      last = passage;
    }
    out.byte(CLOSE);
  };

  const inBucket: { key: string; id: number; own?: string }[][] = Array.from({ length: buckets }, () => []);
  const names = new Set<string>();
  for (const { key, id, numbers } of named) {
    const bucket = inBucket[postingsBucket(key, buckets)] as { key: string; id: number; own?: string }[];
    if (numbers <= OWN_FILE_AT) {
      bucket.push({ key, id });
      continue;
    }
    let name = `own/${fnv1a(key).toString(36)}`;
    while (names.has(name)) name += '_';
    names.add(name);
    bucket.push({ key, id, own: name });
  }
  for (const [b, entries] of inBucket.entries()) {
    out.reset();
    out.room(1);
    out.byte(OPEN_OBJECT);
    for (const [i, { key, id, own }] of stringifyOrder(entries).entries()) {
      out.room(2);
      if (i > 0) out.byte(COMMA);
      out.json(key);
      out.room(1);
      out.byte(COLON);
      if (own === undefined) list(id);
      else out.json(own);
    }
    out.room(1);
    out.byte(CLOSE_OBJECT);
    put(`${b}.json`, out.written());
  }
  for (const entries of inBucket)
    for (const { id, own } of entries) {
      if (own === undefined) continue;
      out.reset();
      list(id);
      put(`${own}.json`, out.written());
    }
  return buckets;
}
