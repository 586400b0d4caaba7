/**
 * The reference pages of a built archive: every page under /docs/ is built
 * and reached from "About" in the navigation, and its examples are
 * highlighted by Shiki in the light and in the dark theme, as Chromium
 * paints them.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { ROOT } from '../../scripts/lib/cli.ts';
import { serveWithBrowser } from '../helpers/browser.ts';
import { exists, page } from '../helpers/site.ts';

const { site } = inject('fixtureBuild');
const served = serveWithBrowser(site);

const PAGES = readdirSync(join(ROOT, 'src', 'pages', 'docs'))
  .filter((f) => f.endsWith('.mdx') && f !== 'index.mdx')
  .map((f) => `/docs/${f.replace(/\.mdx$/, '')}/`);

describe('the built docs', () => {
  test('every docs page is built, and linked from the docs index', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(11);
    const index = page(site, '/docs/');
    const links = index.querySelectorAll('article a').map((a) => a.getAttribute('href'));
    for (const path of PAGES) {
      expect(exists(site, `${path}index.html`), path).toBe(true);
      expect(links, path).toContain(path);
    }
  });

  test('"About" in every page’s navigation leads to the docs', () => {
    for (const path of ['/', '/search/', ...PAGES]) {
      const about = page(site, path)
        .querySelectorAll('a')
        .find((a) => a.text.trim() === 'About');
      expect(about?.getAttribute('href'), path).toBe('/docs/');
    }
  });

  test.each(PAGES)('%s highlights its examples with Shiki', (path) => {
    const code = page(site, path).querySelectorAll('pre.astro-code');
    expect(code.length).toBeGreaterThan(0);
    // node-html-parser keeps a <pre>'s content as raw text: look for Shiki's token colours in its markup.
    expect(code.some((pre) => pre.toString().includes('style="color:var(--astro-code-token-'))).toBe(true);
  });
});

describe('the two themes', () => {
  /** The painted colours of a YAML example's first key token and of its block, in one colour scheme. */
  async function colours(scheme: 'light' | 'dark'): Promise<{ token: string; background: string }> {
    const tab = await served.browser.newPage({ colorScheme: scheme });
    try {
      await tab.goto(`${served.server.url}/docs/topics/`);
      return await tab.evaluate(() => {
        const pre = document.querySelector('pre.astro-code[data-language="yaml"]');
        const token = pre?.querySelector('span[style*="--astro-code-token-"]');
        if (!(pre && token)) throw new Error('no highlighted YAML example on /docs/topics/');
        return { token: getComputedStyle(token).color, background: getComputedStyle(pre).backgroundColor };
      });
    } finally {
      await tab.close();
    }
  }

  test('code examples are coloured for the light theme and again for the dark one', async () => {
    const light = await colours('light');
    const dark = await colours('dark');
    expect(light.token).not.toBe(dark.token);
    expect(light.background).not.toBe(dark.background);
    // The light theme draws dark text on a light block, the dark theme the reverse.
    const luminance = (rgb: string) => {
      const [r = 0, g = 0, b = 0] = (rgb.match(/\d+/g) ?? []).map(Number);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    expect(luminance(light.background)).toBeGreaterThan(luminance(dark.background));
    expect(luminance(light.token)).toBeLessThan(luminance(dark.token));
  });
});
