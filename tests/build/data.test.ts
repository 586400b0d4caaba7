/** The archive as data: plain-text and CSV twins, bulk downloads, Atom feeds, citation metadata. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { describe, expect, inject, test } from 'vitest';
import { ARCHIVE_COLUMNS, TURN_COLUMNS } from '../../scripts/core/to-data.ts';
import { json, one, page } from '../helpers/site.ts';

const { site } = inject('fixtureBuild');
const text = (path: string) => readFileSync(join(site, path), 'utf8');
const manifest = json<{ transcripts: { slug: string; turns: number }[] }>(site, '/transcripts.json');

describe('twins and bulk downloads', () => {
  test('each transcript’s CSV parses back to one row per turn, with the turns’ text exactly', () => {
    for (const { slug, turns } of manifest.transcripts) {
      const csv = Papa.parse<Record<string, string>>(text(`transcripts/${slug}.csv`), {
        header: true,
        skipEmptyLines: true,
      });
      expect(csv.errors).toEqual([]);
      expect(csv.meta.fields).toEqual([...TURN_COLUMNS]);
      expect(csv.data).toHaveLength(turns);
      const twin = json<{ turns: { id: string; paragraphs: string[] }[] }>(site, `/transcripts/${slug}.json`);
      expect(csv.data.map((r) => r['text'])).toEqual(twin.turns.map((t) => t.paragraphs.join('\n\n')));
    }
  });

  test('the plain-text twin carries every turn under its speaker and id', () => {
    const txt = text('transcripts/seed-press-conference.txt');
    expect(txt).toMatch(/^Seed press conference\nDate: not stated in the source\n/);
    expect(txt).toContain('\n\nQi Yanjun [t2]:\nThank you for your question.');
    expect(txt).toContain('Translated and edited by Liu Sitong');
  });

  test('archive.jsonl.gz has one twin per line for every transcript, and archive.csv.gz every turn', () => {
    const unpacked = (name: string): string => gunzipSync(readFileSync(join(site, name))).toString('utf8');
    const lines = unpacked('archive.jsonl.gz').trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { slug: string }).slug).sort()).toEqual(
      manifest.transcripts.map((t) => t.slug).sort(),
    );
    const rows = Papa.parse<Record<string, string>>(unpacked('archive.csv.gz'), { header: true, skipEmptyLines: true });
    expect(rows.meta.fields).toEqual([...ARCHIVE_COLUMNS]);
    expect(rows.data).toHaveLength(manifest.transcripts.reduce((n, t) => n + t.turns, 0));
    const seed = rows.data.filter((r) => r['transcript'] === 'seed-press-conference');
    expect(seed.map((r) => r['title'])).toEqual(seed.map(() => 'Seed press conference'));
    expect(seed.map((r) => r['turn'])).toEqual(
      json<{ turns: { id: string }[] }>(site, '/transcripts/seed-press-conference.json').turns.map((t) => t.id),
    );
  });
});

describe('feeds', () => {
  test('the archive, each speaker and each topic have an Atom feed of their transcripts', () => {
    const feed = text('feed.xml');
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect((feed.match(/<entry>/g) ?? []).length).toBe(manifest.transcripts.length);
    expect(feed).toContain('<link href="/transcripts/seed-press-conference/"/>');
    expect((text('speakers/qi-yanjun/feed.xml').match(/<entry>/g) ?? []).length).toBe(1);
    expect(text('topics/telecom-fraud/feed.xml')).toContain('/transcripts/seed-press-conference/');
  });
});

describe('metadata for reference managers', () => {
  const doc = page(site, '/transcripts/weekly-briefing-2024-09-05/');
  const meta = (name: string) =>
    doc.querySelectorAll(`meta[name="${name}"], meta[property="${name}"]`).map((m) => m.getAttribute('content'));

  test('Highwire citation_*, Dublin Core and OpenGraph tags', () => {
    expect(meta('citation_title')).toEqual(['Weekly briefing on cross-border cooperation']);
    expect(meta('citation_publication_date')).toEqual(['2024/09/05']);
    expect(meta('citation_author')).toContain('Jane Doe');
    expect(meta('DC.date')).toEqual(['2024-09-05']);
    expect(meta('DC.source')).toEqual(['https://example.org/briefings/2024-09-05']);
    expect(meta('og:title')).toEqual(['Weekly briefing on cross-border cooperation']);
  });

  test('schema.org JSON-LD describes the transcript', () => {
    const ld = JSON.parse(one(doc, 'script[type="application/ld+json"]').innerHTML) as Record<string, unknown>;
    expect(ld['@type']).toBe('CreativeWork');
    expect(ld['name']).toBe('Weekly briefing on cross-border cooperation');
    expect(ld['dateCreated']).toBe('2024-09-05');
  });
});
