/**
 * Search in a real headless Chromium against the built fixture archive,
 * served as a static host would serve it.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { serveWithBrowser } from '../helpers/browser.ts';

const { site } = inject('fixtureBuild');
const served = serveWithBrowser(site);

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await served.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${served.server.url}${path}`);
  return { page, errors };
}

describe('search', () => {
  test("typing `telecom fraud` finds the seed, and the hit opens Qi Yanjun's answer at its anchor", async () => {
    const { page, errors } = await open('/search/');
    await page.getByLabel('Search every turn').fill('telecom fraud');
    const passage = 'a[href*="/transcripts/seed-press-conference/?"][href$="#t2"]';
    const hit = page.locator(`.search-hit ${passage}`);
    await hit.waitFor();
    const item = page.locator('.search-hit').filter({ has: page.locator(passage) });
    expect(await item.locator('.hit-speaker').textContent()).toBe('Qi Yanjun');
    await hit.click();
    await page.waitForURL(/\/transcripts\/seed-press-conference\/\?highlight=telecom&highlight=fraud#t2$/);
    const target = page.locator(':target');
    expect(await target.getAttribute('id')).toBe('t2');
    expect(await target.textContent()).toContain('Qi Yanjun');
    expect(await target.isVisible()).toBe(true);
    const inView = await target.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.top < window.innerHeight;
    });
    expect(inView).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('landing from a hit marks the terms in the text and steps through every mention', async () => {
    const { page, errors } = await open(
      '/transcripts/seed-press-conference/?highlight=telecom%20fraud&highlight=Interpol#t2',
    );
    const status = page.locator('.mentions-status');
    await status.waitFor();
    const marks = page.locator('mark.pagefind-highlight');
    const texts = (await marks.allTextContents()).map((t) => t.toLowerCase().replace(/\s+/g, ' '));
    // Each mark is one of the terms; the phrase is marked whole, never a lone "telecom".
    expect(new Set(texts)).toEqual(new Set(['telecom fraud', 'interpol']));
    const inText = await page.evaluate(() => {
      const words = (document.querySelector('article')?.textContent ?? '').toLowerCase();
      return { phrase: words.split('telecom fraud').length - 1, interpol: words.split('interpol').length - 1 };
    });
    // Every occurrence in the article is marked, except in the page's chrome (topic links) and turn headings.
    const ignored = await page.evaluate(() =>
      [...document.querySelectorAll('article :is([data-pagefind-ignore], .turn-head, .turn-label)')]
        .filter((el) => !el.parentElement?.closest('[data-pagefind-ignore], .turn-head, .turn-label'))
        .map((el) => el.textContent?.toLowerCase() ?? '')
        .join(' '),
    );
    expect(texts.length).toBe(
      inText.phrase -
        (ignored.split('telecom fraud').length - 1) +
        inText.interpol -
        (ignored.split('interpol').length - 1),
    );
    // The hit's own turn holds the current mention; the navigator counts them all.
    expect(await status.textContent()).toBe(
      `Mention 1 of ${texts.length} of “telecom fraud”, “Interpol” on this page.`,
    );
    expect(await page.locator('#t2').evaluate((h) => !!h.closest('section.turn')?.querySelector('mark.current'))).toBe(
      true,
    );
    await page.getByRole('button', { name: /Next mention/ }).click();
    expect(await status.textContent()).toMatch(new RegExp(`^Mention 2 of ${texts.length} `));
    await page.keyboard.press('n');
    expect(await status.textContent()).toMatch(new RegExp(`^Mention 3 of ${texts.length} `));
    // The address follows the current mention's turn and keeps the terms.
    const current = await page
      .locator('mark.current')
      .evaluate((m) => m.closest('section.turn')?.querySelector('h3')?.id);
    expect(new URL(page.url()).hash).toBe(`#${current}`);
    expect(new URL(page.url()).searchParams.getAll('highlight')).toEqual(['telecom fraud', 'Interpol']);
    await page.keyboard.press('Shift+N');
    expect(await status.textContent()).toMatch(new RegExp(`^Mention 2 of ${texts.length} `));
    expect(await page.locator('mark.current').count()).toBe(1);
    await page.getByRole('link', { name: 'Clear' }).click();
    await page.waitForURL((url) => !url.searchParams.has('highlight'));
    expect(await page.locator('mark.pagefind-highlight').count()).toBe(0);
    expect(await page.locator('.mentions').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a query in the URL runs on load, and the speaker filter narrows hits to that speaker', async () => {
    const { page, errors } = await open('/search/?q=telecom%20fraud');
    await page.locator('.search-hit').first().waitFor();
    const speakersBefore = await page.locator('.search-hit .hit-speaker').allTextContents();
    expect(speakersBefore).toContain('Qi Yanjun');
    expect(speakersBefore.length).toBeGreaterThan(1);
    // With words, every speaker of a hit is listed with its count of hits.
    const speakers = page.getByRole('group', { name: 'Speaker', exact: true });
    expect(await speakers.textContent()).toMatch(/Jane Doe\s*1/);
    await speakers.getByRole('checkbox', { name: /^\s*Jane Doe/ }).check();
    // The list empties while the new search runs: wait for its hits, not for the empty list.
    await page.waitForFunction(() => {
      const shown = [...document.querySelectorAll('.search-hit .hit-speaker')];
      return shown.length > 0 && shown.every((a) => a.textContent === 'Jane Doe');
    });
    const hrefs = await page
      .locator('.search-hit .hit-excerpt')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBe(1);
    for (const href of hrefs) {
      expect(href).toMatch(/^\/transcripts\/weekly-briefing-2024-09-05\/\?highlight=telecom&highlight=fraud#t\d+$/);
    }
    // The active filters are counted on the panel's summary.
    expect(await page.locator('#filters-count').textContent()).toBe('(1 chosen)');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a Chinese query finds the Chinese transcript from the English search page', async () => {
    const { page, errors } = await open(`/search/?q=${encodeURIComponent('对话协商')}`);
    const hit = page.locator('.search-hit .hit-excerpt').first();
    await hit.waitFor();
    const href = (await hit.getAttribute('href')) ?? '';
    expect(new URL(href, 'http://site.invalid').pathname).toBe('/transcripts/press-conference-zh/');
    expect(await page.locator('.search-hit .hit-speaker').first().textContent()).toBe('王毅');
    expect(await page.locator('.search-hit mark').first().textContent()).toMatch(/对话|协商/);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the speaker and topic lists load only when asked, then can be searched by name', async () => {
    const { page, errors } = await open('/search/');
    const filterFiles: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.pf_filter')) filterFiles.push(r.url());
    });
    const topic = page.getByRole('group', { name: 'Topic' });
    await topic.getByRole('button', { name: 'Show every topic' }).waitFor();
    expect(await topic.getByRole('checkbox').count()).toBe(0);
    const before = filterFiles.length;
    await topic.getByRole('button', { name: 'Show every topic' }).click();
    await topic.getByRole('checkbox', { name: /Telecom fraud/ }).waitFor();
    // Listing the topics fetched the topic filter's files, which opening the page had not.
    expect(filterFiles.length).toBeGreaterThan(before);
    // Before a search no count is known, so none is shown.
    expect(await topic.locator('.filter-count').allTextContents()).toEqual(
      (await topic.locator('.filter-count').allTextContents()).map(() => ''),
    );
    const find = topic.getByRole('searchbox', { name: 'Find a topic' });
    await find.fill('myan');
    const visible = await topic.locator('label.filter-value:visible').allTextContents();
    expect(visible.map((t) => t.trim())).toEqual(['Myanmar']);
    expect(
      await page.getByRole('group', { name: 'Speaker' }).getByRole('button', { name: 'Show every speaker' }).count(),
    ).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a topic in the URL browses the turns filed under it, and the full list stays one press away', async () => {
    const filterFiles: string[] = [];
    const page = await served.browser.newPage();
    page.on('request', (r) => {
      if (r.url().endsWith('.pf_filter')) filterFiles.push(r.url());
    });
    await page.goto(`${served.server.url}/search/?topic=Telecom%20fraud`);
    const topic = page.getByRole('group', { name: 'Topic' });
    const box = topic.getByRole('checkbox', { name: /Telecom fraud/ });
    await box.waitFor();
    expect(await box.isChecked()).toBe(true);
    // Each hit is a turn filed under the topic, not every turn of a transcript that has it.
    const hrefs = await page
      .locator('.search-hit .hit-excerpt')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      const [path = '', id = ''] = href.split('#');
      const twin = JSON.parse(readFileSync(`${site}${path.replace(/\/$/, '')}.json`, 'utf8')) as {
        topics: { name: string; turns: string[] }[];
      };
      expect(twin.topics.find((t) => t.name === 'Telecom fraud')?.turns).toContain(id);
    }
    const transcripts = new Set(hrefs.map((h) => h.split('#')[0])).size;
    expect(await page.locator('#search-status').textContent()).toBe(
      `${hrefs.length} turns in ${transcripts} ${transcripts === 1 ? 'transcript' : 'transcripts'} match the filters.`,
    );
    const before = filterFiles.length;
    await topic.getByRole('button', { name: 'Show every topic' }).click();
    await page.waitForFunction(() => !document.querySelector('.filter--topic .filter-list'));
    expect(filterFiles.length).toBeGreaterThan(before);
    expect(await box.isChecked()).toBe(true);
    await page.close();
  });

  test('two topics kept in different buckets give the transcripts of either', async () => {
    const { page, errors } = await open('/search/?topic=Bitcoin&topic=JSON');
    await page.locator('.search-hit').first().waitFor();
    const hrefs = await page
      .locator('.search-hit .hit-excerpt')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(new Set(hrefs.map((h) => h?.split('#')[0]))).toEqual(
      new Set(['/transcripts/op-return/', '/transcripts/changelog-news-4/']),
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('hostile text in a real browser', () => {
  test('nothing from the transcript executes, and the text shows as written', async () => {
    const { page, errors } = await open('/transcripts/hostile/');
    const pwned = await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
    expect(pwned).toBeUndefined();
    expect(await page.locator('body').isVisible()).toBe(true);
    expect(await page.locator('#t2 ~ *').first().isVisible()).toBe(true);
    expect(await page.locator('.turn-body').first().textContent()).toContain('</p><script>window.__pwned = 1</script>');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('searching hostile words shows them as text in the hit, never as markup', async () => {
    const { page } = await open('/search/?q=pwned');
    await page.locator('.search-hit').first().waitFor();
    const pwned = await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
    expect(pwned).toBeUndefined();
    expect(await page.locator('.search-results img, .search-results script').count()).toBe(0);
    await page.close();
  });
});
