/**
 * The search stage's reuse of published shards: a shard whose pages' indexed
 * parts are unchanged is reused (its files linked), and the digest of a page
 * the last build saw (same file: Astro restores unchanged pages as hard links)
 * comes from the stage's cache without reading the page.
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

const page = (slug: string, words: string): string =>
  `<!doctype html><html lang="en"><head><title>${slug}</title></head><body><article data-pagefind-body><h1>${slug}</h1><p>${words}</p></article></body></html>`;

/** A new site whose transcript pages are links to `from`'s (as Astro restores them), or new files. */
function site(name: string, from?: string, write: Record<string, string> = {}): string {
  const root = join(dir, name);
  for (const slug of ['alpha', 'beta', 'gamma']) {
    mkdirSync(join(root, 'transcripts', slug), { recursive: true });
    const file = join(root, 'transcripts', slug, 'index.html');
    if (write[slug] !== undefined || !from)
      writeFileSync(file, page(slug, write[slug] ?? `${slug} speaks of telecom fraud`));
    else linkSync(join(from, 'transcripts', slug, 'index.html'), file);
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
  const alpha = join(second, 'transcripts/alpha/index.html');
  const index = JSON.parse(readFileSync(join(cacheDir, 'stat-index.json'), 'utf8')) as Record<string, string>;
  index[statKey(statSync(alpha))] = 'planted';
  writeFileSync(join(cacheDir, 'stat-index.json'), JSON.stringify(index));
  const third = site('third', second);
  expect(await run(third, second)).toMatchObject({ ok: true, reused: 0 });

  // A page written anew with other words is read: its shard is indexed again too.
  const fourth = site('fourth', third);
  expect(await run(fourth, third)).toMatchObject({ ok: true, reused: 1 });
  const fifth = site('fifth', fourth, { beta: 'beta now speaks of joint patrols' });
  expect(await run(fifth, fourth)).toMatchObject({ ok: true, reused: 0 });
}, 60_000);
