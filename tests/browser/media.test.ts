/**
 * The recording on a transcript page, in Chromium: the fixture town hall
 * (tests/fixtures/archive/town-hall.vtt) names `media: town-hall.wav`, a
 * recording beside the site. This test generates that recording (a tone,
 * a few seconds long) and serves it with the built site, as a host would.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sirv from 'sirv';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, openWatched } from '../helpers/browser.ts';

const { site } = inject('fixtureBuild');
const PAGE = '/transcripts/town-hall/';
/** The fixture's turns start at 0, 1.5, 3 and 4.5 s. */
const SECONDS = 8;

/** A mono 8-bit PCM WAV of a 440 Hz tone: the smallest file every browser plays. */
function toneWav(seconds: number, rate = 8000): Buffer {
  const n = seconds * rate;
  const wav = Buffer.alloc(44 + n);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + n, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16); // size of the format chunk
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // one channel
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate, 28); // bytes a second
  wav.writeUInt16LE(1, 32); // bytes a frame
  wav.writeUInt16LE(8, 34); // bits a sample
  wav.write('data', 36);
  wav.writeUInt32LE(n, 40);
  for (let i = 0; i < n; i++) wav[44 + i] = 128 + Math.round(40 * Math.sin((2 * Math.PI * 440 * i) / rate));
  return wav;
}

let browser: Browser;
let server: Server;
let origin: string;
const recordings = mkdtempSync(join(tmpdir(), 'archive-media-'));

beforeAll(async () => {
  writeFileSync(join(recordings, 'town-hall.wav'), toneWav(SECONDS));
  // The recording first, then the site: two folders served as one host.
  const media = sirv(recordings, { dev: true });
  const pages = sirv(site, { dev: true });
  server = createServer((req, res) =>
    media(req, res, () =>
      pages(req, res, () => {
        res.statusCode = 404;
        res.end('Not found');
      }),
    ),
  );
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // No sound card here: Chromium plays to a silent output, and its clock still runs.
  browser = await launchBrowser(['--disable-audio-output']);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
  rmSync(recordings, { recursive: true, force: true });
});

/** The player's time and state, and the id of the turn marked as playing. */
function state(page: Page): Promise<{ time: number; paused: boolean; marked: string[]; classed: string[] }> {
  return page.evaluate(() => {
    const player = document.querySelector<HTMLMediaElement>('.media-player audio');
    const ids = (selector: string) =>
      [...document.querySelectorAll(selector)].map((s) => s.querySelector('h3')?.id ?? '?');
    return {
      time: player?.currentTime ?? -1,
      paused: player?.paused ?? true,
      marked: ids('section.turn[aria-current="true"]'),
      classed: ids('section.turn.turn--playing'),
    };
  });
}

