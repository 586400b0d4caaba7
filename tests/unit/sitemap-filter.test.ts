import { expect, test } from 'vitest';
import type { RetiredPage } from '../../scripts/core/permalinks/record.ts';
import { sitemapFilter } from '../../src/lib/sitemap-filter.ts';

const retired: RetiredPage[] = [
  {
    id: 'transcripts/water',
    section: 'transcripts',
    slug: 'water',
    name: 'Water',
    status: 'moved',
    movedTo: 'water-policy',
  },
  { id: 'speakers/carl-dahl', section: 'speakers', slug: 'carl-dahl', name: 'Carl Dahl', status: 'removed' },
  {
    id: 'transcripts/briefing/zh',
    section: 'transcripts',
    slug: 'briefing',
    name: 'Briefing',
    status: 'moved',
    movedTo: 'briefing',
    language: 'zh',
  },
];

test('the sitemap leaves out retired pages (language versions too) and the 404 page, and keeps the rest', () => {
  const listed = sitemapFilter(() => retired);
  const site = 'https://archive.example.org';
  expect(listed(`${site}/transcripts/water/`)).toBe(false);
  expect(listed(`${site}/speakers/carl-dahl/`)).toBe(false);
  expect(listed(`${site}/transcripts/briefing/zh/`)).toBe(false);
  expect(listed(`${site}/404/`)).toBe(false);
  expect(listed(`${site}/transcripts/water-policy/`)).toBe(true);
  expect(listed(`${site}/transcripts/briefing/`)).toBe(true);
  expect(listed(`${site}/transcripts/water/zh/`)).toBe(true);
});
