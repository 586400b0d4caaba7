/**
 * `npm run screenshots -- [--site DIR] [--out DIR] [--path /x/ …]`
 *
 * Photographs a built site in headless Chromium, light and dark, at desktop
 * width and at 360 px: the home page, the indexes, a transcript, a speaker, a
 * topic and a search with results (or the paths given), so a person can look
 * at every page type in both themes before a release. Then the longest
 * transcript as a phone shows it, screen by screen (the top, the middle with
 * the outline open, the bottom), and as it prints from each theme. For each shot it prints
 * what a reader would trip over: horizontal scrolling and tap targets smaller
 * than 24 × 24 px too close to another (WCAG 2.2 target size, 2.5.8). A tool for eyes, not a test.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './lib/chromium.ts';
import { ROOT } from './lib/cli.ts';
import { measurePageFit } from './lib/page-fit.ts';
import { serveStatic } from './lib/serve-static.ts';

const USAGE = `Usage: npm run screenshots -- [options]

  --site DIR    the built site (default: dist)
  --out DIR     where the PNG files go (default: screenshots, git-ignored)
  --path P      a page to photograph, repeatable (default: one of each page type)
  --height N    cut long pages at N px (default 2600)
  -h, --help    show this help`;

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: '360', width: 360, height: 780 },
] as const;
const THEMES = ['light', 'dark'] as const;
/** Long pages are cut here by default: enough to judge the design without a 40,000-pixel image. */
const MAX_HEIGHT = '2600';

interface Shot {
  name: string;
  path: string;
}

/** Where a phone screen of the long transcript is taken, and whether its outline drawer is open. */
const READING_SHOTS = [
  { name: 'top', at: 0, outline: false },
  { name: 'middle-outline', at: 0.5, outline: true },
  { name: 'bottom', at: 1, outline: false },
] as const;

/** The transcript with the most turns, from the site's manifest. */
async function longestTranscript(site: string, base: string): Promise<string | undefined> {
  const manifest = JSON.parse(await readFile(join(site, 'transcripts.json'), 'utf8')) as {
    transcripts: { url: string; turns: number }[];
  };
  const longest = [...manifest.transcripts].sort((a, b) => b.turns - a.turns)[0];
  return longest ? new URL(longest.url, base).pathname : undefined;
}

/** The long transcript on a 360 px phone, screen by screen, and printed from each theme. */
async function readingShots(
  browser: Browser,
  base: string,
  path: string,
  out: string,
  maxHeight: number,
): Promise<void> {
  for (const theme of THEMES) {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, colorScheme: theme });
    const page = await context.newPage();
    await page.goto(base + path, { waitUntil: 'load' });
    for (const shot of READING_SHOTS) {
      await page.evaluate(
        (at) => window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * at),
        shot.at,
      );
      await page.evaluate((open) => {
        const outline = document.getElementById('outline') as HTMLDetailsElement | null;
        if (outline) outline.open = open;
      }, shot.outline);
      // The outline's position follows scrolling on the next frame.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const file = join(out, `long-transcript-${shot.name}-${theme}-360.png`);
      await page.screenshot({ path: file });
      console.log(`${file.slice(out.length + 1)}  ${path}`);
    }
    await context.close();
    const printing = await browser.newContext({ viewport: { width: 800, height: 1100 }, colorScheme: theme });
    const paper = await printing.newPage();
    await paper.goto(base + path, { waitUntil: 'load' });
    await paper.evaluate((t) => {
      document.documentElement.dataset['theme'] = t;
    }, theme);
    await paper.emulateMedia({ media: 'print' });
    const height = await paper.evaluate(() => document.documentElement.scrollHeight);
    const file = join(out, `long-transcript-print-from-${theme}.png`);
    await paper.screenshot({
      path: file,
      fullPage: true,
      clip: { x: 0, y: 0, width: 800, height: Math.min(height, maxHeight) },
    });
    console.log(`${file.slice(out.length + 1)}  ${path} (print)`);
    await printing.close();
  }
}

