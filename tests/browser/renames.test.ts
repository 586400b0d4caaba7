/**
 * Renamed files, end to end: publish an archive, then rename one source file
 * (as `git mv` does) while fixing a typo and inserting a question, merge
 * two others into one new file, and split another in two; rebuild. The old
 * addresses redirect, with their anchors, to the same turns and questions.
 */
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type StaticServer, serveStatic } from '../../scripts/lib/serve-static.ts';
import { MONDAY, THURSDAY, TUESDAY } from '../helpers/briefings.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { type BuildRun, runBuild } from '../helpers/build-fs.ts';
import { one, page } from '../helpers/site.ts';

const work = mkdtempSync(join(tmpdir(), 'renames-'));
const seeds = join(work, 'seeds');
const site = join(work, 'site');
let first: BuildRun;
let second: BuildRun;
let before = { turns: [] as string[], questions: new Map<string, string>() };
let server: StaticServer;
let browser: Browser;

/** A page's turn ids, and each exchange id with the first words of the turn it opens with. */
function anchors(path: string): { turns: string[]; questions: Map<string, string> } {
  const doc = page(site, path);
  const questions = new Map(
    doc.querySelectorAll('h2.exchange-heading').map((h) => {
      const turn = h.nextElementSibling?.querySelector('p')?.textContent ?? '';
      return [h.id, turn.trim().slice(0, 30)];
    }),
  );
  return { turns: doc.querySelectorAll('section.turn h3').map((h) => h.id), questions };
}

beforeAll(async () => {
  const write = (name: string, text: string) => writeFileSync(join(seeds, name), text);
  mkdirSync(seeds, { recursive: true });
  write('monday.txt', MONDAY.join('\n'));
  write('morning.txt', TUESDAY.slice(0, 12).join('\n'));
  write('afternoon.txt', TUESDAY.slice(12).join('\n'));
  write('floods.txt', THURSDAY.join('\n'));
  first = runBuild(seeds, work);
  before = anchors('/transcripts/monday/');
  // Renamed, with a typo fixed and a question inserted in the same commit.
  renameSync(join(seeds, 'monday.txt'), join(seeds, '2024-03-04-water.txt'));
  const edited = [...MONDAY.slice(0, 4), 'Xinhua:', 'When will construction start?', 'Anna Berg:', 'Next spring.']
    .concat(MONDAY.slice(4))
    .join('\n')
    .replace('four billion', 'four and a half billion');
  write('2024-03-04-water.txt', edited);
  // Two files merged into one.
  rmSync(join(seeds, 'morning.txt'));
  rmSync(join(seeds, 'afternoon.txt'));
  write('tuesday.txt', TUESDAY.join('\n'));
  // One file split in two: the coast, and the rivers.
  rmSync(join(seeds, 'floods.txt'));
  write('floods-coast.txt', THURSDAY.slice(0, 8).join('\n'));
  write('floods-rivers.txt', THURSDAY.slice(8).join('\n'));
  second = runBuild(seeds, work);
  server = await serveStatic(site);
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('a renamed source file', () => {
  test('both builds succeed', () => {
    expect([first.status, second.status], first.stderr + second.stderr).toEqual([0, 0]);
  });

  test('the old address is a redirect page, and a 301 in _redirects', () => {
    const old = page(site, '/transcripts/monday/');
    expect(one(old, 'link[rel="canonical"]').getAttribute('href')).toMatch(/\/transcripts\/2024-03-04-water\/$/);
    expect(readFileSync(join(site, '_redirects'), 'utf8')).toContain(
      '/transcripts/monday/ /transcripts/2024-03-04-water/ 301',
    );
  });

  test('every turn and question keeps its id at the new address; the inserted question and its answer are new', () => {
    const after = anchors('/transcripts/2024-03-04-water/');
    expect(after.turns.filter((id) => before.turns.includes(id))).toEqual(before.turns);
    expect(after.turns.filter((id) => !before.turns.includes(id))).toEqual(['t10', 't11']);
    for (const [id, words] of before.questions) expect(after.questions.get(id)).toBe(words);
    expect([...after.questions].filter(([id]) => !before.questions.has(id))).toEqual([
      ['e7', 'When will construction start?'],
    ]);
  });

  test('in a browser, an old anchor at the old address lands on the same turn', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${server.url}/transcripts/monday/#t4`);
    await tab.waitForURL(/\/transcripts\/2024-03-04-water\/#t4$/);
    expect(await tab.locator('section.turn:has(h3:target)').textContent()).toContain('four and a half billion');
    await tab.close();
  });
});

describe('two source files merged into one', () => {
  test('both old addresses redirect to the merged transcript', () => {
    for (const old of ['morning', 'afternoon']) {
      expect(one(page(site, `/transcripts/${old}/`), 'link[rel="canonical"]').getAttribute('href')).toMatch(
        /\/transcripts\/tuesday\/$/,
      );
    }
    const redirects = readFileSync(join(site, '_redirects'), 'utf8');
    expect(redirects).toContain('/transcripts/morning/ /transcripts/tuesday/ 301');
    // Its anchors changed: a 301 would keep #t1 and land on the morning's t1; the redirect page translates it.
    expect(redirects).not.toContain('/transcripts/afternoon/');
  });

  test('in a browser, an anchor of the absorbed transcript lands on the same turn in the merged one', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${server.url}/transcripts/afternoon/#t2`);
    await tab.waitForURL(/\/transcripts\/tuesday\/#t8$/);
    expect(await tab.locator('section.turn:has(h3:target)').textContent()).toContain('Tariffs stay frozen');
    await tab.close();
  });
});

describe('a source file split in two', () => {
  test('the old address redirects to the part with most of the text, which keeps its turn ids', () => {
    expect(one(page(site, '/transcripts/floods/'), 'link[rel="canonical"]').getAttribute('href')).toMatch(
      /\/transcripts\/floods-coast\/$/,
    );
    expect(anchors('/transcripts/floods-coast/').turns).toEqual(['t1', 't2', 't3', 't4']);
  });

  test('the anchors of the turns the other part took say where they went, and link there', () => {
    const doc = page(site, '/transcripts/floods-coast/');
    for (const [old, now] of [
      ['t5', 't1'],
      ['t6', 't2'],
      ['t7', 't3'],
    ]) {
      const link = one(doc, `p.retired-turn#${old} a`).getAttribute('href');
      expect(link).toBe(`/transcripts/floods-rivers/#${now}`);
    }
    expect(anchors('/transcripts/floods-rivers/').turns).toEqual(['t1', 't2', 't3']);
  });
});
