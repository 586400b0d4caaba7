import { expect, test } from 'vitest';
import { answersFilters, matchingTurns, type PageData, turnsOf, valueCounts } from '../../src/lib/search-hits.ts';
import { noStem } from '../../src/lib/search-match.ts';
import {
  languageName,
  pagefindRecord,
  searchRecord,
  type Twin,
  turnFacts,
  UNDATED,
  UNNAMED_VOICES,
} from '../../src/lib/search-record.ts';
import { filterKey, type SearchState } from '../../src/lib/search-state.ts';
import { asFound } from '../helpers/search-page.ts';

const twin: Twin = {
  schemaVersion: 1,
  slug: 'briefing',
  title: 'Briefing <one>',
  date: null,
  event: null,
  location: null,
  language: 'en',
  url: '/transcripts/briefing/',
  sourceUrl: null,
  media: null,
  summary: null,
  published: null,
  updated: null,
  words: 13,
  sections: [],
  exchanges: [],
  retired: { turns: [], anchors: [] },
  speakers: [
    { slug: 'jane-doe', name: 'Jane Doe', kind: 'person', turns: 2, words: 9 },
    { slug: 'reuters', name: 'Reuters', kind: 'organisation', turns: 1, words: 4 },
  ],
  turns: [
    { id: 't1', url: '/transcripts/briefing/#t1', speaker: 'jane-doe', label: 'JANE', paragraphs: ['Good morning.'] },
    {
      id: 't2',
      url: '/transcripts/briefing/#t2',
      speaker: 'reuters',
      label: 'Reuters',
      paragraphs: ['What about telecom fraud?'],
    },
    {
      id: 't3',
      url: '/transcripts/briefing/#t3',
      speaker: 'jane-doe',
      label: 'JANE',
      paragraphs: ['Telecom fraud fell, see [the report](https://example.org/r).'],
    },
  ].map((turn) => ({ start: null, end: null, fingerprint: null, annotations: [], earlier: [], ...turn })),
  topics: [{ slug: 'telecom-fraud', name: 'Telecom fraud', turns: ['t2', 't3'] }],
  preamble: [],
  credits: [],
  notes: [],
  prevails: null,
  versions: [],
};

test('the search record holds only what was said; speakers, topics and facts are filters and metadata', () => {
  const record = searchRecord(twin);
  expect(record.paragraphs.join(' ')).toBe(
    'Good morning. What about telecom fraud? Telecom fraud fell, see the report.',
  );
  expect(JSON.parse(record.meta['facts'] ?? '')).toEqual(turnFacts(twin));
  // Pagefind is given the filters and the title alone: no text, no metadata (the passage index serves them).
  const pagefind = pagefindRecord(searchRecord(twin), '/transcripts/briefing/');
  expect(pagefind.content).toBe('Briefing <one>');
  expect(pagefind.meta).toEqual({ title: 'Briefing <one>' });
  expect(pagefind.url).toBe('/transcripts/briefing/');
  // A speaker is a filter value, never text.
  expect(JSON.stringify([pagefind.content, pagefind.meta])).not.toMatch(/telecom fraud\?|Jane Doe/);
  const filters = Object.entries(pagefind.filters).flatMap(([key, values]) => values.map((v) => [key, v]));
  expect(filters).toContainEqual(['year', UNDATED]);
  expect(filters).toContainEqual(['language', 'English']);
  expect(filters).toContainEqual([filterKey('speaker', 'Reuters'), 'Reuters']);
  expect(filters).toContainEqual([filterKey('topic', 'Telecom fraud'), 'Telecom fraud']);
  expect(filters).toContainEqual(['kind', 'Organisation']);
  expect(filters.some(([key]) => key?.startsWith('format'))).toBe(false);
  expect(pagefind.sort).toEqual({ date: '0000' });
  // Filed as Pagefind files an HTML page of this language: lower-cased.
  expect(pagefindRecord({ ...searchRecord(twin), language: 'zh-Hans' }, '/x/').language).toBe('zh-hans');
  expect(turnFacts(twin).turns).toEqual([
    ['t1', 0, [], 2],
    ['t2', 1, [0], 4],
    ['t3', 0, [0], 6],
  ]);
  expect(languageName('zh')).toBe('Chinese');
  expect(languageName('not a tag')).toBe('not a tag');
});

/** The record as Pagefind gives it back: the turns' text, one after the other. */
const asPagefindData = (): PageData => asFound({ path: 'transcripts/briefing/index.html', record: searchRecord(twin) });

const state = (filters: SearchState['filters'] = {}): SearchState => ({ q: '', filters, sort: 'relevance' });

