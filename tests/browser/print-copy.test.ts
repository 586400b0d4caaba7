/**
 * A transcript printed from either theme, and copying a citation, in Chromium:
 * the printout is dark text on white with its citation and address and without
 * disclosures, navigation or search marks; a copy says "Copied" on the button
 * and in the live region; the permalink looks like a link.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { serveWithBrowser } from '../helpers/browser.ts';

const { site } = inject('fixtureBuild');
const served = serveWithBrowser(site);

/** Relative luminance of a computed `rgb(…)` colour (WCAG's formula). */
function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/[\d.]+/g) ?? []).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

async function style(page: Page, selector: string) {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const s = getComputedStyle(el);
      return { color: s.color, background: s.backgroundColor, display: s.display };
    });
}

describe('print', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`printed from the ${theme} theme: light palette, citation and address, no disclosures or marks`, async () => {
      const context = await served.browser.newContext({ colorScheme: theme });
      const page = await context.newPage();
      // Arriving from a search: terms are marked on screen.
      await page.goto(`${served.server.url}/transcripts/seed-press-conference/?highlight=fraud#t2`);
      await page.locator('mark.pagefind-highlight').first().waitFor();
      // The theme chosen with the toggle, as a reader would.
      await page.evaluate((t) => {
        document.documentElement.dataset['theme'] = t;
      }, theme);
      await page.emulateMedia({ media: 'print' });
      const body = await style(page, 'body');
      expect(luminance(body.background)).toBeGreaterThan(0.9);
      for (const selector of ['section.turn h3', '.turn-body p', 'h1', '.participants a']) {
        expect(luminance((await style(page, selector)).color), selector).toBeLessThan(0.2);
      }
      const lines = page.locator('.print-lines');
      expect(await lines.isVisible()).toBe(true);
      const printed = (await lines.textContent()) ?? '';
      // APA 7: its speakers as authors, then the date, title and publisher.
      expect(printed).toMatch(/Cite as: .+\. \(n\.d\.\)\. Seed press conference \[Transcript\]\. Transcript archive\./);
      // No --site for the fixture build: the path is printed with a note, never passed off as an address.
      expect(printed).toContain('Permanent address: /transcripts/seed-press-conference/ (a path on the site');
      expect(await lines.locator('mark').count()).toBe(0);
      for (const hidden of ['details.cite-block', '#outline', '.chart-table', '.site-header', '.mentions', '.keys']) {
        const count = await page.locator(hidden).count();
        if (count > 0) expect((await style(page, hidden)).display, hidden).toBe('none');
      }
      const mark = await style(page, 'mark.pagefind-highlight');
      expect(mark.background).toBe('rgba(0, 0, 0, 0)');
      await context.close();
    });
  }

  test("a chart's “Figures” disclosure is on screen, not on paper", async () => {
    const context = await served.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${served.server.url}/transcripts/op-return/`);
    expect((await style(page, '.chart-table')).display).toBe('block');
    await page.emulateMedia({ media: 'print' });
    expect((await style(page, '.chart-table')).display).toBe('none');
    await context.close();
  });
});

describe('copy', () => {
  test('copying a citation says "Copied" on the button for a few seconds and in the live region', async () => {
    const context = await served.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.server.url });
    const page = await context.newPage();
    await page.goto(`${served.server.url}/transcripts/seed-press-conference/`);
    await page.getByText('Cite this transcript').click();
    const button = page.getByRole('button', { name: 'Copy APA' });
    await button.click();
    const copied = page.locator('button.copy-button.copied');
    expect(await copied.textContent()).toBe('Copied ✓');
    expect(await page.locator('#copy-status').textContent()).toBe('APA copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
      /\(n\.d\.\)\. Seed press conference \[Transcript\]/,
    );
    // The label comes back.
    await page.getByRole('button', { name: 'Copy APA' }).waitFor({ timeout: 10_000 });
    expect(await copied.count()).toBe(0);
    await context.close();
  });

  test('the permalink of a turn looks like a link: the link colour, underlined', async () => {
    const context = await served.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${served.server.url}/transcripts/seed-press-conference/`);
    const link = page.locator('a.turn-link').first();
    const look = await link.evaluate((el) => {
      const s = getComputedStyle(el);
      const plain = getComputedStyle(document.querySelector('.participants a') as Element);
      return {
        color: s.color,
        linkColour: plain.color,
        line: s.textDecorationLine,
        size: Number.parseFloat(s.fontSize),
      };
    });
    expect(look.color).toBe(look.linkColour);
    expect(look.line).toBe('underline');
    expect(look.size).toBeGreaterThanOrEqual(14);
    await context.close();
  });
});
