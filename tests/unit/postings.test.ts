/**
 * The passage index's postings: entries gathered passage by passage come out
 * grouped by key, each key's passages ascending with their counts, as a list
 * per key filled in the same order would hold them.
 */
import { expect, test } from 'vitest';
import { Postings } from '../../scripts/search/postings.ts';

/** A small deterministic generator, so a failure can be replayed. */
function numbers(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

test('entries come out grouped by key, in the order their passages were added', () => {
  const random = numbers(7);
  const keys = 5000;
  const postings = new Postings();
  const expected = new Map<number, number[]>();
  let entries = 0;
  // More entries than one chunk holds (2^20), so groups span chunks.
  for (let passage = 0; entries < 1_200_000; passage++) {
    // Now and then a passage with no keys at all (a page of nothing but stop words).
    const own =
      passage % 7 === 3 ? [] : [...new Set(Array.from({ length: 400 }, () => Math.floor(keys * random() ** 2)))];
    const counts = own.map(() => 1 + Math.floor(random() * 9));
    postings.add(passage, Uint32Array.from(own), Uint32Array.from(counts));
    for (const [i, key] of own.entries()) {
      const list = expected.get(key) ?? [];
      list.push(passage, counts[i] as number);
      expected.set(key, list);
    }
    entries += own.length;
  }
  const { from, passages, counts } = postings.grouped(keys);
  expect(from[keys]).toBe(entries);
  for (let key = 0; key < keys; key++) {
    const got: number[] = [];
    for (let at = from[key] as number; at < (from[key + 1] as number); at++)
      got.push(passages[at] as number, counts[at] as number);
    expect(got).toEqual(expected.get(key) ?? []);
  }
});

test('no entries: every key has an empty group', () => {
  const { from, passages } = new Postings().grouped(3);
  expect([...from]).toEqual([0, 0, 0, 0]);
  expect(passages.length).toBe(0);
});
