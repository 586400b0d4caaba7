/**
 * The fixture archive on a 360 px phone in Chromium: no page scrolls sideways
 * (long addresses in transcripts wrap), tap targets are 24 px or spaced as
 * WCAG 2.5.8 asks, and search puts results before the folded filters.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, inject, test } from 'vitest';
import { measurePageFit } from '../../scripts/lib/page-fit.ts';
import { serveWithBrowser } from '../helpers/browser.ts';

const { site } = inject('fixtureBuild');
const served = serveWithBrowser(site);

const pages = readdirSync(site, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name === 'index.html' && !relative(site, e.parentPath).startsWith('pagefind'))
  .map((e) => `/${relative(site, join(e.parentPath, '')).split(sep).join('/')}/`.replace(/^\/\/$/, '/'))
  .sort();

test('the fixture site has pages to check on a phone', () => {
  expect(pages.length).toBeGreaterThan(20);
});

// One phone-sized tab for every page; loading page after page in one tab is far cheaper than a tab each.
let phone: Page;
beforeAll(async () => {
  const context = await served.browser.newContext({ viewport: { width: 360, height: 780 } });
  phone = await context.newPage();
});

// One test per page: each has the whole test budget, however busy the machine, and a failure names its page.
test.each(pages)('%s does not scroll sideways at 360 px, and its tap targets are large enough', async (path) => {
  await phone.goto(`${served.server.url}${path}`);
  const fit = await phone.evaluate(measurePageFit);
  expect(fit.overflow, 'pixels of sideways scrolling').toBe(0);
  expect(fit.small).toEqual([]);
});

test('on a phone, search results come before the filters, which stay one tap away', async () => {
  const context = await served.browser.newContext({ viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  await page.goto(`${served.server.url}/search/?q=fraud`);
  await page.locator('.search-hit').first().waitFor();
  expect(await page.locator('#filters-panel').getAttribute('open')).toBeNull();
  expect(await page.getByRole('group', { name: 'Speaker', exact: true }).isVisible()).toBe(false);
  await page.getByText('Filters', { exact: true }).click();
  expect(await page.getByRole('group', { name: 'Speaker', exact: true }).isVisible()).toBe(true);
  await context.close();
});
