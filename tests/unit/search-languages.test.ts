import { expect, test } from 'vitest';
import { loadedLanguage, otherLanguages } from '../../src/lib/search-languages.ts';

const entry = (counts: Record<string, number>) => ({
  languages: Object.fromEntries(Object.entries(counts).map(([l, n]) => [l, { page_count: n }])),
});

test('an English search page loads the English index; every other language is merged', () => {
  const mixed = entry({ en: 966, es: 22, pt: 1, zh: 13 });
  expect(loadedLanguage(mixed, 'en')).toBe('en');
  expect(otherLanguages(mixed, 'en')).toEqual(['es', 'pt', 'zh']);
});

test('a regional page language falls back to its base, then to the largest index, as Pagefind does', () => {
  expect(loadedLanguage(entry({ en: 3, zh: 5 }), 'zh-CN')).toBe('zh');
  expect(loadedLanguage(entry({ es: 3, zh: 5 }), 'en')).toBe('zh');
  expect(otherLanguages(entry({ es: 3, zh: 5 }), 'en')).toEqual(['es']);
  expect(otherLanguages(entry({ en: 4 }), 'en')).toEqual([]);
  expect(loadedLanguage(entry({}), 'en')).toBeUndefined();
});
