import { describe, expect, test } from 'vitest';
import { byLetter, mostFrequent } from '../../src/lib/by-letter.ts';

const item = (name: string, slug: string) => ({ name, slug });

describe('byLetter', () => {
  test('files names by the first letter of their slug, digits and others after Z', () => {
    const groups = byLetter([
      item('Zhang Wei', 'zhang-wei'),
      item('齐延军', 'qi-yan-jun'),
      item('2nd reporter', '2nd-reporter'),
      item('Anna', 'anna'),
      item('Øystein', '_oystein'),
      item('Qi Yanjun', 'qi-yanjun'),
    ]);
    expect(groups.map((g) => [g.key, g.label, g.items.map((i) => i.name)])).toEqual([
      ['a', 'A', ['Anna']],
      ['q', 'Q', ['Qi Yanjun', '齐延军']],
      ['z', 'Z', ['Zhang Wei']],
      ['0-9', '0–9', ['2nd reporter']],
      ['other', 'Other', ['Øystein']],
    ]);
  });

  test('every item lands in exactly one group', () => {
    const items = Array.from({ length: 500 }, (_, i) =>
      item(`Name ${i}`, `${String.fromCharCode(97 + (i % 26))}-${i}`),
    );
    const groups = byLetter(items);
    expect(groups).toHaveLength(26);
    expect(groups.flatMap((g) => g.items).sort((a, b) => a.slug.localeCompare(b.slug))).toEqual(
      [...items].sort((a, b) => a.slug.localeCompare(b.slug)),
    );
  });
});

describe('mostFrequent', () => {
  test('keeps the highest counts, ties by name, at most the limit', () => {
    const counts = new Map([
      ['b', 5],
      ['a', 5],
      ['c', 9],
      ['d', 1],
    ]);
    const top = mostFrequent(
      ['d', 'c', 'b', 'a'].map((n) => item(n, n)),
      (i) => counts.get(i.name) ?? 0,
      3,
    );
    expect(top.map((i) => i.name)).toEqual(['c', 'a', 'b']);
  });
});
