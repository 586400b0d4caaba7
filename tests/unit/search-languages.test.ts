import { expect, test } from 'vitest';
import { canAnswer, indexesFor, loadedLanguage } from '../../src/lib/search-languages.ts';

const entry = (counts: Record<string, number>) => ({
  languages: Object.fromEntries(Object.entries(counts).map(([l, n]) => [l, { page_count: n }])),
});

test('an English search page loads the English index; another language merges by its own index', () => {
  const mixed = entry({ en: 966, es: 22, pt: 1, zh: 13 });
  expect(loadedLanguage(mixed, 'en')).toBe('en');
  expect(indexesFor(mixed, 'zh', 'en')).toEqual(['zh']);
  expect(indexesFor(mixed, 'en', 'en')).toEqual([]);
  expect(indexesFor(entry({ en: 1, 'pt-br': 2 }), 'pt-BR', 'en')).toEqual(['pt-br']);
  expect(indexesFor(mixed, 'fr', 'en')).toEqual([]);
});

test('a regional page language falls back to its base, then to the largest index, as Pagefind does', () => {
  expect(loadedLanguage(entry({ en: 3, zh: 5 }), 'zh-CN')).toBe('zh');
  expect(loadedLanguage(entry({ es: 3, zh: 5 }), 'en')).toBe('zh');
  expect(indexesFor(entry({ es: 3, zh: 5 }), 'es', 'en')).toEqual(['es']);
  expect(indexesFor(entry({ es: 3, zh: 5 }), 'zh', 'en')).toEqual([]);
  expect(loadedLanguage(entry({}), 'en')).toBeUndefined();
});

test('a language version joins a query only when one of its turns says a query word its original turn does not', () => {
  const none = { script: false, named: false };
  // `lightning channel` in Chinese versions that keep the Latin words of their English originals: not needed.
  expect(canAnswer({ held: [12, 30], echoed: [12, 30], ...none })).toBe(false);
  // One Chinese turn says `channel` where its original does not: needed.
  expect(canAnswer({ held: [12, 30], echoed: [12, 29], ...none })).toBe(true);
  // An original language (no echoes) that says every word; one that misses a word.
  expect(canAnswer({ held: [3, 4], echoed: [], ...none })).toBe(true);
  expect(canAnswer({ held: [3, 0], echoed: [], ...none })).toBe(false);
  // The query's script or the reader's choice brings it in whatever its echoes.
  expect(canAnswer({ held: [12], echoed: [12], script: true, named: false })).toBe(true);
  expect(canAnswer({ held: [12], echoed: [12], script: false, named: true })).toBe(true);
  expect(canAnswer({ held: [], echoed: [], script: true, named: false })).toBe(true);
});
