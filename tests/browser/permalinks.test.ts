/**
 * URLs that never break, end to end: publish an archive, then correct it
 * (a typo fix, a new slug, a deleted transcript) and rebuild. Old addresses
 * and anchors must still land in a real browser, a citation of the old text
 * must say it changed, and a build that would lose an address must fail.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type StaticServer, serveStatic } from '../../scripts/lib/serve-static.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { type BuildRun, runBuild } from '../helpers/build-fs.ts';
import { one, page, visibleText } from '../helpers/site.ts';

const WATER = [
  'Anna Berg:',
  'Welcome to the briefing on water policy.',
  'Reuters:',
  'What will the new dam cost?',
  'Anna Berg:',
  'The dam will cost four bilion over ten years.',
];
const work = mkdtempSync(join(tmpdir(), 'permalinks-'));
const seeds = join(work, 'seeds');
const site = join(work, 'site');
let first: BuildRun;
let second: BuildRun;
let firstFingerprint = '';
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const write = (name: string, text: string) => writeFileSync(join(seeds, name), text);
  rmSync(seeds, { recursive: true, force: true });
  (await import('node:fs')).mkdirSync(seeds, { recursive: true });
  write('water.txt', WATER.join('\n'));
  write('other.txt', 'Carl Dahl:\nA transcript that will be deleted.\n');
  first = runBuild(seeds, work);
  firstFingerprint =
    page(site, '/transcripts/water/').querySelector('section.turn:has(h3#t3)')?.getAttribute('data-fingerprint') ?? '';
  // The corrections: a typo fixed, a new slug, a transcript deleted.
  write('water.txt', WATER.join('\n').replace('bilion', 'billion'));
  write('water.yaml', 'slug: water-policy-briefing\n');
  rmSync(join(seeds, 'other.txt'));
  second = runBuild(seeds, work);
  server = await serveStatic(site);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('after corrections', () => {
  test('both builds succeed', () => {
    expect([first.status, second.status], first.stderr + second.stderr).toEqual([0, 0]);
  });

  test('the old slug is a redirect page any static host can serve, and is in _redirects', () => {
    const old = page(site, '/transcripts/water/');
    expect(one(old, 'meta[http-equiv="refresh"]').getAttribute('content')).toBe(
      '0; url=/transcripts/water-policy-briefing/',
    );
    expect(one(old, 'link[rel="canonical"]').getAttribute('href')).toBe('/transcripts/water-policy-briefing/');
    expect(readFileSync(join(site, '_redirects'), 'utf8')).toContain(
      '/transcripts/water/ /transcripts/water-policy-briefing/ 301',
    );
  });

  test('a deleted transcript, and a speaker heard only there, leave tombstones', () => {
    expect(visibleText(one(page(site, '/transcripts/other/'), 'h1'))).toBe('This transcript was removed');
    expect(visibleText(one(page(site, '/speakers/carl-dahl/'), 'h1'))).toBe('This speaker was removed');
  });

  test('turn ids survive the rename, and the corrected turn keeps its earlier text', () => {
    const doc = page(site, '/transcripts/water-policy-briefing/');
    expect(doc.querySelectorAll('section.turn h3').map((h) => h.id)).toEqual(['t1', 't2', 't3']);
    expect(one(doc, 'section.turn:has(h3#t3) template').innerHTML).toContain('four bilion');
  });

  test('in a browser, an old anchor at the old address lands on the same turn at the new one', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${server.url}/transcripts/water/#t3`);
    await tab.waitForURL(/\/transcripts\/water-policy-briefing\/#t3$/);
    expect(await tab.locator(':target').textContent()).toContain('Anna Berg');
    await tab.close();
  });

  test('in a browser, a citation of the old text says the passage was edited, and shows it as cited', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${server.url}/transcripts/water-policy-briefing/?v=${firstFingerprint}#t3`);
    const notice = tab.locator('.edited-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('This passage was edited since you cited it');
    expect(await notice.textContent()).toContain('four bilion');
    await tab.goto(
      `${server.url}/transcripts/water-policy-briefing/?v=${await tab.locator('section.turn:has(h3#t3)').getAttribute('data-fingerprint')}#t3`,
    );
    expect(await tab.locator('.edited-notice').count()).toBe(0);
    await tab.close();
  });

  test('a build that would lose a published address fails, naming it', () => {
    const recordFile = join(work, 'content', 'permalinks.json');
    const record = JSON.parse(readFileSync(recordFile, 'utf8'));
    // A maintainer moves the deleted transcript to a page that does not exist.
    record.transcripts.other.movedTo = 'nowhere';
    writeFileSync(recordFile, JSON.stringify(record));
    const broken = runBuild(seeds, work);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('/transcripts/nowhere/: error [lost-url]');
    expect(broken.stderr).toContain('Build stopped: 1 published address would break.');
    // The last good site is still there.
    expect(page(site, '/transcripts/water-policy-briefing/').querySelector('h1')).not.toBeNull();
    // A whole build runs inside this test: room for a busy 2-core machine.
  }, 300_000);
});
