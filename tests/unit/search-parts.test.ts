/** A long transcript is indexed in parts of whole turns: a hit loads its part, and still lands on its turn. */
import { describe, expect, test } from 'vitest';
import { batchSize, matchingTurns, turnsOf } from '../../src/lib/search-hits.ts';
import { noStem } from '../../src/lib/search-match.ts';
import type { Twin } from '../../src/lib/search-record.ts';
import { filterKey } from '../../src/lib/search-state.ts';
import { PART_CHARS, partsOf, searchPages } from '../../src/lib/search-versions.ts';
import { asFound } from '../helpers/search-page.ts';
import { completeTwin } from '../helpers/twins.ts';

const turn = (id: string, speaker: string, text: string) => ({ id, speaker, paragraphs: [text] });

/** `n` characters of words, `word` first. */
const words = (word: string, n: number): string => `${word} ${'lorem ipsum '.repeat(n / 12)}`.slice(0, n).trim();

// Anna talks throughout; Ben asks in the first half only; a monologue of 7,000 characters in the middle.
const sketchTurns = [
  ...Array.from({ length: 10 }, (_, i) => turn(`t${i + 1}`, i % 2 ? 'ben' : 'anna', words(`opening${i + 1}`, 900))),
  turn('t11', 'anna', words('monologue', 7000)),
  ...Array.from({ length: 10 }, (_, i) => turn(`t${i + 12}`, 'anna', words(`closing${i + 12}`, 900))),
];

const twin: Twin = completeTwin('long', {
  language: 'en',
  title: 'A long talk',
  date: '2024-05-01',
  speakers: [
    { slug: 'anna', name: 'Anna Berg' },
    { slug: 'ben', name: 'Ben Okafor' },
  ],
  turns: sketchTurns,
  topics: [{ slug: 'closing', name: 'Closing words', turns: ['t20', 't21'] }],
});
const turns = twin.turns;

describe('parts of a long transcript', () => {
  test('parts are runs of whole turns in reading order, each within the size unless one turn is longer', () => {
    const parts = partsOf(turns, 3000);
    expect(parts.flat().map((t) => t.id)).toEqual(turns.map((t) => t.id));
    for (const part of parts) {
      const chars = part.reduce((n, t) => n + (t.paragraphs[0] ?? '').length, 0);
      if (part.length > 1) expect(chars).toBeLessThanOrEqual(3000);
    }
    expect(parts.find((p) => p.some((t) => t.id === 't11'))?.map((t) => t.id)).toEqual(['t11']);
    expect(partsOf(turns, 1_000_000)).toHaveLength(1);
    expect(partsOf([], 3000)).toEqual([[]]);
  });

  test('a transcript shorter than a part is one search page at its own address', () => {
    const short = turns.slice(0, 5);
    expect(PART_CHARS).toBeGreaterThan(short.reduce((n, t) => n + (t.paragraphs[0] ?? '').length, 0));
    expect(searchPages({ ...twin, turns: short }).map((p) => p.path)).toEqual(['transcripts/long/index.html']);
    expect(searchPages(twin).length).toBeGreaterThan(1);
  });

  const pages = searchPages(twin, 3000);

  test('each part holds only its own turns, and its hits link to the turn on the transcript page', () => {
    expect(pages.length).toBeGreaterThan(4);
    expect(pages[0]?.path).toBe('transcripts/long/index.html');
    expect(pages[1]?.path).toBe('transcripts/long/search-part-2/index.html');
    const found = pages.map(asFound);
    expect(found.flatMap((p) => turnsOf(p).map((t) => t.id))).toEqual(turns.map((t) => t.id));
    for (const [i, page] of found.entries()) {
      const text = pages[i]?.record.paragraphs.join(' ') ?? '';
      if (turnsOf(page).length > 1) expect(text.replace(/\s+/g, ' ').length).toBeLessThan(3100);
      expect(pages[i]?.pagefind.url).toBe(`/${pages[i]?.path.replace(/index\.html$/, '')}`);
      expect(new Set(turnsOf(page).map((t) => t.url))).toEqual(new Set(['/transcripts/long/']));
    }
    const hit = found.flatMap((p) => matchingTurns(p, ['closing20'], [], noStem));
    expect(hit.map((h) => [h.url, h.id, h.speaker, h.title, h.date])).toEqual([
      ['/transcripts/long/', 't20', 'Anna Berg', 'A long talk', '2024-05-01'],
    ]);
  });

  test("each part's filters are its own turns' speakers and topics; the transcript's year and language are every part's", () => {
    // The filters Pagefind is given for each part (browsing by filters finds the part by them).
    const filtersOf = (page: (typeof pages)[number]): Record<string, string[]> => {
      const out: Record<string, string[]> = {};
      for (const [key, value] of page.record.filters) out[key] = [...(out[key] ?? []), value];
      return out;
    };
    const last = pages.at(-1);
    expect(last && filtersOf(last)[filterKey('speaker', 'Ben Okafor')]).toBeUndefined();
    expect(last && filtersOf(last)[filterKey('speaker', 'Anna Berg')]).toEqual(['Anna Berg']);
    expect(pages[0] && filtersOf(pages[0])[filterKey('speaker', 'Ben Okafor')]).toEqual(['Ben Okafor']);
    const withTopic = pages.filter((p) => filtersOf(p)[filterKey('topic', 'Closing words')]);
    expect(
      withTopic.flatMap((p) =>
        turnsOf(asFound(p))
          .filter((t) => t.values.topic.length > 0)
          .map((t) => t.id),
      ),
    ).toEqual(['t20', 't21']);
    for (const page of pages) {
      expect(filtersOf(page)['year']).toEqual(['2024']);
      expect(filtersOf(page)['language']).toEqual(['English']);
      expect(asFound(page).filters).toEqual({ year: ['2024'], language: ['English'] });
    }
  });
});

test('a first screen loads about as many passages as its hits need, never more than a batch', () => {
  // Nothing checked yet: two hits a passage are assumed, so ten hits ask for five passages.
  expect(batchSize(10, 0, 0, 5)).toBe(5);
  expect(batchSize(4, 0, 0, 5)).toBe(2);
  // Eight hits in four passages: two more hits need one more passage.
  expect(batchSize(2, 8, 4, 5)).toBe(1);
  // One hit in five passages: the most allowed.
  expect(batchSize(9, 1, 5, 5)).toBe(5);
  // No hit so far: the most allowed; nothing missing: none.
  expect(batchSize(10, 0, 5, 5)).toBe(5);
  expect(batchSize(0, 12, 5, 5)).toBe(0);
});
