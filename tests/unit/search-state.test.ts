import { expect, test } from 'vitest';
import {
  FILTER_BUCKETS,
  filterKey,
  filterKeys,
  hasPhrases,
  highlightTerms,
  joinBuckets,
  pagefindOptions,
  queryPhrases,
  stateFromUrl,
  stateToUrl,
  withHighlight,
} from '../../src/lib/search-state.ts';

test('a quoted stretch of two words or more is a phrase; a quoted single word is a word', () => {
  expect(queryPhrases('"telecom fraud" Myanmar')).toEqual(['telecom fraud']);
  expect(queryPhrases('"telecom fraud" and " money  laundering "')).toEqual(['telecom fraud', 'money  laundering']);
  expect(queryPhrases('  ')).toEqual([]);
  expect(queryPhrases('"fraud"')).toEqual([]);
});

test('a turn has a phrase only when its words stand together, case and punctuation aside', () => {
  expect(hasPhrases('Crack down on Telecom-fraud, now.', ['telecom fraud'])).toBe(true);
  expect(hasPhrases('telecom and fraud', ['telecom fraud'])).toBe(false);
  expect(hasPhrases('a telecom fraudster', ['telecom fraud'])).toBe(false);
});

test('the query, filters and sort round-trip through the URL', () => {
  const state = {
    q: 'dam cost',
    filters: { speaker: ['Anna Berg', 'Reuters'], year: ['2024'] },
    sort: 'newest' as const,
  };
  const url = stateToUrl(new URL('https://a.example/search/?old=1'), state);
  expect(url.search).toBe('?q=dam+cost&speaker=Anna+Berg&speaker=Reuters&year=2024&sort=newest');
  expect(stateFromUrl(url)).toEqual(state);
  expect(stateFromUrl(new URL('https://a.example/search/?sort=bogus'))).toEqual({
    q: '',
    filters: {},
    sort: 'relevance',
  });
});

test('filters and sort become Pagefind options; a topic or speaker is looked up in its bucket', () => {
  const bucket = filterKey('topic', 'Telecom fraud');
  expect(Number(bucket.replace(/^topic-/, ''))).toBeLessThan(FILTER_BUCKETS);
  expect(filterKeys('topic')).toContain(bucket);
  expect(filterKeys('topic')).toHaveLength(FILTER_BUCKETS);
  expect(filterKey('year', '2024')).toBe('year');
  expect(
    pagefindOptions({ q: '', filters: { topic: ['Telecom fraud'], kind: [], year: ['2024', '2023'] }, sort: 'oldest' }),
  ).toEqual({
    filters: { [bucket]: { any: ['Telecom fraud'] }, year: { any: ['2024', '2023'] } },
    sort: { date: 'asc' },
  });
});

test('values of one long filter in different buckets are alternatives; different filters all apply', () => {
  const names = Array.from({ length: 40 }, (_, i) => `Topic ${i}`);
  const a = names[0] as string;
  const b = names.find((n) => filterKey('topic', n) !== filterKey('topic', a)) as string;
  const same = names.find((n) => n !== a && filterKey('topic', n) === filterKey('topic', a)) as string;
  const speaker = filterKey('speaker', 'Qi Yanjun');
  expect(
    pagefindOptions({ q: 'x', filters: { topic: [a, b, same], speaker: ['Qi Yanjun'] }, sort: 'relevance' }),
  ).toEqual({
    filters: {
      [speaker]: { any: ['Qi Yanjun'] },
      all: [{ any: [{ [filterKey('topic', a)]: { any: [a, same] } }, { [filterKey('topic', b)]: { any: [b] } }] }],
    },
  });
});

test("Pagefind's counts per bucket are joined back under the filter's name", () => {
  expect(
    joinBuckets({
      'topic-3': { Privacy: 2 },
      'topic-12': { 'Telecom fraud': 3 },
      year: { '2024': 1 },
      'speaker-0': {},
    }),
  ).toEqual({ topic: { Privacy: 2, 'Telecom fraud': 3 }, year: { '2024': 1 }, speaker: {} });
});

test('the terms marked on arrival: quoted phrases whole, other words one by one', () => {
  expect(highlightTerms('"telecom  fraud" Myanmar')).toEqual(['telecom fraud', 'Myanmar']);
  expect(highlightTerms('telecom fraud telecom')).toEqual(['telecom', 'fraud']);
  expect(highlightTerms('电信诈骗')).toEqual(['电信诈骗']);
  expect(highlightTerms('  ')).toEqual([]);
  expect(highlightTerms('"unclosed phrase')).toEqual(['unclosed', 'phrase']);
});

test('a hit link carries its terms before the turn anchor, encoded', () => {
  expect(withHighlight('/transcripts/a/#t2', ['telecom fraud', 'Myanmar'])).toBe(
    '/transcripts/a/?highlight=telecom%20fraud&highlight=Myanmar#t2',
  );
  expect(withHighlight('/transcripts/a/', ['a&b'])).toBe('/transcripts/a/?highlight=a%26b');
  expect(withHighlight('/transcripts/a/#t2', [])).toBe('/transcripts/a/#t2');
  const url = new URL(withHighlight('/transcripts/a/#t2', ['"x" <y>']), 'http://h');
  expect(url.searchParams.getAll('highlight')).toEqual(['"x" <y>']);
  expect(url.hash).toBe('#t2');
});
