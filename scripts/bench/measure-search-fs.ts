/**
 * Search on a built site in headless Chromium, served as a static host
 * would serve it: time from submitting a query to the first results on
 * screen, and the bytes each query fetched, raw and compressed as a host
 * would send them (gzip and brotli of each fetched file, with node:zlib).
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';
import { launchBrowser } from '../lib/chromium.ts';
import { serveStatic } from '../lib/serve-static.ts';

export interface Transfer {
  requests: number;
  raw: number;
  gzip: number;
  brotli: number;
  /** What a host that compresses text (not already-compressed index files) sends: per file the smaller of raw and brotli. */
  served: number;
  /** `served` by what was fetched (see `kindOf`), to tell which part of a query's cost to cut. */
  byKind: Record<string, number>;
  /** Each fetched file's path and `served` bytes, to tell which files make up a query's cost. */
  files: [path: string, served: number][];
}

/** What a fetched file is for: the passage index's lists and passages, Pagefind's files, the vocabulary, code. */
export function kindOf(url: string): string {
  const path = new URL(url).pathname;
  if (path.includes('/search-words/passages/')) return 'passages';
  if (path.includes('/search-words/postings/')) return 'postings';
  if (path.includes('/search-words/')) return 'vocabulary';
  const pagefind = /\.(pf_fragment|pf_index|pf_meta|pf_filter)$/.exec(path)?.[1];
  if (pagefind) return pagefind.replace('pf_', '');
  if (/\.(?:js|wasm|css)$/.test(path) || path.includes('.pagefind')) return 'code';
  return 'other';
}

export interface QueryFigures {
  query: string;
  ms: number;
  hits: number;
  transfer: Transfer;
}

export interface SearchFigures {
  /** Loading the search page itself, before any query (HTML, CSS, the search script, Pagefind's entry files). */
  pageLoad: Transfer;
  queries: QueryFigures[];
}

function emptyTransfer(): Transfer {
  return { requests: 0, raw: 0, gzip: 0, brotli: 0, served: 0, byKind: {}, files: [] };
}

async function add(transfer: Transfer, response: Response): Promise<void> {
  const body = await response.body().catch(() => undefined);
  if (!body) return;
  const gzip = gzipSync(body, { level: 9 }).length;
  const brotli = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  transfer.requests++;
  transfer.raw += body.length;
  transfer.gzip += gzip;
  transfer.brotli += brotli;
  transfer.served += Math.min(body.length, brotli);
  const kind = kindOf(response.url());
  transfer.byKind[kind] = (transfer.byKind[kind] ?? 0) + Math.min(body.length, brotli);
  transfer.files.push([new URL(response.url()).pathname, Math.min(body.length, brotli)]);
}

/** Counts every response of `page` into whichever transfer is current. */
function meter(page: Page): { next(): Transfer; settle(): Promise<void> } {
  let current = emptyTransfer();
  const pending: Promise<void>[] = [];
  page.on('response', (r) => {
    pending.push(add(current, r));
  });
  return {
    next() {
      current = emptyTransfer();
      return current;
    },
    async settle() {
      await Promise.all(pending);
    },
  };
}

/** Runs `queries` one after another on one search page, as a reader would. */
export async function measureSearch(site: string, queries: readonly string[]): Promise<SearchFigures> {
  const server = await serveStatic(site);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const counter = meter(page);
    const pageLoad = counter.next();
    await page.goto(`${server.url}/search/`, { waitUntil: 'networkidle' });
    // The filters are drawn once Pagefind has loaded: the page is ready for a query.
    await page.waitForSelector('#search-filters fieldset', { timeout: 60_000 }).catch(() => undefined);
    await counter.settle();
    const figures: QueryFigures[] = [];
    for (const query of queries) {
      const transfer = counter.next();
      await page.evaluate(() => {
        (document.getElementById('search-status') as HTMLElement).textContent = '';
      });
      await page.fill('#search-q', query);
      const started = performance.now();
      await page.press('#search-q', 'Enter');
      await page.waitForFunction(
        () => /turns? in|No turn/.test(document.getElementById('search-status')?.textContent ?? ''),
        undefined,
        { timeout: 60_000, polling: 'raf' },
      );
      const ms = performance.now() - started;
      await page.waitForLoadState('networkidle');
      await counter.settle();
      const hits = await page.locator('.search-hit').count();
      figures.push({ query, ms, hits, transfer });
    }
    return { pageLoad, queries: figures };
  } finally {
    await browser.close();
    await server.close();
  }
}
