/**
 * The search stage's reuse of published shards: a shard whose transcripts'
 * search records are unchanged is reused (its files linked), and the digest of
 * a twin the last build saw (same file: Astro restores unchanged files as hard
 * links) comes from the stage's cache without reading the twin.
 */
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { statKey } from '../../scripts/lib/scan-cache-fs.ts';
import { buildSearchIndex } from '../../scripts/search/build-search-index-fs.ts';

const dir = mkdtempSync(join(tmpdir(), 'search-index-'));
const cacheDir = join(dir, 'cache');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A transcript's JSON twin with one turn saying `words`: what the search stage indexes. */
const twin = (slug: string, words: string, date: string | null = null): string =>
  JSON.stringify({
    schemaVersion: 2,
    slug,
    title: slug,
    date,
    event: null,
    location: null,
    language: 'en',
    url: `/transcripts/${slug}/`,
    sourceUrl: null,
    media: null,
    summary: null,
    published: null,
    updated: null,
    words: words.split(' ').length,
    speakers: [{ slug: 'anna', name: 'Anna', kind: 'person', turns: 1, words: 3 }],
    turns: [
      {
        id: 't1',
        url: `/transcripts/${slug}/#t1`,
        speaker: 'anna',
        label: 'Anna',
        paragraphs: [words],
        start: null,
        end: null,
        fingerprint: null,
        annotations: [],
        earlier: [],
      },
    ],
    sections: [],
    exchanges: [],
    retired: { turns: [], anchors: [] },
    topics: [],
    preamble: [],
    credits: [],
    notes: [],
  });

/** A new site whose twins are links to `from`'s (as Astro restores them), or new files. */
function site(name: string, from?: string, write: Record<string, { words: string; date?: string }> = {}): string {
  const root = join(dir, name);
  for (const slug of ['alpha', 'beta', 'gamma']) {
    mkdirSync(join(root, 'transcripts', slug), { recursive: true });
    writeFileSync(join(root, 'transcripts', slug, 'index.html'), `<!doctype html><title>${slug}</title>`);
    const file = join(root, 'transcripts', `${slug}.json`);
    if (write[slug] !== undefined || !from)
      writeFileSync(
        file,
        twin(slug, write[slug]?.words ?? `${slug} speaks of telecom fraud`, write[slug]?.date ?? null),
      );
    else linkSync(join(from, 'transcripts', `${slug}.json`), file);
  }
  return root;
}

const run = (root: string, previous: string) =>
  buildSearchIndex({ site: root, previous, perShard: 10, cacheDir, verbose: false, progress: () => undefined });

test('an unchanged site reuses its shard; a known page is not read; a new page is', async () => {
  const first = site('first');
  expect(await run(first, join(dir, 'none'))).toMatchObject({ ok: true, pages: 3, shards: 1, reused: 0 });
  expect(existsSync(join(first, 'pagefind/pagefind-entry.json'))).toBe(true);

  const second = site('second', first);
  expect(await run(second, first)).toMatchObject({ ok: true, reused: 1 });

  // The cache says alpha's file holds other words: believed without reading it, so the shard is indexed again.
  const alpha = join(second, 'transcripts/alpha.json');
  const index = JSON.parse(readFileSync(join(cacheDir, 'stat-index.json'), 'utf8')) as Record<string, string>;
  index[statKey(statSync(alpha))] = 'planted';
  writeFileSync(join(cacheDir, 'stat-index.json'), JSON.stringify(index));
  const third = site('third', second);
  expect(await run(third, second)).toMatchObject({ ok: true, reused: 0 });

  // A page written anew is read. Pagefind holds filters and dates, no words (the passage index has
  // them, written anew every time): other words keep its shard, another date indexes it again.
  const fourth = site('fourth', third);
  expect(await run(fourth, third)).toMatchObject({ ok: true, reused: 1 });
  const fifth = site('fifth', fourth, { beta: { words: 'beta now speaks of joint patrols' } });
  expect(await run(fifth, fourth)).toMatchObject({ ok: true, reused: 1 });
  expect(readFileSync(join(fifth, 'search-words/passages/0/1.json'), 'utf8')).toContain('joint patrols');
  const sixth = site('sixth', fifth, { beta: { words: 'beta now speaks of joint patrols', date: '2024-05-01' } });
  expect(await run(sixth, fifth)).toMatchObject({ ok: true, reused: 0 });
}, 60_000);
