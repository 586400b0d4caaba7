/**
 * Reading a long transcript in Chromium: the reading keys follow focus and
 * the reading position exactly (on a page of short and long turns), a turn
 * has at most two tab stops, the outline ("On this page") works as a column
 * on a desktop and as a drawer on a phone, with and without JavaScript.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { serveWithBrowser } from '../helpers/browser.ts';

const { site } = inject('fixtureBuild');
const served = serveWithBrowser(site);
/** 84 turns in 8 sections, from one-line answers to long explanations. */
const LONG = '/transcripts/op-return/';

async function open(path: string, viewport = { width: 1280, height: 800 }, javaScriptEnabled = true) {
  const context = await served.browser.newContext({ viewport, javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(`${served.server.url}${path}`);
  return { context, page };
}

const hash = (page: Page) => page.evaluate(() => location.hash);

/** The turns as the page has them: id, speaker, heading height. */
function turnsOf(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('section.turn')].map((s) => ({
      id: s.querySelector('h3')?.id ?? '',
      speaker: s.dataset['speaker'] ?? '',
      height: s.getBoundingClientRect().height,
    })),
  );
}

/** Scrolls so the heading of turn `id` sits `offset` px below the window's top, and drops focus. */
async function scrollTurnTo(page: Page, id: string, offset: number): Promise<void> {
  await page.evaluate(
    ([turn, px]) => {
      (document.activeElement as HTMLElement | null)?.blur();
      const h = document.getElementById(turn as string) as HTMLElement;
      window.scrollBy(0, h.getBoundingClientRect().top - (px as number));
    },
    [id, offset],
  );
}

describe('reading keys', () => {
  test('j steps through every turn in order and k steps back through every one, never skipping a short turn', async () => {
    const { context, page } = await open(LONG);
    const turns = await turnsOf(page);
    expect(turns.length).toBe(84);
    const forward: string[] = [];
    for (let i = 0; i < turns.length; i++) {
      await page.keyboard.press('j');
      forward.push(await hash(page));
    }
    expect(forward).toEqual(turns.map((t) => `#${t.id}`));
    // At the last turn, j stays.
    await page.keyboard.press('j');
    expect(await hash(page)).toBe(`#${turns.at(-1)?.id}`);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(turns.at(-1)?.id);
    const back: string[] = [];
    for (let i = 1; i < turns.length; i++) {
      await page.keyboard.press('k');
      back.push(await hash(page));
    }
    expect(back).toEqual(
      turns
        .slice(0, -1)
        .reverse()
        .map((t) => `#${t.id}`),
    );
    await context.close();
  }, 60_000);

  test('without focus, j goes to the turn below the top of the window, however short the one at the top', async () => {
    const { context, page } = await open(LONG);
    const turns = await turnsOf(page);
    // A short turn at the top of the window puts the next heading in its top quarter: the old rule
    // counted that next turn as current before it was reached, and j skipped it.
    const i = turns.findIndex((t, n) => n > 5 && t.height < 150);
    expect(i).toBeGreaterThan(5);
    await scrollTurnTo(page, turns[i]?.id ?? '', 16);
    expect(
      await page.evaluate((id) => document.getElementById(id)?.getBoundingClientRect().top, turns[i + 1]?.id ?? ''),
    ).toBeLessThan(200);
    await page.keyboard.press('j');
    expect(await hash(page)).toBe(`#${turns[i + 1]?.id}`);
    // A heading just below the top of the window has not been reached: j lands on it.
    await scrollTurnTo(page, turns[i]?.id ?? '', 40);
    await page.keyboard.press('j');
    expect(await hash(page)).toBe(`#${turns[i]?.id}`);
    await context.close();
  });

  test('in the middle of a long turn, j goes to the next turn and k to the start of this one', async () => {
    const { context, page } = await open(LONG, { width: 1280, height: 500 });
    const turns = await turnsOf(page);
    const i = turns.findIndex((t) => t.height > 700);
    expect(i).toBeGreaterThanOrEqual(0);
    await scrollTurnTo(page, turns[i]?.id ?? '', -300);
    await page.keyboard.press('j');
    expect(await hash(page)).toBe(`#${turns[i + 1]?.id}`);
    await scrollTurnTo(page, turns[i]?.id ?? '', -300);
    await page.keyboard.press('k');
    expect(await hash(page)).toBe(`#${turns[i]?.id}`);
    await page.keyboard.press('k');
    expect(await hash(page)).toBe(`#${turns[i - 1]?.id}`);
    await context.close();
  });

  test("s and S go to this speaker's next and previous turn, from each speaker's first and last turns and every fourth", async () => {
    const { context, page } = await open(LONG);
    const turns = await turnsOf(page);
    const wrong: string[] = [];
    const ends = new Set(
      turns.flatMap((t) => [
        turns.findIndex((u) => u.speaker === t.speaker),
        turns.findLastIndex((u) => u.speaker === t.speaker),
      ]),
    );
    for (const i of turns.keys()) {
      if (i % 4 !== 0 && !ends.has(i)) continue;
      const mine = turns.map((t, n) => (t.speaker === turns[i]?.speaker ? n : -1)).filter((n) => n >= 0);
      const next = mine.find((n) => n > i) ?? i;
      const previous = mine.findLast((n) => n < i) ?? i;
      for (const [key, expected] of [
        ['s', next],
        ['S', previous],
      ] as const) {
        // Focus on turn i (as after tabbing to its link), wherever it is in the window.
        await page.evaluate((id) => {
          const h = document.getElementById(id) as HTMLElement;
          h.setAttribute('tabindex', '-1');
          h.focus();
          history.replaceState(null, '', `#${id}`);
        }, turns[i]?.id ?? '');
        await page.keyboard.press(key);
        const got = await hash(page);
        if (got !== `#${turns[expected]?.id}`) wrong.push(`${key} from ${turns[i]?.id}: ${got}`);
      }
    }
    expect(wrong).toEqual([]);
    await context.close();
  }, 60_000);

  test('J and K step through the sections', async () => {
    const { context, page } = await open(LONG);
    const parts = await page.evaluate(() => [...document.querySelectorAll('h2.section-heading')].map((h) => h.id));
    expect(parts.length).toBe(8);
    const seen: string[] = [];
    for (let i = 0; i < parts.length; i++) {
      await page.keyboard.press('J');
      seen.push(await hash(page));
    }
    expect(seen).toEqual(parts.map((id) => `#${id}`));
    await page.keyboard.press('K');
    expect(await hash(page)).toBe(`#${parts.at(-2)}`);
    await context.close();
  });

  test('a keystroke in the search field or with a modifier is not a reading key', async () => {
    const { context, page } = await open(LONG);
    await page.keyboard.press('Control+j');
    expect(await hash(page)).toBe('');
    await context.close();
  });
});

