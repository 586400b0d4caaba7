/**
 * The front door and the reference: the README stays short and every link it
 * gives to the documentation, to a file or to a /docs/ page, reaches
 * something that exists; each agreed /docs/ page exists as real reference
 * (headings and examples), and the docs index links every page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/cli.ts';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const DOCS = join(ROOT, 'src', 'pages', 'docs');
const PAGES = [
  'formats',
  'metadata',
  'speakers',
  'topics',
  'urls',
  'cite',
  'data',
  'search',
  'scaling',
  'guarantees',
  'configuration',
];
const source = (page: string) => readFileSync(join(DOCS, `${page}.mdx`), 'utf8');
/** `/docs/<page>/` addresses in a text. */
const docsAddresses = (text: string) => [...text.matchAll(/\/docs\/([a-z-]+)\//g)].map((m) => m[1] ?? '');

describe('README', () => {
  test('is at most 300 lines', () => {
    expect(README.split('\n').length).toBeLessThanOrEqual(300);
  });

  test('every relative link points to a file of the project', () => {
    const targets = [...README.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
      .map((m) => m[1] ?? '')
      .filter((t) => !/^[a-z]+:/.test(t));
    expect(targets.length).toBeGreaterThan(10);
    expect(targets.filter((t) => !existsSync(join(ROOT, t)))).toEqual([]);
  });

  test('links every agreed docs page, and names no /docs/ page that does not exist', () => {
    for (const page of PAGES) expect(README).toContain(`(src/pages/docs/${page}.mdx)`);
    expect(docsAddresses(README).filter((p) => !existsSync(join(DOCS, `${p}.mdx`)))).toEqual([]);
  });
});

describe('/docs/ pages', () => {
  test.each(PAGES)('%s is a reference page: a title, sections and examples in fenced code', (page) => {
    const text = source(page);
    expect(text).toMatch(/^---\nlayout: \.\.\/\.\.\/layouts\/Doc\.astro\ntitle: .+\n/);
    expect(text.match(/^## /gm)?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(text.match(/^```[a-z]+$/gm)?.length ?? 0).toBeGreaterThanOrEqual(1);
    expect(text.split('\n').length).toBeGreaterThan(60);
  });

  test('the docs index links every page in the folder', () => {
    const pages = readdirSync(DOCS)
      .filter((f) => f.endsWith('.mdx') && f !== 'index.mdx')
      .map((f) => f.replace(/\.mdx$/, ''));
    expect(pages).toEqual(expect.arrayContaining(PAGES));
    const index = source('index');
    for (const page of pages) expect(index).toContain(`(/docs/${page}/)`);
  });

  test('links between docs pages reach pages that exist', () => {
    const missing = [...PAGES, 'index'].flatMap((page) =>
      docsAddresses(source(page))
        .filter((p) => !existsSync(join(DOCS, `${p}.mdx`)))
        .map((p) => `${page}: /docs/${p}/`),
    );
    expect(missing).toEqual([]);
  });
});
