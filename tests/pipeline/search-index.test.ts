/**
 * The search stage's reuse of published shards: a shard whose transcripts'
 * Pagefind pages (filters and dates) are unchanged is reused (its files
 * linked); the passage index, written anew every time from the same one pass
 * over the twins, numbers passages in date order.
 */
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { buildSearchIndex } from '../../scripts/search/build-search-index-fs.ts';

const dir = mkdtempSync(join(tmpdir(), 'search-index-'));
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
  buildSearchIndex({ site: root, previous, perShard: 10, progress: () => undefined });

test('an unchanged site reuses its shard; other filters or dates index it again', async () => {
  const first = site('first');
  expect(await run(first, join(dir, 'none'))).toMatchObject({ ok: true, pages: 3, shards: 1, reused: 0 });
  expect(existsSync(join(first, 'pagefind/pagefind-entry.json'))).toBe(true);

  const second = site('second', first);
  expect(await run(second, first)).toMatchObject({ ok: true, reused: 1 });

  // Pagefind holds filters and dates, no words (the passage index has them, written anew every
  // time): other words keep its shard, another date indexes it again.
  const third = site('third', second, { beta: { words: 'beta now speaks of joint patrols' } });
  expect(await run(third, second)).toMatchObject({ ok: true, reused: 1 });
  expect(readFileSync(join(third, 'search-words/passages/0/1.json'), 'utf8')).toContain('joint patrols');
  const fourth = site('fourth', third, { beta: { words: 'beta now speaks of joint patrols', date: '2024-05-01' } });
  expect(await run(fourth, third)).toMatchObject({ ok: true, reused: 0 });
  // Dated, beta comes after the undated transcripts (this site has no manifest: dates come from the twins).
  expect(readFileSync(join(fourth, 'search-words/passages/0/2.json'), 'utf8')).toContain('joint patrols');
}, 60_000);

test('passages are numbered by the dates the site’s manifest lists', async () => {
  const root = site('listed');
  const listed = (slug: string, date: string | null) => ({ slug, title: slug, date });
  const manifest = [listed('gamma', '2023-01-01'), listed('alpha', '2022-01-01'), listed('beta', null)];
  writeFileSync(join(root, 'transcripts.json'), JSON.stringify({ schemaVersion: 2, transcripts: manifest }));
  expect(await run(root, join(dir, 'none'))).toMatchObject({ ok: true, pages: 3 });
  const passage = (n: number) => readFileSync(join(root, `search-words/passages/0/${n}.json`), 'utf8');
  expect([0, 1, 2].map((n) => /\/transcripts\/(\w+)\//.exec(passage(n))?.[1])).toEqual(['beta', 'alpha', 'gamma']);
}, 60_000);
