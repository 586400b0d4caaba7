/** The site check's cache of page scans: kept by content hash and file identity, reused for unchanged pages only. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { checkSite } from '../../scripts/check-site.ts';
import { SCANNER } from '../../scripts/core/check-links.ts';
import { pageSites } from '../helpers/page-sites.ts';

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** Temporary sites and folders, removed when this file's tests end. */
const { tempDir, site } = pageSites('check-cache-');

test('the first check writes a scan per page; a page whose bytes are unchanged is not parsed again', async () => {
  const a = '<a href="/b/#t1">b</a>';
  const b = '<h3 id="t1">B</h3>';
  const dir = await site({ '': a, b });
  const cache = tempDir('check-cache-scans-');
  const scanOf = (html: string) => join(cache, SCANNER, sha1(html).slice(0, 2), `${sha1(html)}.json`);
  expect((await checkSite(dir, cache)).problems).toEqual([]);
  expect(JSON.parse(readFileSync(scanOf(b), 'utf8'))).toEqual({ ids: ['t1'], duplicateIds: [], urls: [] });
  expect(existsSync(scanOf(a))).toBe(true);

  // A planted scan for b's exact bytes says it has no t1: the next check believes it, so it read the cache.
  writeFileSync(scanOf(b), JSON.stringify({ ids: [], duplicateIds: [], urls: [] }));
  expect((await checkSite(dir, cache)).problems.map((p) => p.url)).toEqual(['/b/#t1']);

  // Once b changes, its new bytes are parsed: the planted scan no longer applies, and is removed.
  writeFileSync(join(dir, 'b', 'index.html'), '<h3 id="t1">B, edited</h3>');
  expect((await checkSite(dir, cache)).problems).toEqual([]);
  expect(existsSync(scanOf(b))).toBe(false);
});

test('a scan kept by another page reader is not reused, and is removed', async () => {
  const b = '<h3 id="t1">B</h3>';
  const dir = await site({ '': '<a href="/b/#t1">b</a>', b });
  const cache = tempDir('check-cache-scans-');
  // What an older reader left: a scan of b's exact bytes that missed its id, in the folder's old layout.
  const old = join(cache, sha1(b).slice(0, 2), `${sha1(b)}.json`);
  await mkdir(join(cache, sha1(b).slice(0, 2)), { recursive: true });
  writeFileSync(old, JSON.stringify({ ids: [], duplicateIds: [], urls: [] }));
  expect((await checkSite(dir, cache)).problems).toEqual([]);
  expect(existsSync(old)).toBe(false);
});

test('a page file the last check saw (same inode, size and time) is not read again', async () => {
  const dir = await site({ '': '<a href="/b/#t1">b</a>', b: '<h3 id="t1">B</h3>' });
  const cache = tempDir('check-cache-scans-');
  const file = join(dir, 'b', 'index.html');
  const at = 1_700_000_000;
  utimesSync(file, at, at);
  expect((await checkSite(dir, cache)).problems).toEqual([]);
  // Other bytes of the same size, put back to the same time: only a read would see that t1 is gone.
  writeFileSync(file, '<h3 id="t2">B</h3>');
  utimesSync(file, at, at);
  expect((await checkSite(dir, cache)).problems).toEqual([]);
  // Any other time (as a write leaves): the page is read, and the missing anchor found.
  utimesSync(file, at, at + 1);
  expect((await checkSite(dir, cache)).problems.map((p) => p.url)).toEqual(['/b/#t1']);
});

test('pages scanned by worker threads give the report one thread gives', async () => {
  const pages: Record<string, string> = {};
  for (let i = 0; i < 12; i++) pages[`p${i}`] = `<h2 id="t1">P${i}</h2><a href="/p${(i + 1) % 12}/#t1">next</a>`;
  pages['p3'] = '<h2 id="t1">P3</h2><h2 id="t1">again</h2><a href="/p4/#t9">broken</a><a href="/nowhere/">gone</a>';
  const dir = await site(pages);
  const one = await checkSite(dir, undefined, { threads: 1 });
  const two = await checkSite(dir, tempDir('check-cache-scans-'), {
    threads: 2,
    minPagesPerWorker: 1,
  });
  expect(one.problems.length).toBe(3);
  expect(two).toEqual(one);
});
