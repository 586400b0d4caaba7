/**
 * The built fixture site in headless Chromium, served as a static host serves
 * it: every page loads under its Content-Security-Policy with no violation,
 * no console error and no request to another host; the policy really blocks
 * inline script; axe-core finds no accessibility violation on the main kinds
 * of page in light and dark; and search works from the keyboard alone.
 */
import { readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { openWatched, runAxe, serveWithBrowser, type WatchedTab, watchedTab } from '../helpers/browser.ts';

const { site } = inject('fixtureBuild');
const served = serveWithBrowser(site);

/** Every HTML page of the build, as the URL path a reader would open. */
const PAGES = readdirSync(site, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.html'))
  .map((f) => `/${f}`.replace(/index\.html$/, ''))
  .sort();

async function waitForHits(page: Page): Promise<void> {
  await page.locator('.search-hit a').first().waitFor();
}

describe('Content-Security-Policy', () => {
  test('the fixture site has pages to load', () => {
    expect(PAGES.length).toBeGreaterThan(40);
  });

  // One tab for every page, loaded afresh per test.
  let tab: WatchedTab;
  beforeAll(async () => {
    tab = await watchedTab(served.browser);
  });

  // One test per page: each has the whole test budget, however busy the machine, and a failure names its page.
  test.each(PAGES)('%s loads with no CSP violation, no console error and no request to another host', async (path) => {
    await tab.open(`${served.server.url}${path}`);
    if (path === '/search/') {
      await tab.page.getByLabel('Search every turn').fill('telecom fraud');
      await waitForHits(tab.page);
    }
    expect(tab.watch.violations, 'CSP violations').toEqual([]);
    expect(tab.watch.errors, 'console errors').toEqual([]);
    expect(tab.watch.requests.filter((url) => !url.startsWith(`${served.server.url}/`))).toEqual([]);
  });

  test('search runs its WebAssembly under the policy and fetches only from the site', async () => {
    const { page, watch } = await openWatched(served.browser, `${served.server.url}/search/?q=telecom%20fraud`);
    await waitForHits(page);
    expect(watch.requests.some((url) => url.includes('/pagefind/wasm.'))).toBe(true);
    expect(watch.violations).toEqual([]);
    await page.close();
  });

  test('the policy is in force: inline script and a javascript: URL are blocked and reported', async () => {
    const { page, watch } = await openWatched(served.browser, `${served.server.url}/transcripts/hostile/`);
    const ran = await page.evaluate(async () => {
      const w = window as unknown as { __ran?: boolean };
      const script = document.createElement('script');
      script.textContent = 'window.__ran = true';
      document.body.append(script);
      const link = document.createElement('a');
      link.href = 'javascript:window.__ran = true';
      document.body.append(link);
      link.click();
      await new Promise((done) => setTimeout(done, 200));
      return w.__ran ?? false;
    });
    expect(ran).toBe(false);
    expect(watch.violations.filter((v) => v.startsWith('script-src'))).toHaveLength(2);
    await page.close();
  });
});

describe('accessibility (axe-core, WCAG 2.2 A/AA and best practices)', () => {
  const KINDS = [
    ['home', '/'],
    ['a transcript', '/transcripts/seed-press-conference/'],
    ['a Markdown transcript with code', '/transcripts/op-return/'],
    ['a speaker', '/speakers/qi-yanjun/'],
    ['a topic', '/topics/telecom-fraud/'],
    ['search with results', '/search/?q=telecom%20fraud'],
  ] as const;
  test.each(
    KINDS.flatMap(([kind, path]) => (['light', 'dark'] as const).map((scheme) => [kind, scheme, path] as const)),
  )('%s in %s mode has no violation', async (_kind, colorScheme, path) => {
    const { page } = await openWatched(served.browser, `${served.server.url}${path}`, { colorScheme });
    if (path.startsWith('/search/')) await waitForHits(page);
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
    expect(await runAxe(page)).toEqual([]);
    await page.close();
  });
});

describe('keyboard only', () => {
  test('from the search page: Tab to the box, type a query, Tab to a result, Enter, land on the turn, Tab to Cite, Enter', async () => {
    const { page, watch } = await openWatched(served.browser, `${served.server.url}/search/`);
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el ? `${el.tagName.toLowerCase()}#${el.id}.${el.className}` : '';
      });
    let presses = 0;
    while (!(await focused()).startsWith('input#search-q') && presses < 20) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(await focused()).toMatch(/^input#search-q/);
    await page.keyboard.type('telecom fraud');
    await waitForHits(page);
    presses = 0;
    while (!(await focused()).includes('hit-excerpt') && presses < 80) {
      await page.keyboard.press('Tab');
      presses++;
    }
    const href = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '');
    expect(href).toMatch(/^\/transcripts\/[a-z0-9-]+\/\?highlight=telecom&highlight=fraud#t\d+$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${served.server.url}${href}`);
    const target = page.locator(':target');
    expect(await target.getAttribute('id')).toBe(href.split('#')[1]);
    const inView = await target.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    // On to "Cite" for that turn, by keyboard: Enter opens the citation dialog with focus inside it.
    const turn = href.split('#')[1] ?? '';
    presses = 0;
    const onCite = () =>
      page.evaluate((id) => (document.activeElement as HTMLElement | null)?.dataset['turn'] === id, turn);
    while (!(await onCite()) && presses < 200) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(await onCite()).toBe(true);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Cite this passage' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    expect(await dialog.getByLabel('Link to this passage').inputValue()).toContain(`#${turn}`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});
