/**
 * Data you can find, on the fixture site: every page links its data (visibly
 * and as `<link rel="alternate">`), /data/ lists the downloads with their real
 * sizes, the JSON twin carries what the page shows (schema version 2), and
 * every chart's figures add up to the page's count.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { describe, expect, inject, test } from 'vitest';
import { formatBytes } from '../../scripts/core/text.ts';
import { exists, json, one, page } from '../helpers/site.ts';

const { site } = inject('fixtureBuild');
const manifest = json<{ schemaVersion: number; transcripts: { slug: string; turns: number }[] }>(
  site,
  '/transcripts.json',
);
const slugsOf = (section: string) =>
  readdirSync(join(site, section), { withFileTypes: true })
    .filter((e) => e.isDirectory() && exists(site, `/${section}/${e.name}/index.html`))
    .map((e) => e.name);

/** The data alternates a page declares, as `type path` (not its language versions, `hreflang`). */
const alternates = (doc: HTMLElement) =>
  doc
    .querySelectorAll('link[rel="alternate"]:not([hreflang])')
    .map((l) => `${l.getAttribute('type')} ${l.getAttribute('href')}`);

describe('every page links its data', () => {
  test('a transcript page: JSON, TXT and CSV twins, visibly and as alternates, each one a file of the site', () => {
    for (const { slug } of manifest.transcripts) {
      const doc = page(site, `/transcripts/${slug}/`);
      const twins = [`/transcripts/${slug}.json`, `/transcripts/${slug}.txt`, `/transcripts/${slug}.csv`];
      expect(alternates(doc)).toEqual([
        `application/json ${twins[0]}`,
        `text/plain ${twins[1]}`,
        `text/csv ${twins[2]}`,
      ]);
      const linked = doc.querySelectorAll('dl.facts a').map((a) => a.getAttribute('href'));
      expect(linked).toEqual(expect.arrayContaining([...twins, '/data/']));
      for (const twin of twins) expect(exists(site, twin)).toBe(true);
    }
  });

  test('a speaker or topic page: its Atom feed', () => {
    for (const section of ['speakers', 'topics']) {
      for (const slug of slugsOf(section)) {
        const doc = page(site, `/${section}/${slug}/`);
        if (doc.querySelector('meta[http-equiv="refresh"]') || !doc.querySelector('p.data-links')) {
          // A retired address has nothing to link.
          expect(doc.querySelector('h1')?.textContent).toMatch(/moved|removed/);
          continue;
        }
        const feed = `/${section}/${slug}/feed.xml`;
        expect(alternates(doc)).toContain(`application/atom+xml ${feed}`);
        expect(one(doc, 'p.data-links a').getAttribute('href')).toBe(feed);
        expect(exists(site, feed)).toBe(true);
      }
    }
  });

  test('the home page and the transcript list: the archive’s feed and downloads', () => {
    for (const path of ['/', '/transcripts/']) {
      expect(alternates(page(site, path))).toEqual([
        'application/atom+xml /feed.xml',
        'application/json /transcripts.json',
        'application/gzip /archive.jsonl.gz',
        'application/gzip /archive.csv.gz',
      ]);
    }
  });

  test('/data/ lists every download with its size as built', () => {
    const doc = page(site, '/data/');
    const rows = doc
      .querySelectorAll('tbody tr')
      .map((tr) => [
        tr.querySelector('a')?.getAttribute('href') ?? '',
        tr.querySelector('[data-size-of]')?.textContent ?? '',
      ]);
    expect(rows.map(([path]) => path)).toEqual([
      '/feed.xml',
      '/transcripts.json',
      '/archive.jsonl.gz',
      '/archive.csv.gz',
    ]);
    for (const [path, size] of rows) expect(size).toBe(formatBytes(statSync(join(site, path ?? '')).size));
  });
});

describe('the JSON twin carries what the page shows', () => {
  test('schema version 2: times, media, sections, exchanges, annotations, versions', () => {
    expect(manifest.schemaVersion).toBe(3);
    const twin = json<Record<string, unknown> & { turns: Record<string, unknown>[] }>(
      site,
      '/transcripts/interview.json',
    );
    expect(twin['schemaVersion']).toBe(3);
    expect(Object.keys(twin)).toEqual(
      expect.arrayContaining(['media', 'published', 'updated', 'sections', 'exchanges', 'retired']),
    );
    const [first, second] = twin.turns;
    expect(typeof first?.['start']).toBe('number');
    // A turn ends where the next timed one starts.
    expect(first?.['end']).toBe(second?.['start']);
    expect(first?.['fingerprint']).toMatch(/^[0-9a-f]{8}$/);
    expect(first?.['earlier']).toEqual([]);
    expect(Array.isArray(first?.['annotations'])).toBe(true);
  });
});

/** Each chart's figures on a page: caption → the values of its rows. */
function figures(doc: HTMLElement): Map<string, number[]> {
  return new Map(
    doc
      .querySelectorAll('figure.chart')
      .map((f) => [
        f.querySelector('figcaption')?.textContent ?? '',
        f
          .querySelectorAll('.chart-table tbody tr td:nth-child(2)')
          .map((td) => Number(td.textContent.replace(/,/g, ''))),
      ]),
  );
}
const sum = (values: readonly number[] | undefined) => (values ?? []).reduce((n, v) => n + v, 0);
/** The first "N <noun>" in a page's description. */
const countIn = (doc: HTMLElement, noun: string) =>
  Number(
    new RegExp(`([\\d,]+) ${noun}`)
      .exec(doc.querySelector('meta[name="description"]')?.getAttribute('content') ?? '')?.[1]
      ?.replace(/,/g, '') ?? Number.NaN,
  );

describe('charts add up', () => {
  test('on every topic page, each chart’s figures sum to the page’s count of turns (undated and roles included)', () => {
    let checked = 0;
    for (const slug of slugsOf('topics')) {
      const doc = page(site, `/topics/${slug}/`);
      const turns = countIn(doc, 'turns?');
      if (Number.isNaN(turns)) continue;
      for (const [caption, values] of figures(doc)) {
        expect(sum(values), `${slug}: ${caption}`).toBe(turns);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  test('on every speaker page, appearances by year sum to the count of transcripts; turns by topic (which overlap) are shares of the count of turns', () => {
    let checked = 0;
    for (const slug of slugsOf('speakers')) {
      const doc = page(site, `/speakers/${slug}/`);
      const transcripts = countIn(doc, 'transcripts?');
      const turns = countIn(doc, 'turns?');
      const charts = figures(doc);
      const years = charts.get('Appearances by year');
      if (years) {
        expect(sum(years), slug).toBe(transcripts);
        checked++;
      }
      const topics = doc
        .querySelectorAll('figure.chart')
        .find((f) => f.querySelector('figcaption')?.textContent === 'Turns by topic');
      if (topics) {
        expect(topics.querySelector('tfoot td')?.textContent, slug).toBe(turns.toLocaleString('en'));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1);
  });

  test('an undated turn is counted in an “Undated” bar', () => {
    const undated = slugsOf('topics').some((slug) =>
      page(site, `/topics/${slug}/`)
        .querySelectorAll('.chart-table td')
        .some((td) => td.textContent === 'Undated'),
    );
    expect(undated).toBe(true);
  });
});
