import { expect, test } from 'vitest';
import {
  inPart,
  PAGEFIND_BYTES_PER_HTML_BYTE,
  parsePart,
  shardCount,
  shardDir,
  shardOf,
  shardsAtOnce,
} from '../../scripts/core/search-shards.ts';

const slugs = Array.from({ length: 4000 }, (_, i) => `transcript-${i}`);

test('the shard count is the smallest power of two that keeps shards near the size asked for', () => {
  expect([0, 1, 1000, 1001, 2000, 2001, 10_000].map((n) => shardCount(n, 1000))).toEqual([1, 1, 1, 2, 2, 4, 16]);
});

test('shards index one per core while their expected peaks fit the memory budget, and never fewer than one', () => {
  const GB = 1024 ** 3;
  const html = (peak: number): number => peak / PAGEFIND_BYTES_PER_HTML_BYTE;
  // 10,000 bench transcripts on 2 cores and 24 GiB (budget 12): 2,500-page shards peak near 3.5 GB, 5,000-page ones near 7.
  expect(shardsAtOnce(2, 12 * GB, html(3.5 * GB))).toBe(2);
  expect(shardsAtOnce(2, 12 * GB, html(7 * GB))).toBe(1);
  expect(shardsAtOnce(8, 12 * GB, html(3.5 * GB))).toBe(3);
  expect(shardsAtOnce(2, 1 * GB, html(20 * GB))).toBe(1);
  expect(shardsAtOnce(4, 12 * GB, 0)).toBe(4);
});

test('a slug always lands in the same shard, and shards are balanced', () => {
  expect(shardOf('seed-press-conference', 16)).toBe(shardOf('seed-press-conference', 16));
  const sizes = new Array<number>(8).fill(0);
  for (const s of slugs) sizes[shardOf(s, 8)] = (sizes[shardOf(s, 8)] ?? 0) + 1;
  for (const size of sizes) expect(size).toBeGreaterThan(400);
});

test('parts split the transcripts without overlap, and are hashed apart from shards', () => {
  const parts = [0, 1, 2].map((index) => slugs.filter((s) => inPart(s, { index, count: 3 })));
  expect(parts.reduce((n, p) => n + p.length, 0)).toBe(slugs.length);
  for (const part of parts) {
    expect(part.length).toBeGreaterThan(1200);
    expect(new Set(part.map((s) => shardOf(s, 2))).size).toBe(2);
  }
  expect(inPart('x', undefined)).toBe(true);
});

test('--part reads K/N, and anything else is refused with an example', () => {
  expect(parsePart('2/4')).toEqual({ index: 1, count: 4 });
  expect(parsePart('5/4')).toEqual({ error: '`5/4` is not a part such as 1/4 (part 1 of 4)' });
  expect(parsePart('one')).toHaveProperty('error');
});

test('shard folders: the primary index in /pagefind/ itself, the others apart, parts apart from each other', () => {
  expect([0, 1, 2].map((k) => shardDir(k))).toEqual(['', 'shard-1/', 'shard-2/']);
  expect(shardDir(0, { index: 0, count: 2 })).toBe('');
  expect(shardDir(1, { index: 0, count: 2 })).toBe('shard-1-1/');
  expect(shardDir(0, { index: 1, count: 2 })).toBe('shard-2-0/');
});
