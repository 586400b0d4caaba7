/**
 * Browser helpers for the tests: Chromium (scripts/lib/chromium.ts) against a
 * built site served like a static host, with watches for what a page did.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from '../../scripts/lib/chromium.ts';
import { type StaticServer, serveStatic } from '../../scripts/lib/serve-static.ts';

export { CHROMIUM, launchBrowser } from '../../scripts/lib/chromium.ts';

/** What a page did that a test can fail on: CSP violations, console errors, uncaught errors, requests. */
export interface PageWatch {
  violations: string[];
  errors: string[];
  requests: string[];
}

/**
 * Opens a page with everything recorded from its first byte on: each
 * `securitypolicyviolation` event (listened for before any page script runs),
 * console errors, uncaught exceptions, and every URL the page requested.
 */
export async function openWatched(
  browser: Browser,
  url: string,
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<{ page: Page; watch: PageWatch }> {
  const page = await browser.newPage({ colorScheme: options.colorScheme ?? 'light' });
  const watch: PageWatch = { violations: [], errors: [], requests: [] };
  await page.exposeFunction('__reportViolation', (text: string) => watch.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportViolation: (t: string) => void }).__reportViolation;
      report(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error') watch.errors.push(m.text());
  });
  page.on('pageerror', (e) => watch.errors.push(e.message));
  page.on('request', (r) => watch.requests.push(r.url()));
  await page.goto(url, { waitUntil: 'load' });
  return { page, watch };
}

/** The source of axe-core, to evaluate in a page (evaluation is not subject to the page's CSP). */
export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One axe-core violation, flattened for a readable test failure. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core (WCAG 2.x A and AA rules, and best practices) on the page as it is now. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    interface AxeResult {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    }
    const axe = (window as unknown as { axe: { run(o: object): Promise<AxeResult> } }).axe;
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => String(n.target)),
    }));
  });
}

/** A built site served like a static host, and Chromium, for the tests of one file or describe block. */
export interface ServedSite {
  server: StaticServer;
  browser: Browser;
}

/**
 * Serves `dir` and launches Chromium before the tests of the enclosing file
 * or `describe`, and stops both after them. Read the fields inside tests.
 */
export function serveWithBrowser(dir: string): ServedSite {
  const served = {} as ServedSite;
  beforeAll(async () => {
    served.server = await serveStatic(dir);
    served.browser = await launchBrowser();
  });
  afterAll(async () => {
    await served.browser?.close();
    await served.server?.close();
  });
  return served;
}