/** One page of each type, chosen from the built site itself. */
async function defaultShots(browser: Browser, base: string, site: string): Promise<Shot[]> {
  const manifest = JSON.parse(await readFile(join(site, 'transcripts.json'), 'utf8')) as {
    transcripts: { url: string }[];
  };
  const page = await browser.newPage();
  const firstCard = async (path: string) => {
    await page.goto(base + path);
    return page
      .locator('main .card-title')
      .first()
      .getAttribute('href')
      .catch(() => null);
  };
  const speaker = await firstCard('/speakers/');
  const topic = await firstCard('/topics/');
  const topicName = topic ? await page.locator('main .card-title').first().textContent() : null;
  await page.close();
  const transcript = manifest.transcripts[0]?.url;
  return [
    { name: 'home', path: '/' },
    { name: 'transcripts', path: '/transcripts/' },
    ...(transcript ? [{ name: 'transcript', path: new URL(transcript, base).pathname }] : []),
    { name: 'speakers', path: '/speakers/' },
    ...(speaker ? [{ name: 'speaker', path: speaker }] : []),
    { name: 'topics', path: '/topics/' },
    ...(topic ? [{ name: 'topic', path: topic }] : []),
    { name: 'search', path: `/search/?q=${encodeURIComponent(topicName?.trim() || 'the')}` },
  ];
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      site: { type: 'string', default: 'dist' },
      out: { type: 'string', default: 'screenshots' },
      path: { type: 'string', multiple: true },
      height: { type: 'string', default: MAX_HEIGHT },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const site = resolve(ROOT, values.site);
  const out = resolve(ROOT, values.out);
  const maxHeight = Number(values.height);
  if (!Number.isInteger(maxHeight) || maxHeight < 100) {
    console.error(`--height must be a whole number of pixels, at least 100 (got ${values.height})\n\n${USAGE}`);
    return 2;
  }
  await mkdir(out, { recursive: true });
  const server = await serveStatic(site);
  const browser = await launchBrowser();
  let trouble = 0;
  try {
    const shots = values.path?.length
      ? values.path.map((path, i) => ({ name: `page-${i + 1}`, path }))
      : await defaultShots(browser, server.url, site);
    for (const shot of shots) {
      for (const theme of THEMES) {
        for (const vp of VIEWPORTS) {
          const context = await browser.newContext({
            viewport: { width: vp.width, height: vp.height },
            colorScheme: theme,
          });
          const page = await context.newPage();
          await page.goto(server.url + shot.path, { waitUntil: 'load' });
          if (shot.path.startsWith('/search/')) {
            await page
              .locator('.search-hit')
              .first()
              .waitFor({ timeout: 10_000 })
              .catch(() => undefined);
          }
          const found = await page.evaluate(measurePageFit);
          const file = join(out, `${shot.name}-${theme}-${vp.name}.png`);
          await page.screenshot({
            path: file,
            fullPage: true,
            clip: { x: 0, y: 0, width: vp.width, height: Math.min(found.height, maxHeight) },
          });
          const notes = [
            found.overflow > 0 ? `scrolls sideways by ${found.overflow} px` : '',
            found.small.length > 0
              ? `${found.small.length} small tap targets (${found.small.slice(0, 5).join(', ')})`
              : '',
          ].filter(Boolean);
          if (notes.length) trouble++;
          console.log(`${file.slice(out.length + 1)}  ${shot.path}${notes.length ? `  ⚠ ${notes.join('; ')}` : ''}`);
          await context.close();
        }
      }
    }
    if (!values.path?.length) {
      const long = await longestTranscript(site, server.url);
      if (long) await readingShots(browser, server.url, long, out, maxHeight);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`Screenshots in ${out}${trouble ? `; ${trouble} with something to check` : ''}`);
  return 0;
}

process.exitCode = await main();
