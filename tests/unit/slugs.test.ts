import { expect, test } from 'vitest';
import { fileSlug, toSlug } from '../../scripts/core/slugs.ts';

test.each([
  ['Qi Yanjun', 'qi-yanjun'],
  ['China Central Television (CCTV)', 'china-central-television-cctv'],
  ['Ségolène Royal', 'segolene-royal'],
  ['王毅', 'wang-yi'],
  ['Mr. Qi', 'mr-qi'],
  ['  --Law-enforcement  cooperation--  ', 'law-enforcement-cooperation'],
  ['UN peacekeeping', 'un-peacekeeping'],
  ['—', ''],
])('toSlug(%j) is %j', (text, slug) => {
  expect(toSlug(text)).toBe(slug);
});

test('a file slug drops folders and the extension and keeps digits', () => {
  expect(fileSlug('seeds/000_b208c8174473c045.txt')).toBe('000-b208c8174473c045');
  expect(fileSlug('a/b/2024-09-05 Press Briefing.txt')).toBe('2024-09-05-press-briefing');
});

test('slugs are a pure function of the text, so a rebuild gives the same URLs', () => {
  expect(toSlug('China Central Television (CCTV)')).toBe(toSlug('China Central Television (CCTV)'));
});
