/**
 * Search you can trust, in Chromium on the fixture build: no hit where no turn
 * holds the query (and a plain message), every hit holding every query word,
 * close matches and speakers offered apart from the hits, counts that equal
 * the hits they give, and each hit's title, speaker, date and passage.
 */
import { readFileSync } from 'node:fs';
import { stemmer as english } from '@orama/stemmers/english';
import type { Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { holdsAll, wordsOf } from '../../src/lib/search-match.ts';
import { LOOKUP_AT_MOST, scoreTurn } from '../../src/lib/search-rank.ts';
import { PART_CHARS } from '../../src/lib/search-versions.ts';
import { serveWithBrowser } from '../helpers/browser.ts';

const { site } = inject('fixtureBuild');
const served = serveWithBrowser(site);

interface Shown {
  status: string;
  hits: {
    title: string;
    titleHref: string;
    speaker: string;
    speakerHref: string | null;
    date: string;
    href: string;
    marks: string[];
    excerpt: string;
  }[];
  suggest: string;
}

async function search(page: Page, query: string): Promise<Shown> {
  await page.goto(`${served.server.url}/search/?${query}`);
  await page.waitForFunction(
    () => /turns? in|No turn/.test(document.getElementById('search-status')?.textContent ?? ''),
    undefined,
    {
      timeout: 15_000,
    },
  );
  return page.evaluate(() => ({
    status: document.getElementById('search-status')?.textContent ?? '',
    suggest: (document.getElementById('search-suggest') as HTMLElement).hidden
      ? ''
      : (document.getElementById('search-suggest')?.textContent ?? ''),
    hits: [...document.querySelectorAll('.search-hit')].map((li) => ({
      title: li.querySelector('.hit-title')?.textContent ?? '',
      titleHref: li.querySelector('.hit-title')?.getAttribute('href') ?? '',
      speaker: li.querySelector('.hit-speaker')?.textContent ?? '',
      speakerHref: li.querySelector('.hit-speaker')?.getAttribute('href') ?? null,
      date: li.querySelector('time')?.getAttribute('datetime') ?? '',
      href: li.querySelector('.hit-excerpt')?.getAttribute('href') ?? '',
      marks: [...li.querySelectorAll('.hit-excerpt mark')].map((m) => m.textContent ?? ''),
      excerpt: li.querySelector('.hit-excerpt')?.textContent ?? '',
    })),
  }));
}

/** The text of the turn a hit links to, from the site's JSON twin. */
function turnText(href: string): string {
  const url = new URL(href, 'http://site.invalid');
  const twin = JSON.parse(readFileSync(`${site}${url.pathname.replace(/\/$/, '')}.json`, 'utf8')) as {
    turns: { id: string; paragraphs: string[] }[];
  };
  return twin.turns.find((t) => t.id === url.hash.slice(1))?.paragraphs.join(' ') ?? '';
}

test.each(['xyzzyq', 'qwertyuiop', 'tele', 'telecom fraudsters', 'mempol', 'Yanjun'])(
  'no turn holds `%s`: zero hits, and the page says so',
  async (q) => {
    const page = await served.browser.newPage();
    const shown = await search(page, `q=${encodeURIComponent(q)}`);
    expect(shown.hits).toEqual([]);
    expect(shown.status).toMatch(new RegExp(`^No turn holds “${q}”`));
    await page.close();
  },
);

test('every hit holds every query word, whole, in its own text', async () => {
  const page = await served.browser.newPage();
  for (const q of ['telecom fraud', 'cooperation agreements', 'patrols', 'fraud']) {
    const shown = await search(page, `q=${encodeURIComponent(q)}`);
    expect(shown.hits.length).toBeGreaterThan(0);
    expect(shown.status).toMatch(new RegExp(`^${shown.hits.length} turns? in \\d+ transcripts? holds? “${q}”\\.$`));
    for (const hit of shown.hits) {
      const words = wordsOf(turnText(hit.href));
      for (const w of wordsOf(q))
        expect(
          words.some((t) => t === w || t.startsWith(w)),
          `${hit.href} holds ${w}`,
        ).toBe(true);
      // Only query words are marked, and the speaker's name is not part of the excerpt.
      for (const m of hit.marks) expect(wordsOf(q).some((w) => wordsOf(m)[0]?.startsWith(w.slice(0, 4)))).toBe(true);
      expect(hit.excerpt.startsWith(`${hit.speaker}.`)).toBe(false);
    }
  }
  await page.close();
});

test('a typo finds nothing, and a labelled “Did you mean” offers the archive’s own word', async () => {
  const page = await served.browser.newPage();
  const shown = await search(page, 'q=cooperaton');
  expect(shown.hits).toEqual([]);
  expect(shown.status).toBe('No turn holds “cooperaton”: no turn says “cooperaton”.');
  const suggest = page.getByRole('region', { name: 'Suggestions' });
  expect(await suggest.getByRole('heading').textContent()).toBe('Did you mean');
  await suggest.getByRole('link', { name: 'cooperation' }).click();
  await page.waitForURL(/q=cooperation$/);
  await page.waitForFunction(() =>
    /holds? “cooperation”/.test(document.getElementById('search-status')?.textContent ?? ''),
  );
  expect(await page.locator('.search-hit').count()).toBeGreaterThan(0);
  await page.close();
});

test('a typo in its first letter, or with two letters swapped, is offered the archive’s word', async () => {
  const page = await served.browser.newPage();
  for (const [typo, meant] of [
    ['xooperation', 'cooperation'],
    ['fruad', 'fraud'],
  ]) {
    const shown = await search(page, `q=${typo}`);
    expect(shown.hits).toEqual([]);
    expect(shown.status).toBe(`No turn holds “${typo}”: no turn says “${typo}”.`);
    const suggest = page.getByRole('region', { name: 'Suggestions' });
    expect(await suggest.getByRole('link').first().textContent()).toBe(meant);
  }
  await page.close();
});

test('turns that say the query’s words together come before turns that say them apart', async () => {
  const page = await served.browser.newPage();
  const shown = await search(page, `q=${encodeURIComponent('blog post')}`);
  const together = shown.hits.map((h) => scoreTurn(turnText(h.href), ['blog', 'post'], english).phrase);
  // The fixture has both kinds, so the order is tested, not assumed.
  expect(together).toContain(true);
  expect(together).toContain(false);
  expect(together.slice(together.indexOf(false))).not.toContain(true);
  await page.close();
});

test('a speaker’s name is not text: it offers that speaker’s turns apart from the hits', async () => {
  const page = await served.browser.newPage();
  const shown = await search(page, `q=${encodeURIComponent('Qi Yanjun')}`);
  expect(shown.hits).toEqual([]);
  expect(shown.suggest).toContain('Turns by Qi Yanjun');
  await page.getByRole('link', { name: 'Turns by Qi Yanjun' }).click();
  await page.waitForURL(/\?speaker=Qi\+Yanjun$/);
  await page.waitForFunction(() =>
    /match(es)? the filters/.test(document.getElementById('search-status')?.textContent ?? ''),
  );
  const speakers = await page.locator('.search-hit .hit-speaker').allTextContents();
  expect(speakers.length).toBeGreaterThan(0);
  expect(new Set(speakers)).toEqual(new Set(['Qi Yanjun']));
  await page.close();
});

/** Every original English turn of the fixture, as `<page>#<turn>` with its text. */
function englishTurns(): { at: string; text: string }[] {
  const manifest = JSON.parse(readFileSync(`${site}/transcripts.json`, 'utf8')) as { transcripts: { slug: string }[] };
  return manifest.transcripts.flatMap(({ slug }) => {
    const twin = JSON.parse(readFileSync(`${site}/transcripts/${slug}.json`, 'utf8')) as {
      url: string;
      language: string;
      turns: { id: string; paragraphs: string[] }[];
    };
    if (twin.language !== 'en') return [];
    return twin.turns.map((t) => ({ at: `${twin.url}#${t.id}`, text: t.paragraphs.join(' ') }));
  });
}

/** Every original turn of the fixture holding every word of `q` (English stems), as `<page>#<turn>`. */
function turnsHolding(q: string): string[] {
  return englishTurns()
    .filter((t) => holdsAll(t.text, wordsOf(q), english))
    .map((t) => t.at);
}

test('a common word beside a rarer one is left to the check, not looked up: the hits are every turn holding both', async () => {
  const page = await served.browser.newPage();
  for (const q of ['the fraud', 'and patrols']) {
    const expected = turnsHolding(q);
    expect(expected.length, q).toBeGreaterThan(0);
    let status = (await search(page, `q=${encodeURIComponent(q)}`)).status;
    // Every candidate checked, so the hits are all there are.
    for (let i = 0; i < 20 && /left to check/.test(status); i++) {
      await page.locator('.search-more').click();
      await page.waitForFunction((before) => document.getElementById('search-status')?.textContent !== before, status);
      status = (await page.locator('#search-status').textContent()) ?? '';
    }
    expect(status, q).toMatch(/^\d+ turns? in \d+ transcripts? holds? /);
    const hits = await page
      .locator('.search-hit .hit-excerpt')
      .evaluateAll((as) => as.map((a) => new URL(a.getAttribute('href') ?? '', location.href)))
      .then((urls) => urls.map((u) => `${u.pathname}${u.hash}`));
    expect(new Set(hits), q).toEqual(new Set(expected));
  }
  // Each count, with the common word left to the check, is the hits choosing that value gives.
  await search(page, 'q=the+fraud');
  const counts = await page.locator('#search-filters label.filter-value').evaluateAll((labels) =>
    labels.map((l) => ({
      name: l.querySelector('input')?.getAttribute('name') ?? '',
      value: l.querySelector('input')?.getAttribute('value') ?? '',
      n: Number(l.querySelector('.filter-count')?.textContent),
    })),
  );
  expect(counts.filter((c) => c.name === 'speaker').length).toBeGreaterThan(0);
  for (const { name, value, n } of counts) {
    const shown = await search(page, `q=the+fraud&${name}=${encodeURIComponent(value)}`);
    expect(shown.hits.length, `${name}=${value}`).toBe(n);
  }
  await page.close();
}, 120_000);

test('each count equals the hits choosing it gives; years include Undated; languages by name; no format', async () => {
  const page = await served.browser.newPage();
  await search(page, 'q=fraud');
  const groups = await page.locator('#search-filters legend').allTextContents();
  expect(groups).not.toContain('Format');
  const years = await page.getByRole('group', { name: 'Year' }).textContent();
  expect(years).toContain('Undated');
  expect(await page.getByRole('group', { name: 'Language' }).textContent()).toMatch(/English/);
  const counts = await page.locator('#search-filters label.filter-value').evaluateAll((labels) =>
    labels.map((l) => ({
      name: l.querySelector('input')?.getAttribute('name') ?? '',
      value: l.querySelector('input')?.getAttribute('value') ?? '',
      n: Number(l.querySelector('.filter-count')?.textContent),
    })),
  );
  expect(counts.length).toBeGreaterThan(4);
  for (const { name, value, n } of counts) {
    const shown = await search(page, `q=fraud&${name}=${encodeURIComponent(value)}`);
    expect(shown.hits.length, `${name}=${value}`).toBe(n);
  }
  await page.close();
}, 180_000);

test('a hit shows the transcript’s title, the speaker linked to their page, the date, and the passage with terms marked', async () => {
  const page = await served.browser.newPage();
  const shown = await search(page, 'q=extradition');
  const [hit] = shown.hits;
  expect(hit?.title).toBe('Weekly briefing on cross-border cooperation');
  expect(hit?.titleHref).toBe('/transcripts/weekly-briefing-2024-09-05/');
  expect(hit?.speakerHref).toMatch(/^\/speakers\/[a-z0-9-]+\/$/);
  expect(hit?.date).toBe('2024-09-05');
  expect(hit?.href).toMatch(/^\/transcripts\/weekly-briefing-2024-09-05\/\?highlight=extradition#t\d+$/);
  expect(hit?.marks.map((m) => m.toLowerCase().replace(/\W/g, ''))).toEqual(['extradition']);
  await page.goto(`${served.server.url}${hit?.speakerHref}`);
  expect(await page.locator('h1').textContent()).toBe(hit?.speaker);
  await page.close();
});

test('`/` on any page opens search with the cursor in the box, ready to type', async () => {
  const page = await served.browser.newPage();
  await page.goto(`${served.server.url}/speakers/`);
  await page.keyboard.press('/');
  await page.waitForURL(/\/search\/$/);
  await page.waitForFunction(() => document.activeElement?.id === 'search-q');
  await page.keyboard.type('fraud');
  await page.waitForFunction(() => /holds? “fraud”/.test(document.getElementById('search-status')?.textContent ?? ''));
  await page.close();
});

test('on a phone, a shared filtered link shows how many filters are on while the panel is folded', async () => {
  const context = await served.browser.newContext({ viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  await page.goto(`${served.server.url}/search/?q=fraud&speaker=Qi+Yanjun&year=Undated`);
  await page.locator('.search-hit').first().waitFor({ timeout: 10_000 });
  expect(await page.locator('#filters-panel').getAttribute('open')).toBeNull();
  const count = page.locator('#filters-count');
  expect(await count.isVisible()).toBe(true);
  expect(await count.textContent()).toBe('(2 chosen)');
  await context.close();
});

test('a hit late in a long transcript loads only its part of the text, and links to its turn on the transcript page', async () => {
  const twin = JSON.parse(readFileSync(`${site}/transcripts/op-return.json`, 'utf8')) as {
    turns: { paragraphs: string[] }[];
  };
  const whole = twin.turns.flatMap((t) => t.paragraphs).join(' ').length;
  expect(whole).toBeGreaterThan(PART_CHARS);
  const page = await served.browser.newPage();
  const fragments: Promise<{ url: string; content: string; meta: Record<string, string> }>[] = [];
  page.on('response', (response) => {
    // A query's candidate passages come from the passage index, one JSON file each.
    if (!/\/search-words\/passages\/\d+\/\d+\.json$/.test(response.url())) return;
    fragments.push(response.body().then((body) => JSON.parse(body.toString('utf8'))));
  });
  const shown = await search(page, 'q=untracked');
  expect(shown.hits.map((h) => h.href.replace(/\?[^#]*/, ''))).toEqual([
    expect.stringMatching(/^\/transcripts\/op-return\/#t\d+$/),
  ]);
  expect(turnText(shown.hits[0]?.href ?? '')).toContain('untracked');
  expect(shown.hits[0]?.titleHref).toBe('/transcripts/op-return/');
  const loaded = (await Promise.all(fragments)).filter((f) => f.content.includes('untracked'));
  expect(loaded).toHaveLength(1);
  expect(loaded[0]?.meta['page']).toBe('/transcripts/op-return/');
  expect(loaded[0]?.content.length).toBeLessThanOrEqual(PART_CHARS);
  expect(loaded[0]?.content.length).toBeLessThan(whole);
  expect(shown.status).toBe('1 turn in 1 transcript holds “untracked”.');
  await page.close();
});

test(`words beyond the ${LOOKUP_AT_MOST} rarest are not looked up, and still checked in every hit`, async () => {
  const page = await served.browser.newPage();
  const turns = englishTurns();
  const held = (word: string): number => turns.filter((t) => holdsAll(t.text, [word], english)).length;
  const [one] = turns.filter((t) => holdsAll(t.text, wordsOf('Lianyungang'), english));
  if (!one) throw new Error('the fixture has no turn saying Lianyungang');
  // The turn's words that no other turn says: these are the rarest, and looked up.
  const own = [...new Set(wordsOf(one.text))].filter((w) => held(w) === 1).slice(0, LOOKUP_AT_MOST);
  expect(own).toHaveLength(LOOKUP_AT_MOST);
  // A word of the same turn that other turns say too: more common, so only checked.
  const shared = wordsOf(one.text).find((w) => held(w) > 1 && w.length > 4);
  if (!shared) throw new Error('the Lianyungang turn has no word other turns say');
  const all = [...own, shared].join(' ');
  const shown = await search(page, `q=${encodeURIComponent(all)}`);
  expect(shown.hits.map((h) => new URL(h.href, 'http://x.invalid')).map((u) => `${u.pathname}${u.hash}`)).toEqual([
    one.at,
  ]);
  // A word of other turns only: the looked-up words still find that turn, and the check turns it away.
  const elsewhere = turns.flatMap((t) => wordsOf(t.text)).find((w) => held(w) > 1 && !holdsAll(one.text, [w], english));
  if (!elsewhere) throw new Error('the fixture has no word said in several turns but not that one');
  const apart = [...own, elsewhere].join(' ');
  expect(turnsHolding(apart)).toEqual([]);
  const none = await search(page, `q=${encodeURIComponent(apart)}`);
  expect(none.hits).toEqual([]);
  expect(none.status).toMatch(/^No turn holds “/);
  await page.close();
});
