/**
 * The build's site check: pages made one per record are taken from the
 * build's tables (one of each kind read), every other page read in full; a
 * broken link or a missing anchor on a page it reads still stops the build.
 */
import { expect, test } from 'vitest';
import { checkSite } from '../../scripts/check-site.ts';
import { pagesToRead, recordPageKind } from '../../scripts/core/check-plan.ts';
import { parseCli } from '../../scripts/lib/cli.ts';
import { checkStage } from '../../scripts/stages/check.ts';
import type { BuildContext } from '../../scripts/stages/context.ts';
import { pageSites } from '../helpers/page-sites.ts';

const { tempDir, site } = pageSites('check-plan-');

/** A small archive: two transcripts (one with a language version), a speaker, a topic, the docs and the lists. */
const ARCHIVE: Record<string, string> = {
  '': '<a href="/transcripts/">all</a><a href="/docs/">docs</a>',
  docs: '<h1 id="docs">Docs</h1><a href="/transcripts/a/#t1">a turn</a><a href="#docs">top</a>',
  transcripts: '<a href="/transcripts/a/">a</a><a href="/transcripts/b/">b</a>',
  'transcripts/a': '<p id="t1">x</p><a href="/speakers/qi/">Qi</a><a href="/transcripts/a/fr/">fr</a>',
  'transcripts/a/fr': '<p id="t1">x</p>',
  'transcripts/a/fr/side-by-side': '<p id="t1">x</p>',
  'transcripts/b': '<p id="t1">y</p><p id="t2">z</p><a href="/topics/trade/">trade</a>',
  'speakers/qi': '<a href="/transcripts/a/#t1">t1</a>',
  'speakers/by-name/q': '<a href="/speakers/qi/">Qi</a>',
  'topics/trade': '<a href="/transcripts/b/#t2">t2</a>',
  'topics/by-name/t': '<a href="/topics/trade/">trade</a>',
};

test('pages made one per record are told from the rest by their place', () => {
  expect(
    [
      '/transcripts/a/index.html',
      '/transcripts/a/fr/index.html',
      '/transcripts/a/fr/side-by-side/index.html',
      '/speakers/qi/index.html',
      '/topics/trade/index.html',
      '/speakers/by-name/q/index.html',
      '/topics/index.html',
      '/transcripts/index.html',
      '/docs/urls/index.html',
      '/index.html',
    ].map(recordPageKind),
  ).toEqual(['transcript', 'version', 'side-by-side', 'speaker', 'topic', ...Array(5).fill(undefined)]);
});

test('every page but those made one per record is read, and one of each of those kinds', () => {
  const pages = Object.keys(ARCHIVE).map((p) => `/${p ? `${p}/` : ''}index.html`);
  expect(pagesToRead(pages)).toEqual([
    '/docs/index.html',
    '/index.html',
    '/speakers/by-name/q/index.html',
    '/speakers/qi/index.html',
    '/topics/by-name/t/index.html',
    '/topics/trade/index.html',
    '/transcripts/a/fr/index.html',
    '/transcripts/a/fr/side-by-side/index.html',
    '/transcripts/a/index.html',
    '/transcripts/index.html',
  ]);
});

test('a whole archive whose links resolve passes, with the pages not read counted', async () => {
  const report = await checkSite(await site(ARCHIVE), undefined, { only: pagesToRead });
  expect(report.problems).toEqual([]);
  expect([report.pages, report.unread]).toEqual([10, 1]);
});

test('a broken link and a missing anchor on a page written by hand are caught', async () => {
  const dir = await site({
    ...ARCHIVE,
    docs: '<a href="/docs/nowhere/">gone</a><a href="/transcripts/b/#t9">no such turn</a><a href="/transcripts/b/#t2">a turn</a>',
  });
  const report = await checkSite(dir, tempDir('check-plan-cache-'), { only: pagesToRead });
  // transcripts/b is not read for its links, but it is read for its ids, as an anchor's target.
  expect(report.problems).toEqual([
    { page: '/docs/', url: '/docs/nowhere/', reason: 'no such file in the site' },
    { page: '/docs/', url: '/transcripts/b/#t9', reason: 'no element with the id `t9`' },
  ]);
  expect(report.unread).toBe(1);
});

test("a template's broken link shows on the page of its kind that is read", async () => {
  const dir = await site({ ...ARCHIVE, 'transcripts/a': `${ARCHIVE['transcripts/a']}<link href="/_astro/gone.css">` });
  const report = await checkSite(dir, undefined, { only: pagesToRead });
  expect(report.problems).toEqual([
    { page: '/transcripts/a/', url: '/_astro/gone.css', reason: 'no such file in the site' },
  ]);
});

test('the check stage stops the build on a broken link, and passes a sound site', async () => {
  const options = parseCli([]);
  if ('error' in options) throw new Error(options.error);
  const ctx = (staging: string): BuildContext => ({
    options,
    build: {},
    staging,
    cache: tempDir('check-plan-cache-'),
    log: () => undefined,
    track: () => undefined,
    putFirst: () => undefined,
    onStop: () => undefined,
    setPublishing: () => undefined,
    ingestParsing: new Promise(() => undefined),
    markIngestParsing: () => undefined,
  });
  const sound = await checkStage.run(ctx(await site(ARCHIVE)));
  expect(sound.ok).toBe(true);
  expect(sound.lines.join('\n')).toContain('11 pages (10 read');
  const broken = await checkStage.run(ctx(await site({ ...ARCHIVE, '': '<a href="/transcripts/c/">c</a>' })));
  expect(broken.ok).toBe(false);
  expect(broken.lines).toContain('/ → /transcripts/c/: no such file in the site');
});