test('hits are the turns holding every word, each with its own speaker, kind and topics', () => {
  const page = asPagefindData();
  expect(turnsOf(page).map((t) => [t.id, t.speaker, t.speakerUrl, t.values.kind[0], t.values.topic])).toEqual([
    ['t1', 'Jane Doe', '/speakers/jane-doe/', 'Person', []],
    ['t2', 'Reuters', '/speakers/reuters/', 'Organisation', ['Telecom fraud']],
    ['t3', 'Jane Doe', '/speakers/jane-doe/', 'Person', ['Telecom fraud']],
  ]);
  const matching = matchingTurns(page, ['telecom', 'fraud'], [], noStem);
  expect(matching.map((t) => t.id)).toEqual(['t2', 't3']);
  expect(matchingTurns(page, ['jane'], [], noStem)).toEqual([]);
  expect(matchingTurns(page, ['fraud', 'fell'], ['fraud fell'], noStem).map((t) => t.id)).toEqual(['t3']);
  // A speaker filter keeps that speaker's turns, not the transcript's.
  const chosen = state({ speaker: ['Jane Doe'] });
  expect(matching.filter((h) => answersFilters(h, chosen)).map((h) => h.id)).toEqual(['t3']);
});

test('each value counts the hits choosing it gives, over the other filters', () => {
  const page = asPagefindData();
  const matching = matchingTurns(page, ['telecom'], [], noStem);
  const none = valueCounts(matching, state(), ['speaker', 'kind', 'year', 'topic']);
  expect(Object.fromEntries(none.speaker)).toEqual({ 'Jane Doe': 1, Reuters: 1 });
  expect(Object.fromEntries(none.year)).toEqual({ [UNDATED]: 2 });
  expect(Object.fromEntries(none.topic)).toEqual({ 'Telecom fraud': 2 });
  const chosen = state({ kind: ['Person'] });
  const counts = valueCounts(matching, chosen, ['speaker', 'kind']);
  expect(Object.fromEntries(counts.speaker)).toEqual({ 'Jane Doe': 1 });
  // The kind filter's own values are counted without it: choosing Organisation too adds Reuters' turn.
  expect(Object.fromEntries(counts.kind)).toEqual({ Person: 1, Organisation: 1 });
  for (const [speaker, n] of counts.speaker) {
    const picked = state({ kind: ['Person'], speaker: [speaker] });
    expect(matching.filter((h) => answersFilters(h, picked)).length).toBe(n);
  }
});

test('generic speakers (Q, A, Speaker 0) are one group in the speaker filter, not people', () => {
  const qa: Twin = {
    ...twin,
    speakers: [
      { slug: 'q-in-briefing', name: 'Q', kind: 'role', turns: 1, words: 4 },
      { slug: 'speaker-0-in-briefing', name: 'Speaker 0', kind: 'role', turns: 2, words: 9 },
    ],
    turns: twin.turns.map((t, i) => ({ ...t, speaker: i === 1 ? 'q-in-briefing' : 'speaker-0-in-briefing' })),
  };
  const { filters } = pagefindRecord(searchRecord(qa), '/transcripts/briefing/');
  const speakers = Object.entries(filters).filter(([key]) => key.startsWith('speaker'));
  expect(speakers).toEqual([[filterKey('speaker', UNNAMED_VOICES), [UNNAMED_VOICES]]]);
  const page: PageData = {
    url: '/transcripts/briefing/',
    content: 'Good morning. What about telecom fraud? Telecom fraud fell, see the report.',
    meta: { title: 'Briefing', facts: JSON.stringify(turnFacts(qa)) },
  };
  // Each turn still shows its own label; the filter groups them.
  const turns = turnsOf(page);
  expect(turns.map((t) => t.speaker)).toEqual(['Speaker 0', 'Q', 'Speaker 0']);
  expect(new Set(turns.flatMap((t) => t.values.speaker))).toEqual(new Set([UNNAMED_VOICES]));
});

test('a turn with no person shows its label as written, from the facts (the record has no per-turn anchor)', () => {
  const unnamed: Twin = {
    ...twin,
    speakers: twin.speakers.slice(0, 1),
    turns: twin.turns.map((t, i) => (i === 1 ? { ...t, speaker: '', label: 'MODERATOR' } : t)),
  };
  const turns = turnsOf(asFound({ path: 'transcripts/briefing/index.html', record: searchRecord(unnamed) }));
  expect(turns.map((t) => [t.id, t.speaker, t.speakerUrl, t.values.speaker])).toEqual([
    ['t1', 'Jane Doe', '/speakers/jane-doe/', ['Jane Doe']],
    ['t2', 'MODERATOR', undefined, []],
    ['t3', 'Jane Doe', '/speakers/jane-doe/', ['Jane Doe']],
  ]);
  expect(turns[1]?.text).toBe('What about telecom fraud?');
});