describe('tab stops', () => {
  for (const path of [LONG, '/transcripts/interview/', '/transcripts/seed-press-conference/']) {
    test(`every turn of ${path} has at most two tab stops`, async () => {
      const { context, page } = await open(path);
      const counts = await page.evaluate(() =>
        [...document.querySelectorAll('section.turn')].map((s) => {
          const stops = [...s.querySelectorAll<HTMLElement>('a[href], button, input, [tabindex]')].filter(
            (el) => el.tabIndex >= 0 && !el.closest('[hidden]') && el.getClientRects().length > 0,
          );
          return stops.length;
        }),
      );
      expect(counts.length).toBeGreaterThan(0);
      expect(Math.max(...counts)).toBeLessThanOrEqual(2);
      await context.close();
    });
  }

  test('a turn with a recording offers "play from" in its Cite dialog, since its time link is not a tab stop', async () => {
    const { context, page } = await open('/transcripts/interview/');
    await page.locator('button.turn-cite').first().click();
    const play = page.getByRole('dialog').getByRole('link', { name: /^Play the recording from / });
    expect(await play.getAttribute('href')).toMatch(/^https:\/\/example\.org\/interview\.mp4#t=/);
    await context.close();
  });
});

describe('the outline', () => {
  test('on a desktop it is an open column beside the text that shows the current section and turn', async () => {
    const { context, page } = await open(LONG);
    const outline = page.getByRole('navigation', { name: 'On this page' });
    const box = await outline.boundingBox();
    const text = await page.locator('article.transcript').boundingBox();
    expect(box && text && box.x >= text.x + text.width).toBe(true);
    const parts = outline.locator('a[data-outline-part]');
    // Its 8 sections, and runs of turns inside the one too long to be a single landmark.
    expect(await outline.locator('a[data-outline-part][href^="#s"]').count()).toBe(8);
    expect(await parts.count()).toBe(10);
    // At the top nobody has a previous turn yet.
    for (const button of await outline.getByRole('button', { name: /^Previous turn by / }).all())
      expect(await button.getAttribute('aria-disabled')).toBe('true');
    expect(
      await outline
        .getByRole('button', { name: /^Next turn by / })
        .first()
        .getAttribute('aria-disabled'),
    ).toBe('false');
    expect(await parts.nth(0).isVisible()).toBe(true);
    await page.keyboard.press('J');
    await page.keyboard.press('J');
    await page.keyboard.press('J');
    await page.keyboard.press('j');
    await page.waitForFunction(
      () => document.querySelector('a[aria-current="location"]')?.getAttribute('href') === '#s3',
    );
    const current = await page.evaluate(() => location.hash);
    const index = await page.evaluate(
      (id) => [...document.querySelectorAll('section.turn h3')].findIndex((h) => `#${h.id}` === id),
      current,
    );
    expect(await page.locator('#outline-here').textContent()).toMatch(new RegExp(`^Turn ${index + 1} of 84 · `));
    // Still there after scrolling far down: it is sticky (at the very end its column's end carries it up).
    await page.evaluate(() => window.scrollTo(0, (document.documentElement.scrollHeight * 2) / 3));
    await page.waitForFunction(() => window.scrollY > 3000);
    const after = await outline.boundingBox();
    expect(after?.y).toBeGreaterThanOrEqual(0);
    expect(after?.y).toBeLessThan(100);
    await context.close();
  });

  test('on a phone it is a drawer: closed, one tap opens it, "next turn by" jumps and closes it', async () => {
    const { context, page } = await open(LONG, { width: 360, height: 780 });
    const drawer = page.locator('#outline');
    expect(await drawer.getAttribute('open')).toBeNull();
    const summary = page.locator('#outline > summary');
    const bar = await summary.boundingBox();
    expect(bar && bar.y + bar.height).toBeGreaterThan(700);
    await summary.tap?.().catch(() => undefined);
    if ((await drawer.getAttribute('open')) === null) await summary.click();
    expect(await drawer.getAttribute('open')).not.toBeNull();
    const turns = await turnsOf(page);
    const speaker = turns[0]?.speaker ?? '';
    const row = page.locator(`#outline li[data-speaker="${speaker}"]`);
    await row.getByRole('button', { name: /^Next turn by / }).click();
    const first = turns.findIndex((t) => t.speaker === speaker);
    expect(await hash(page)).toBe(`#${turns[first]?.id}`);
    expect(await drawer.getAttribute('open')).toBeNull();
    await summary.click();
    await row.getByRole('button', { name: /^Next turn by / }).click();
    const second = turns.findIndex((t, n) => n > first && t.speaker === speaker);
    expect(await hash(page)).toBe(`#${turns[second]?.id}`);
    await summary.click();
    await page.getByRole('link', { name: '↑ Back to top' }).click();
    expect(await page.evaluate(() => window.scrollY)).toBeLessThan(200);
    await context.close();
  });

  test('without JavaScript the drawer opens and its links land on the parts and first turns', async () => {
    const { context, page } = await open(LONG, { width: 360, height: 780 }, false);
    await page.locator('#outline > summary').click();
    await page.locator('#outline a[data-outline-part]').nth(2).click();
    expect(await hash(page)).toBe('#s3');
    await context.close();
  });

  test('a transcript with neither sections nor exchanges is outlined every few turns when long enough', async () => {
    // The meeting has 5 turns: one part would hold them all, so it has no parts, only speakers.
    const { context, page } = await open('/transcripts/meeting/');
    expect(await page.locator('#outline a[data-outline-part]').count()).toBe(0);
    expect(await page.locator('#outline .outline-speakers li').count()).toBeGreaterThan(1);
    await context.close();
  });

  test('participants link to their speaker page and to their first turn here', async () => {
    const { context, page } = await open('/transcripts/seed-press-conference/');
    const qi = page.locator('.participants li', { hasText: 'Qi Yanjun' });
    expect(await qi.getByRole('link', { name: 'Qi Yanjun', exact: true }).getAttribute('href')).toBe(
      '/speakers/qi-yanjun/',
    );
    await qi.getByRole('link', { name: 'first turn by Qi Yanjun' }).click();
    expect(await hash(page)).toBe('#t2');
    await context.close();
  });
});
