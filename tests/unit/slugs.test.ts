import { expect, test } from 'vitest';
import { fileSlug, nameSlug, toSlug } from '../../scripts/core/slugs.ts';

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

test('a file slug is its path in the seeds folder without the extension, digits kept', () => {
  expect(fileSlug('000_b208c8174473c045.txt')).toBe('000-b208c8174473c045');
  expect(fileSlug('2024/04/kernel.md')).toBe('2024-04-kernel');
  expect(fileSlug('a\\b/2024-09-05 Press Briefing.txt')).toBe('a-b-2024-09-05-press-briefing');
});

test('slugs are a pure function of the text, so a rebuild gives the same URLs', () => {
  expect(toSlug('China Central Television (CCTV)')).toBe(toSlug('China Central Television (CCTV)'));
});

test('a name with nothing to transliterate still gets a slug, stable and distinct per name', () => {
  expect(nameSlug('Qi Yanjun')).toBe('qi-yanjun');
  expect(nameSlug('?!')).toMatch(/^name-[0-9a-f]{8}$/);
  expect(nameSlug('?!')).toBe(nameSlug('?!'));
  expect(nameSlug('ꓐ')).not.toBe(nameSlug('?!'));
});