describe('with JavaScript', () => {
  test('pressing a turn’s time seeks the player there and plays; the playing turn is marked as the recording moves on', async () => {
    const { page, watch } = await openWatched(browser, `${origin}${PAGE}`);
    const player = page.locator('.media-player audio');
    expect(await player.getAttribute('controls')).not.toBeNull();
    expect(await player.getAttribute('preload')).toBe('none');
    // The recording is not fetched until the reader plays it.
    expect(watch.requests.filter((u) => u.endsWith('/town-hall.wav'))).toEqual([]);

    const time = page.locator('section.turn:has(#t3) a.turn-time');
    expect(await time.getAttribute('href')).toBe('/town-hall.wav#t=3');
    await time.click();
    // The page stays: the link seeks the player, it does not open the file.
    expect(new URL(page.url()).pathname).toBe(PAGE);
    await page.waitForFunction(
      () => document.querySelector('#t3')?.closest('section')?.getAttribute('aria-current') === 'true',
    );
    const seeked = await state(page);
    expect(seeked.time).toBeGreaterThanOrEqual(3);
    expect(seeked.time).toBeLessThan(4.5);
    expect(seeked.paused).toBe(false);
    expect(seeked.marked).toEqual(['t3']);
    expect(seeked.classed).toEqual(['t3']);

    // It plays on into t4, which takes the mark from t3.
    await page.waitForFunction(
      () => document.querySelector('#t4')?.closest('section')?.getAttribute('aria-current') === 'true',
      undefined,
      { timeout: 30_000 },
    );
    const later = await state(page);
    // The player marks a turn from 50 ms before its start (src/scripts/player.ts), so a `timeupdate` just short of it counts.
    expect(later.time).toBeGreaterThanOrEqual(4.45);
    expect(later.marked).toEqual(['t4']);

    expect(watch.requests.some((u) => u === `${origin}/town-hall.wav`)).toBe(true);
    expect(watch.violations).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  }, 60_000);

  test('the marked turn is visibly set apart, in the light and the dark theme', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, watch } = await openWatched(browser, `${origin}${PAGE}`, { colorScheme });
      await page.locator('section.turn:has(#t2) a.turn-time').click();
      await page.waitForFunction(() => document.querySelector('section.turn--playing') !== null);
      const [playing, other] = await page.evaluate(() =>
        ['section.turn--playing', 'section.turn:not(.turn--playing)'].map((s) => {
          const style = getComputedStyle(document.querySelector(s) as Element);
          return `${style.backgroundColor} ${style.boxShadow}`;
        }),
      );
      expect(playing, colorScheme).not.toBe(other);
      expect(watch.violations).toEqual([]);
      await page.close();
    }
  });

  test('the page scrolls to the playing turn only once the reader turns "Follow the recording" on', async () => {
    const { page, watch } = await openWatched(browser, `${origin}${PAGE}`);
    await page.setViewportSize({ width: 800, height: 250 });
    const follow = page.getByRole('checkbox', { name: 'Follow the recording' });
    expect(await follow.isChecked()).toBe(false);
    const scrollY = () => page.evaluate(() => window.scrollY);
    // Play from t1 (a turn's time, near the top), then jump to t4 from the player, far below: the page stays put.
    await page.locator('section.turn:has(#t1) a.turn-time').click();
    await page.waitForFunction(() =>
      document.querySelector('#t1')?.closest('section')?.classList.contains('turn--playing'),
    );
    const before = await scrollY();
    await page.evaluate(() => {
      const player = document.querySelector('audio') as HTMLAudioElement;
      player.currentTime = 4.6;
    });
    await page.waitForFunction(() =>
      document.querySelector('#t4')?.closest('section')?.classList.contains('turn--playing'),
    );
    expect(await scrollY()).toBe(before);
    await follow.check();
    await page.waitForFunction((y) => window.scrollY !== y, before);
    await page.waitForFunction(() => {
      const box = document.querySelector('#t4')?.getBoundingClientRect();
      return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight;
    });
    expect(await scrollY()).toBeGreaterThan(before);
    expect(watch.violations).toEqual([]);
    await page.close();
  });

  test('by keyboard: the player is a tab stop with native controls, and "Cite" offers play-from that seeks it', async () => {
    const { page, watch } = await openWatched(browser, `${origin}${PAGE}`);
    // A turn's time link is not a tab stop with JavaScript (two a turn: its link and Cite).
    expect(await page.locator('section.turn:has(#t3) a.turn-time').getAttribute('tabindex')).toBe('-1');
    expect(
      await page.locator('.media-player audio').evaluate((el) => (el as HTMLElement).tabIndex),
    ).toBeGreaterThanOrEqual(0);
    // The page's one Cite button comes to the turn whose link has the focus, the next tab stop.
    await page.locator('section.turn:has(#t3) a.turn-link').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('section')?.querySelector('h3')?.id)).toBe('t3');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('turn-cite');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    const play = dialog.getByRole('link', { name: 'Play the recording from 0:03' });
    await play.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => document.querySelector('#t3')?.closest('section')?.getAttribute('aria-current') === 'true',
    );
    expect(await dialog.isVisible()).toBe(false);
    expect((await state(page)).time).toBeGreaterThanOrEqual(3);
    expect(new URL(page.url()).pathname).toBe(PAGE);
    expect(watch.violations).toEqual([]);
    await page.close();
  });

  test('the page’s policy allows media from the site itself only, and a recording elsewhere is blocked', async () => {
    const { page, watch } = await openWatched(browser, `${origin}${PAGE}`);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toMatch(/; media-src 'self'$/);
    await page.evaluate(() => {
      const probe = document.createElement('audio');
      probe.src = 'https://media.example.invalid/other.mp3';
      probe.load();
    });
    await expect.poll(() => watch.violations.length).toBeGreaterThan(0);
    expect(watch.violations[0]).toMatch(/^media-src blocked https:\/\/media\.example\.invalid/);
    await page.close();
  });
});

test('without JavaScript the times are links to the recording at that moment, and the player still plays', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${origin}${PAGE}`);
  const links = page.locator('section.turn a.turn-time');
  expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
    '/town-hall.wav#t=0',
    '/town-hall.wav#t=1.5',
    '/town-hall.wav#t=3',
    '/town-hall.wav#t=4.5',
  ]);
  expect(await links.first().evaluate((a) => (a as HTMLElement).tabIndex)).toBe(0);
  expect(await page.locator('.media-player audio[controls]').count()).toBe(1);
  expect(await page.locator('.media-controls').isVisible()).toBe(false);
  // Following a time link opens the recording itself.
  const response = await page.request.get(`${origin}/town-hall.wav`);
  expect(response.headers()['content-type']).toMatch(/^audio\//);
  await context.close();
});
