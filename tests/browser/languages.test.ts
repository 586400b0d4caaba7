/**
 * A transcript in two languages, in a real headless Chromium against the
 * built fixture archive: `2024-07-02-flood-relief-briefing.txt` and its
 * Chinese version `….zh.txt` (the Chinese text splits answer t5 in two).
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { openWatched, serveWithBrowser } from '../helpers/browser.ts';

const { site } = inject('fixtureBuild');
const served = serveWithBrowser(site);
const EN = '/transcripts/2024-07-02-flood-relief-briefing/';
const ZH = `${EN}zh/`;
const SIDE = `${ZH}side-by-side/`;

async function open(path: string, options: { width?: number } = {}) {
  const opened = await openWatched(served.browser, `${served.server.url}${path}`);
  if (options.width) await opened.page.setViewportSize({ width: options.width, height: 800 });
  return opened;
}

const pathOf = (page: Page) => {
  const url = new URL(page.url());
  return `${url.pathname}${url.hash}`;
};

describe('language versions', () => {
  test.each([EN, ZH])(
    '%s names every version with hreflang, itself included, and the original as x-default',
    async (path) => {
      const { page, watch } = await open(path);
      const alternates = await page.$$eval('link[rel="alternate"][hreflang]', (links) =>
        links.map((l) => [l.getAttribute('hreflang'), new URL(l.getAttribute('href') ?? '', location.href).pathname]),
      );
      expect(alternates).toEqual([
        ['en', EN],
        ['zh', ZH],
        ['x-default', EN],
      ]);
      expect(await page.getAttribute('html', 'lang')).toBe(path === ZH ? 'zh' : 'en');
      expect(await page.locator('.prevails').textContent()).toBe(
        'Where the versions differ, the Chinese version prevails.',
      );
      expect(watch.violations).toEqual([]);
      expect(watch.errors).toEqual([]);
      await page.close();
    },
  );

  test('the switcher keeps #t3: from the English t3 to the Chinese t3', async () => {
    const { page, watch } = await open(`${EN}#t3`);
    await page.locator('a.version-link', { hasText: '中文' }).click();
    await page.waitForURL(/\/zh\/#t3$/);
    expect(pathOf(page)).toBe(`${ZH}#t3`);
    expect(await page.locator(':target').getAttribute('id')).toBe('t3');
    expect(await page.locator(':target').textContent()).toContain('Mao Ning');
    expect(await page.locator('#t3 ~ *').first().isVisible()).toBe(true);
    expect(watch.violations).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  test('the switcher follows the alignment: the second half of a split answer goes to the answer it translates', async () => {
    const { page } = await open(`${ZH}#t6`);
    await page.locator('a.version-link', { hasText: 'English' }).click();
    await page.waitForURL(/#t5$/);
    expect(pathOf(page)).toBe(`${EN}#t5`);
    await page.close();
  });

  test('the switcher keeps the turn being read when the address has none', async () => {
    const { page } = await open(EN);
    await page.locator('#t2').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.waitForFunction(() => document.querySelector<HTMLAnchorElement>('a.version-link')?.hash === '#t2');
    await page.close();
  });

  test('the side-by-side view pairs t3 with t3, in the two languages', async () => {
    const { page, watch } = await open(`${SIDE}#t3`);
    const row = page.locator('section.pair#t3');
    expect(await row.locator('.cell--original').getAttribute('data-turn')).toBe('t3');
    expect(await row.locator('.cell--version').getAttribute('data-turn')).toBe('t3');
    expect(await row.locator('.cell--original').getAttribute('lang')).toBe('en');
    expect(await row.locator('.cell--version').getAttribute('lang')).toBe('zh');
    expect(await row.locator('.cell--original').textContent()).toContain('Four hundred million yuan');
    expect(await row.locator('.cell--version').textContent()).toContain('已下拨四亿元');
    // Two columns on a desktop: the cells sit side by side.
    const [left, right] = await Promise.all([
      row.locator('.cell--original').boundingBox(),
      row.locator('.cell--version').boundingBox(),
    ]);
    expect(left && right && right.x > left.x + left.width - 1 && Math.abs(right.y - left.y) < 2).toBe(true);
    // The split answer shows both Chinese parts beside the English answer.
    expect(await page.locator('section.pair#t5 .cell--version').textContent()).toContain(
      '地方政府将在现场协调各项援助',
    );
    expect(watch.violations).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  test('on a phone the side-by-side view shows one language per turn, with a toggle', async () => {
    const { page, watch } = await open(SIDE, { width: 360 });
    const row = page.locator('section.pair#t3');
    expect(await row.locator('.cell--original').isVisible()).toBe(true);
    expect(await row.locator('.cell--version').isVisible()).toBe(false);
    const toggle = row.locator('button.pair-toggle');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await row.locator('.cell--version').isVisible()).toBe(true);
    expect(await row.locator('.cell--original').isVisible()).toBe(false);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    // The other turns keep their own choice.
    expect(await page.locator('section.pair#t4 .cell--original').isVisible()).toBe(true);
    expect(watch.violations).toEqual([]);
    await page.close();
  });

  test('a citation of a turn on the Chinese page cites that page and says which text prevails', async () => {
    const { page } = await open(ZH);
    const data = JSON.parse((await page.locator('#cite-data').textContent()) ?? '{}') as {
      target: { title: string; url: string; language: string };
    };
    expect(data.target.url).toBe(ZH);
    expect(data.target.language).toBe('zh');
    expect(data.target.title).toBe('Flood relief briefing [Chinese translation; authoritative text]');
    // The permanent link is `#t3` on the page, so it resolves to this page's own address.
    const permalink = page.locator('.turn-head:has(#t3) .turn-link');
    expect(new URL(await permalink.evaluate((a: HTMLAnchorElement) => a.href)).pathname).toBe(ZH);
    expect(await permalink.evaluate((a: HTMLAnchorElement) => new URL(a.href).hash)).toBe('#t3');
    await page.close();
  });

  test('a Chinese query finds the Chinese turn and offers the same turn in English', async () => {
    const { page, watch } = await open(`/search/?q=${encodeURIComponent('救灾资金')}`);
    const hit = page.locator('.search-hit').filter({ has: page.locator(`a.hit-excerpt[href*="${ZH}"]`) });
    await hit.first().waitFor();
    const excerpt = new URL(
      (await hit.first().locator('a.hit-excerpt').getAttribute('href')) ?? '',
      'http://x.invalid',
    );
    expect(`${excerpt.pathname}${excerpt.hash}`).toBe(`${ZH}#t2`);
    const also = hit.first().locator('a.hit-also-link');
    expect(await also.textContent()).toBe('English');
    expect(await also.getAttribute('href')).toBe(`${EN}#t2`);
    expect(watch.violations).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  test.each([
    ['en-GB', EN, ZH],
    ['zh-CN', ZH, EN],
  ])(
    'a turn found in both versions is one hit: for a reader in %s, in %s, offering the other',
    async (locale, shownIn, offered) => {
      const context = await served.browser.newContext({ locale });
      const page = await context.newPage();
      // The two organisations' questions (t2, t4) are turns of both versions.
      await page.goto(`${served.server.url}/search/?kind=Organisation&year=2024`);
      await page.waitForFunction(() => /turns? in/.test(document.getElementById('search-status')?.textContent ?? ''));
      const hits = await page.locator('.search-hit').evaluateAll((items) =>
        items.map((li) => ({
          href: li.querySelector('a.hit-excerpt')?.getAttribute('href') ?? '',
          also: [...li.querySelectorAll('a.hit-also-link')].map((a) => a.getAttribute('href')),
        })),
      );
      const briefing = hits.filter((h) => h.href.includes('/2024-07-02-flood-relief-briefing/'));
      expect(briefing.map((h) => h.href)).toEqual([`${shownIn}#t2`, `${shownIn}#t4`]);
      expect(briefing.map((h) => h.also)).toEqual([[`${offered}#t2`], [`${offered}#t4`]]);
      await context.close();
    },
  );
});
