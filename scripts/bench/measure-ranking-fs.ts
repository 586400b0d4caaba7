/**
 * Search quality on a built site, in headless Chromium through the real
 * search page: for each judged query (./judged-queries.ts), the rank of the
 * first relevant turn among the hits a reader sees, hence the mean reciprocal
 * rank; for Chinese queries, recall (of every turn holding the query, how many
 * are listed). Pagefind's ranking options can be tried without a rebuild: the
 * benchmark serves a wrapper of `pagefind.js` that passes them on, so the
 * shipped settings and alternatives are measured on the same index.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { fold } from '../../src/lib/search-state.ts';
import { fileSlug } from '../core/slugs.ts';
import { launchBrowser } from '../lib/chromium.ts';
import { serveStatic } from '../lib/serve-static.ts';
import type { JudgedQuery } from './judged-queries.ts';

/** Pagefind's `ranking` option (https://pagefind.app/docs/ranking/). */
export interface Ranking {
  termSimilarity?: number;
  pageLength?: number;
  termSaturation?: number;
  termFrequency?: number;
}

export interface RankingVariant {
  name: string;
  /** Undefined: the settings the site ships with. */
  ranking?: Ranking;
}

export interface QueryRank {
  query: string;
  kind: JudgedQuery['kind'];
  relevant: number;
  /** 1-based rank of the first relevant hit; null when none is among the first `limit` hits. */
  rank: number | null;
  hits: number;
  /** Chinese queries: relevant turns listed / relevant turns. */
  recall?: number;
}

export interface VariantFigures {
  name: string;
  ranking?: Ranking;
  mrr: number;
  mrrKnownItem: number;
  mrrPhrase: number;
  /** Mean recall of the Chinese queries. */
  recallZh?: number;
  queries: QueryRank[];
}

export interface RankingFigures {
  /** Queries whose relevant turns are not in this site (files left out of a small corpus). */
  skipped: string[];
  variants: VariantFigures[];
}

/** Hits read per query for the reciprocal rank: a reader rarely looks further. */
const LIMIT = 50;

interface TwinTurn {
  id: string;
  url: string;
  paragraphs: string[];
}

/** `/transcripts/a/#t2` from a twin's URL or a hit's link, whatever its origin and query string. */
const turnKey = (url: string): string => {
  const u = new URL(url, 'http://site.invalid');
  return `${u.pathname}${u.hash}`;
};

