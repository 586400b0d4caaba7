/** Feed entries: dated by the transcript's own date, absolute links with the site's address, counts in words. */
import { expect, test } from 'vitest';
import type { Transcript } from '../../scripts/core/schema.ts';
import { transcriptsFeed } from '../../scripts/core/to-feed.ts';

const transcript = (extra: Partial<Transcript>): Transcript =>
  ({
    slug: 'water',
    title: 'Water briefing',
    published: '2026-11-26',
    updated: '2026-11-27',
    turns: [{ id: 't1' }],
    words: 1,
    ...extra,
  }) as unknown as Transcript;

const feed = (t: Transcript, site?: string) =>
  transcriptsFeed({ title: 'Archive', path: '/', feedPath: '/feed.xml', transcripts: [t], ...(site ? { site } : {}) });

test('an entry is published on the transcript’s date, a partial date on its first day; updated when last corrected', () => {
  expect(feed(transcript({ date: '2024-09-05' }))).toContain('<published>2024-09-05T00:00:00.000Z</published>');
  expect(feed(transcript({ date: '2024-09' }))).toContain('<published>2024-09-01T00:00:00.000Z</published>');
  expect(feed(transcript({ date: '2024-09' }))).toContain('<updated>2026-11-27T00:00:00.000Z</updated>');
});

test('an undated transcript’s entry is published when the archive first published it', () => {
  expect(feed(transcript({}))).toContain('<published>2026-11-26T00:00:00.000Z</published>');
});

test('counts read as words: “1 turn, 1 word”, “2 turns”', () => {
  expect(feed(transcript({}))).toContain('1 turn, 1 word.');
  expect(feed(transcript({ turns: [{}, {}] as Transcript['turns'], words: 1200 }))).toContain('2 turns, 1,200 words.');
});

test('with the site’s address every link is absolute', () => {
  const xml = feed(transcript({}), 'https://archive.example.org/');
  expect(xml).toContain('<link href="https://archive.example.org/transcripts/water/"/>');
  expect(xml).not.toMatch(/href="\//);
});
