/**
 * The passage index's list files, written as bytes: each is the very JSON
 * text `JSON.stringify` gives of the `PostingsFile` (or own list) it stands
 * for, and reads back to the same passages and weights. The reference here
 * builds those objects the plain way, one key at a time.
 */
import { expect, test } from 'vitest';
import { fnv1a } from '../../scripts/core/search-shards.ts';
import { Postings } from '../../scripts/search/postings.ts';
import { postingsFiles } from '../../scripts/search/postings-files.ts';
import { decodeList, OWN_FILE_AT, type PostingsFile, postingsBucket } from '../../src/lib/passage-index.ts';

/** Keys of every kind a JSON object treats apart: array indexes (written first), non-ASCII, escapes. */
const SPECIAL = [
  '2020',
  '7',
  '0',
  '007',
  '4294967295',
  '4294967294',
  '!',
  ' lead',
  'café',
  '电动',
  'say "so"',
  'back\\slash',
  'ok',
];

/** A small deterministic generator, so a failure can be replayed. */
function numbers(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/**
 * Writes the lists of `passages` passages, each saying key 0 (a list long
 * enough for a file of its own, when there are enough passages) and a few
 * others, and checks every file against the reference. Returns how many buckets.
 */
function checkFiles(keys: readonly string[], passages: number): number {
  const random = numbers(11);
  const postings = new Postings();
  /** Per key, its passages and counts in order. */
  const said = new Map<number, [number, number][]>();
  for (let passage = 0; passage < passages; passage++) {
    const own = [0, ...new Set(Array.from({ length: 6 }, () => 1 + Math.floor((keys.length - 1) * random() ** 2)))];
    own.sort((a, b) => a - b);
    const counts = own.map(() => 1 + Math.floor(random() * 5));
    postings.add(passage, Uint32Array.from(own), Uint32Array.from(counts));
    for (const [i, key] of own.entries()) said.set(key, [...(said.get(key) ?? []), [passage, counts[i] as number]]);
  }
  // A weight made from both the count and the passage, so a mix-up shows.
  const weight = (count: number, passage: number): number => count * 3 + (passage % 4);

  const files = new Map<string, string>();
  const buckets = postingsFiles(postings.grouped(keys.length), keys, weight, (path, bytes) => {
    expect(files.has(path)).toBe(false);
    files.set(path, Buffer.from(bytes).toString('utf8'));
  });

  // The reference: each key's list as numbers, set on its bucket's object in key order.
  const objects: PostingsFile[] = Array.from({ length: buckets }, () => ({}));
  const own = new Map<string, string>();
  const names = new Set<string>();
  const sorted = [...said.keys()].map((id) => [keys[id] as string, id] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  for (const [key, id] of sorted) {
    let last = 0;
    const list = (said.get(id) ?? []).flatMap(([passage, count]) => {
      const pair = [passage - last, weight(count, passage)];
      last = passage;
      return pair;
    });
    const object = objects[postingsBucket(key, buckets)] as PostingsFile;
    if (list.length <= OWN_FILE_AT) {
      object[key] = list;
      continue;
    }
    let name = `own/${fnv1a(key).toString(36)}`;
    while (names.has(name)) name += '_';
    names.add(name);
    object[key] = name;
    own.set(`${name}.json`, JSON.stringify(list));
  }
  expect(own.size > 0).toBe(2 * passages > OWN_FILE_AT);
  const expected = new Map([...objects.map((o, i) => [`${i}.json`, JSON.stringify(o)] as const), ...own]);
  expect([...files.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [path, text] of expected) expect(files.get(path), path).toBe(text);

  // Read back as the browser reads them.
  for (const [id, entries] of said) {
    const key = keys[id] as string;
    const entry = (JSON.parse(files.get(`${postingsBucket(key, buckets)}.json`) ?? '{}') as PostingsFile)[key];
    const list = typeof entry === 'string' ? (JSON.parse(files.get(`${entry}.json`) ?? '[]') as number[]) : entry;
    expect([...decodeList(list ?? [])]).toEqual(entries.map(([passage, count]) => [passage, weight(count, passage)]));
  }
  return buckets;
}

test('each list file holds the JSON of its object, and reads back to the passages and weights given', () => {
  expect(checkFiles([...SPECIAL, ...Array.from({ length: 400 }, (_, i) => `word${i}`)], 3000)).toBeGreaterThan(1);
});

test('in one bucket, array-index keys come first in number order, as in JSON.stringify', () => {
  expect(checkFiles(SPECIAL, 12)).toBe(1);
});

test('no key said: one empty bucket file', () => {
  const files = new Map<string, string>();
  const buckets = postingsFiles(
    new Postings().grouped(2),
    ['a', 'b'],
    () => 1,
    (path, bytes) => {
      files.set(path, Buffer.from(bytes).toString('utf8'));
    },
  );
  expect(buckets).toBe(1);
  expect([...files]).toEqual([['0.json', '{}']]);
});

test('passage numbers and weights of every width are written in full', () => {
  const postings = new Postings();
  const wide = [0, 9, 10, 99, 100, 999_999, 1_000_000, 123_456_789];
  for (const passage of wide) postings.add(passage, Uint32Array.of(0), Uint32Array.of(1));
  const files = new Map<string, string>();
  postingsFiles(
    postings.grouped(1),
    ['k'],
    (_, passage) => passage,
    (path, bytes) => {
      files.set(path, Buffer.from(bytes).toString('utf8'));
    },
  );
  const list = (JSON.parse(files.get('0.json') ?? '{}') as PostingsFile)['k'] as number[];
  expect([...decodeList(list)]).toEqual(wide.map((p) => [p, p]));
});