async function twinTurns(site: string, slug: string): Promise<TwinTurn[] | undefined> {
  const text = await readFile(join(site, 'transcripts', `${slug}.json`), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : (JSON.parse(text) as { turns: TwinTurn[] }).turns;
}

/** The relevant turns of every query, from the site's JSON twins; queries with none are skipped. */
async function relevantTurns(site: string, queries: readonly JudgedQuery[]): Promise<Map<JudgedQuery, Set<string>>> {
  const out = new Map<JudgedQuery, Set<string>>();
  const phrases = queries.filter((q) => q.kind === 'phrase');
  if (phrases.length > 0) {
    const manifest = JSON.parse(await readFile(join(site, 'transcripts.json'), 'utf8')) as {
      transcripts: { slug: string }[];
    };
    for (const q of phrases) out.set(q, new Set());
    const wanted = phrases.map((q) => ({ q, folded: fold(q.phrase ?? q.query) }));
    for (const { slug } of manifest.transcripts) {
      for (const turn of (await twinTurns(site, slug)) ?? []) {
        const text = fold(turn.paragraphs.join(' '));
        // Chinese has no spaces between words: there the phrase is a plain substring.
        for (const { q, folded } of wanted) {
          const hit = q.language === 'zh' ? text.includes(folded.trim()) : text.includes(folded);
          if (hit) out.get(q)?.add(turnKey(turn.url));
        }
      }
    }
  }
  for (const q of queries) {
    if (!q.turn) continue;
    const turns = (await twinTurns(site, fileSlug(q.turn.file))) ?? [];
    const snippet = fold(q.turn.snippet);
    out.set(q, new Set(turns.filter((t) => fold(t.paragraphs.join(' ')).includes(snippet)).map((t) => turnKey(t.url))));
  }
  return out;
}

/** A `pagefind.js` that hands `ranking` to every index it loads, for trying settings without a rebuild. */
function wrapper(ranking: Ranking): string {
  const r = JSON.stringify(ranking);
  return `import * as pf from './pagefind.js?bench-original';
export * from './pagefind.js?bench-original';
export const options = (o) => pf.options({ ...o, ranking: ${r} });
export const mergeIndex = (url, o) => pf.mergeIndex(url, { ...(o ?? {}), ranking: ${r} });
`;
}

async function runQuery(page: Page, query: string, all: boolean): Promise<string[]> {
  await page.evaluate(() => {
    (document.getElementById('search-status') as HTMLElement).textContent = '';
  });
  await page.fill('#search-q', query);
  await page.press('#search-q', 'Enter');
  await page.waitForFunction(
    () => /turns? in|No turn/.test(document.getElementById('search-status')?.textContent ?? ''),
    undefined,
    { timeout: 60_000 },
  );
  const hits = page.locator('.search-hit .hit-excerpt');
  const more = page.locator('.search-more');
  for (;;) {
    const count = await hits.count();
    if ((!all && count >= LIMIT) || count >= 2000 || !(await more.isVisible())) break;
    const status = await page.locator('#search-status').textContent();
    await more.click();
    // A batch of hits on a 10,000-transcript site loads many large fragments: minutes, not seconds.
    // The status line counts the transcripts fetched: a batch whose transcripts hold no matching
    // turn adds no hit but still changes it.
    await page.waitForFunction(
      (before) =>
        document.getElementById('search-status')?.textContent !== before ||
        (document.querySelector('.search-more') as HTMLElement | null)?.hidden,
      status,
      { timeout: 300_000 },
    );
  }
  return (await hits.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).map(turnKey);
}

async function measureVariant(
  browser: Browser,
  base: string,
  variant: RankingVariant,
  judged: readonly { q: JudgedQuery; relevant: Set<string> }[],
): Promise<VariantFigures> {
  const context = await browser.newContext();
  const { ranking } = variant;
  if (ranking) {
    await context.route(
      (url) => url.pathname.endsWith('/pagefind/pagefind.js') && url.search === '',
      (route) => route.fulfill({ contentType: 'text/javascript', body: wrapper(ranking) }),
    );
  }
  const page = await context.newPage();
  await page.goto(`${base}/search/`, { waitUntil: 'networkidle' });
  await page.waitForSelector('#search-filters fieldset', { timeout: 60_000 }).catch(() => undefined);
  const queries: QueryRank[] = [];
  for (const { q, relevant } of judged) {
    const hits = await runQuery(page, q.query, q.language === 'zh');
    const at = hits.slice(0, LIMIT).findIndex((h) => relevant.has(h));
    const listed = new Set(hits);
    queries.push({
      query: q.query,
      kind: q.kind,
      relevant: relevant.size,
      rank: at === -1 ? null : at + 1,
      hits: hits.length,
      ...(q.language === 'zh' ? { recall: [...relevant].filter((r) => listed.has(r)).length / relevant.size } : {}),
    });
  }
  await context.close();
  const mrrOf = (list: QueryRank[]) =>
    list.length === 0 ? 0 : list.reduce((n, r) => n + (r.rank ? 1 / r.rank : 0), 0) / list.length;
  const zh = queries.filter((r) => r.recall !== undefined);
  return {
    name: variant.name,
    ...(ranking ? { ranking } : {}),
    mrr: mrrOf(queries),
    mrrKnownItem: mrrOf(queries.filter((r) => r.kind === 'known-item')),
    mrrPhrase: mrrOf(queries.filter((r) => r.kind === 'phrase')),
    ...(zh.length > 0 ? { recallZh: zh.reduce((n, r) => n + (r.recall ?? 0), 0) / zh.length } : {}),
    queries,
  };
}

/** Runs every judged query under each ranking variant on the site in `site`. */
export async function measureRanking(
  site: string,
  queries: readonly JudgedQuery[],
  variants: readonly RankingVariant[],
): Promise<RankingFigures> {
  const relevant = await relevantTurns(site, queries);
  const judged = queries.flatMap((q) => {
    const r = relevant.get(q);
    return r && r.size > 0 ? [{ q, relevant: r }] : [];
  });
  const skipped = queries.filter((q) => !judged.some((j) => j.q === q)).map((q) => q.query);
  const server = await serveStatic(site);
  const browser = await launchBrowser();
  try {
    const figures: VariantFigures[] = [];
    for (const variant of variants) figures.push(await measureVariant(browser, server.url, variant, judged));
    return { skipped, variants: figures };
  } finally {
    await browser.close();
    await server.close();
  }
}
