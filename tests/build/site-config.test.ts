/**
 * The site's address as configuration: with `site:` in archive.config.yaml
 * (and no --site), every citation, feed, sitemap, JSON-LD and printed
 * address is absolute, and the archive's name and publisher come from the
 * file; without any address, the build's summary warns. The sitemap leaves
 * out the pages the archive retired (read through the permalink record the
 * ingest writes while Astro is already starting).
 */
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { type BuildRun, runBuild } from '../helpers/build-fs.ts';
import { one, page } from '../helpers/site.ts';

const SITE = 'https://archive.example.org/';
const work = mkdtempSync(join(tmpdir(), 'site-config-'));
const site = join(work, 'site');
let run: BuildRun;

beforeAll(() => {
  const config = join(work, 'archive.config.yaml');
  writeFileSync(config, `site: ${SITE}\nname: Water Archive\npublisher: Ministry of Water\n`);
  run = runBuild('seeds', work, [], { ARCHIVE_CONFIG: config });
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('with the site address in archive.config.yaml', () => {
  const path = '/transcripts/000-b208c8174473c045/';
  const absolute = `${SITE}transcripts/000-b208c8174473c045/`;

  test('the build succeeds and does not warn', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('No site address');
  });

  test('the page’s canonical link, printed address, citations, citation_* tags and JSON-LD are absolute', () => {
    const doc = page(site, path);
    expect(one(doc, 'link[rel="canonical"]').getAttribute('href')).toBe(absolute);
    expect(doc.querySelectorAll('p.print-line').map((p) => p.textContent)).toContain(`Permanent address: ${absolute}`);
    expect(one(doc, '#cite-apa-text').textContent).toMatch(new RegExp(`Ministry of Water\\. ${absolute}$`));
    expect(one(doc, '#cite-mla-text').textContent).toContain(`Water Archive, Ministry of Water, ${absolute}.`);
    expect(one(doc, 'meta[name="citation_public_url"]').getAttribute('content')).toBe(absolute);
    expect(one(doc, 'meta[name="citation_publisher"]').getAttribute('content')).toBe('Ministry of Water');
    expect(one(doc, 'meta[property="og:site_name"]').getAttribute('content')).toBe('Water Archive');
    const jsonLd = JSON.parse(one(doc, 'script[type="application/ld+json"]').textContent) as { url: string };
    expect(jsonLd.url).toBe(absolute);
  });

  test('the archive’s name heads the home page and every page’s title', () => {
    expect(one(page(site, '/'), 'h1').textContent).toBe('Water Archive');
    expect(one(page(site, path), 'title').textContent).toMatch(/ · Water Archive$/);
  });

  test('feeds link absolutely, and a sitemap is written', () => {
    const feed = readFileSync(join(site, 'feed.xml'), 'utf8');
    expect(feed).toContain(`href="${absolute}"`);
    expect(feed).not.toMatch(/href="\/transcripts\//);
    expect(existsSync(join(site, 'sitemap-index.xml'))).toBe(true);
    expect(readFileSync(join(site, 'sitemap-0.xml'), 'utf8')).toContain(`<loc>${absolute}</loc>`);
  });
});

test('a build without any site address says so in its summary', () => {
  const { stdout } = inject('fixtureBuild');
  expect(stdout).toContain('⚠ No site address');
  expect(stdout).toContain('archive.config.yaml');
});

describe('a transcript removed from an archive with an address', () => {
  const work2 = mkdtempSync(join(tmpdir(), 'site-config-retired-'));
  const seeds = join(work2, 'seeds');
  let retired = '';
  let second: BuildRun;

  beforeAll(() => {
    const config = join(work2, 'archive.config.yaml');
    writeFileSync(config, `site: ${SITE}\n`);
    cpSync('seeds', seeds, { recursive: true });
    copyFileSync(join(seeds, '000_b208c8174473c045.txt'), join(seeds, '001_second_briefing.txt'));
    const first = runBuild(seeds, work2, [], { ARCHIVE_CONFIG: config });
    expect(first.status, first.stderr).toBe(0);
    const slugs = readdirSync(join(work2, 'content', 'transcripts')).map((n) => n.replace(/\.mdx$/, ''));
    retired = slugs.find((slug) => slug !== '000-b208c8174473c045') ?? '';
    rmSync(join(seeds, '001_second_briefing.txt'));
    second = runBuild(seeds, work2, [], { ARCHIVE_CONFIG: config });
  }, 240_000);

  afterAll(() => rmSync(work2, { recursive: true, force: true }));

  test('keeps its address (a tombstone), which the sitemap does not list', () => {
    expect(second.status, second.stderr).toBe(0);
    expect(retired).not.toBe('');
    expect(existsSync(join(work2, 'site', 'transcripts', retired, 'index.html'))).toBe(true);
    const sitemap = readFileSync(join(work2, 'site', 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${SITE}transcripts/000-b208c8174473c045/</loc>`);
    expect(sitemap).not.toContain(`/transcripts/${retired}/`);
  });
});
