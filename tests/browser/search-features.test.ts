/** Search features in Chromium on the fixture build: phrases, filters, sort, URL state, export, keyboard. */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { serveWithBrowser } from '../helpers/browser.ts';

const { site } = inject('fixtureBuild');
const served = serveWithBrowser(site);

async function hits(page: Page): Promise<string[]> {
  await page.waitForFunction(() =>
    /turns? in|No turn/.test(document.getElementById('search-status')?.textContent ?? ''),
  );
  const hrefs = await page
    .locator('.search-hit .hit-excerpt')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  // Each hit's address without the terms it asks the page to mark (`?highlight=…`).
  return hrefs.map((href) => {
    const url = new URL(href, 'http://site.invalid');
    return `${url.pathname}${url.hash}`;
  });
}

test('a quoted phrase returns only turns holding the phrase', async () => {
  const page = await served.browser.newPage();
  await page.goto(`${served.server.url}/search/?q=${encodeURIComponent('"joint patrols"')}`);
  const phrase = await hits(page);
  expect(phrase.length).toBeGreaterThan(0);
  for (const href of phrase) {
    const [path = '', id = ''] = href.split('#');
    const html = readFileSync(`${site}${path}index.html`, 'utf8');
    const turn = new RegExp(`id="${id}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';
    expect(turn.toLowerCase()).toContain('joint patrols');
  }
  await page.goto(`${served.server.url}/search/?q=${encodeURIComponent('"patrols joint"')}`);
  expect(await hits(page)).toEqual([]);
  await page.close();
});

test('filters alone browse, combine, show counts, and round-trip through the URL with back and forward', async () => {
  const page = await served.browser.newPage();
  await page.goto(`${served.server.url}/search/?kind=Organisation&year=2024`);
  const browsed = await hits(page);
  expect(browsed.length).toBeGreaterThan(0);
  // The 2024 transcripts with an organisation's turns: the weekly briefing and the flood-relief briefing (English and
  // Chinese versions). The town hall's `Council Member Sam Reyes` is a person whose title names the council.
  for (const href of browsed)
    expect(href).toMatch(/^\/transcripts\/(?:weekly-briefing-2024-09-05|2024-07-02-flood-relief-briefing(?:\/zh)?)\//);
  // A turn of both versions is one hit, in the reader's language (English here), offering the other.
  expect(browsed.some((href) => href.includes('/2024-07-02-flood-relief-briefing/zh/'))).toBe(false);
  expect(
    await page
      .locator('.search-hit', { has: page.locator('a.hit-excerpt[href*="/2024-07-02-flood-relief-briefing/#"]') })
      .first()
      .locator('a.hit-also-link')
      .textContent(),
  ).toBe('Chinese');
  expect(await page.getByRole('checkbox', { name: /2024/ }).isChecked()).toBe(true);
  // A transcript's language versions count as one transcript.
  expect(await page.locator('#search-status').textContent()).toMatch(
    /^\d+ turns? in 2 transcripts match(es)? the filters\.$/,
  );
  // A new query is a new history entry; back restores the filters-only state.
  await page.getByLabel('Search every turn').fill('telecom');
  await page.getByLabel('Search every turn').press('Enter');
  await page.waitForURL(/q=telecom/);
  await page.goBack();
  await page.waitForURL((url) => !url.searchParams.has('q'));
  expect(await page.getByLabel('Search every turn').inputValue()).toBe('');
  expect(await page.getByRole('checkbox', { name: /2024/ }).isChecked()).toBe(true);
  await page.close();
});

test('the language filter names languages and browses the Chinese transcripts', async () => {
  const page = await served.browser.newPage();
  await page.goto(`${served.server.url}/search/?language=Chinese`);
  const chinese = await hits(page);
  expect(chinese.length).toBeGreaterThan(0);
  for (const href of chinese)
    expect(href).toMatch(/^\/transcripts\/(?:press-conference-zh|2024-07-02-flood-relief-briefing\/zh)\/#t\d+$/);
  expect(await page.getByRole('checkbox', { name: /Chinese/ }).isChecked()).toBe(true);
  await page.close();
});

test('sorting by newest puts the dated transcript first, and the sort is in the URL', async () => {
  const page = await served.browser.newPage();
  await page.goto(`${served.server.url}/search/?q=telecom`);
  await hits(page);
  await page.getByLabel('Sort').selectOption('newest');
  await page.waitForURL(/sort=newest/);
  const sorted = await hits(page);
  expect(sorted[0]).toMatch(/^\/transcripts\/weekly-briefing-2024-09-05\//);
  await page.close();
});

test('export downloads every result as CSV and JSON with transcript, date, speaker, URL and excerpt', async () => {
  const context = await served.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${served.server.url}/search/?q=telecom`);
  const shown = await hits(page);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
  const text = readFileSync((await csv.path()) ?? '', 'utf8');
  expect(text.split('\n')[0]?.trim()).toBe('transcript,date,speaker,url,excerpt');
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON' }).click()]);
  const data = JSON.parse(readFileSync((await json.path()) ?? '', 'utf8')) as { results: { url: string }[] };
  expect(data.results.length).toBeGreaterThanOrEqual(shown.length);
  expect(data.results[0]?.url).toMatch(new RegExp(`^${served.server.url}/transcripts/`));
  await context.close();
});

test('a speaker’s page searches within that speaker', async () => {
  const page = await served.browser.newPage();
  await page.goto(`${served.server.url}/speakers/qi-yanjun/`);
  await page.getByLabel('Search what Qi Yanjun said').fill('fraud');
  await page.getByLabel('Search what Qi Yanjun said').press('Enter');
  await page.waitForURL(/\/search\/\?q=fraud&speaker=Qi\+Yanjun/);
  await hits(page);
  const found = await page.locator('.search-hit .hit-speaker').allTextContents();
  expect(found.length).toBeGreaterThan(0);
  expect(new Set(found)).toEqual(new Set(['Qi Yanjun']));
  await page.close();
});

test('`/` focuses search from any page; j and k move between turns and update the address', async () => {
  const page = await served.browser.newPage();
  await page.goto(`${served.server.url}/transcripts/seed-press-conference/`);
  await page.keyboard.press('j');
  await page.waitForFunction(() => location.hash === '#t1');
  await page.keyboard.press('j');
  await page.waitForFunction(() => location.hash === '#t2');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('t2');
  await page.keyboard.press('/');
  await page.waitForURL(/\/search\/$/);
  await page.waitForFunction(() => document.activeElement?.id === 'search-q');
  await page.close();
});

test('the theme toggle switches, persists across pages, and is applied before the first paint', async () => {
  const context = await served.browser.newContext({ colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto(`${served.server.url}/`);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
  expect(await background()).not.toBe(light);
  await page.goto(`${served.server.url}/topics/`);
  // The theme is set by a blocking script in <head>: already there when the body is parsed.
  expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
  expect(await page.getByRole('button', { name: 'Switch to the light theme' }).isVisible()).toBe(true);
  await context.close();
});

test('printing a transcript shows title, date, source, permanent address and turn ids, without navigation or buttons', async () => {
  const page = await served.browser.newPage();
  await page.goto(`${served.server.url}/transcripts/weekly-briefing-2024-09-05/`);
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('.site-header').isVisible()).toBe(false);
  expect(await page.locator('.turn-cite').first().isVisible()).toBe(false);
  expect(await page.locator('.theme-toggle').isVisible()).toBe(false);
  expect(await page.locator('.print-lines').textContent()).toContain(
    'Permanent address: /transcripts/weekly-briefing-2024-09-05/',
  );
  expect(await page.locator('.facts').textContent()).toContain('https://example.org/briefings/2024-09-05');
  const id = await page
    .locator('section.turn h3')
    .first()
    .evaluate((h) => getComputedStyle(h, '::after').content);
  expect(id).toContain('t1');
  await page.close();
});
