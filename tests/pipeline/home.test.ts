/**
 * The home page's description of the collection, from the fixture archive
 * read and ingested as the build does, and the seeds' `about.md` recognised as
 * the archive's page, never parsed as a transcript.
 */
import { expect, test } from 'vitest';
import { ingestArchive } from '../../scripts/core/ingest-archive.ts';
import type { Speaker } from '../../scripts/core/schema.ts';
import { readSeeds } from '../../scripts/ingest/read-seeds-fs.ts';
import { buildIndex } from '../../src/lib/archive-index.ts';
import { describeCollection, isNamed, searchPlaceholder } from '../../src/lib/home.ts';
import { outlineOf } from '../../src/lib/transcript-outline.ts';

const seeds = await readSeeds('tests/fixtures/archive');
const archive = ingestArchive(seeds);
const index = buildIndex(archive.transcripts.map(outlineOf), archive.speakers, archive.topics);
const collection = describeCollection(index);

test('about.md is the archive page, not a transcript or a skipped file', () => {
  expect(seeds.about?.file).toBe('about.md');
  expect(seeds.about?.text).toContain('# About the fixture archive');
  expect(seeds.sources.map((s) => s.file)).not.toContain('about.md');
  expect(seeds.skipped.map((s) => s.file)).not.toContain('about.md');
  expect(archive.transcripts.map((t) => t.source.file)).not.toContain('about.md');
});

test('the collection in figures: counts and the span of stated dates', () => {
  expect(collection.transcripts).toBe(index.transcripts.length);
  expect(collection.turns).toBe(index.transcripts.reduce((n, t) => n + t.turns.length, 0));
  expect(collection.span).toEqual({ from: '2020-01-30', to: '2024-09-05' });
  expect(collection.undated).toBe(index.transcripts.filter((t) => !t.date).length);
  expect(collection.sources.reduce((n, s) => n + s.count, 0) + collection.unsourced).toBe(collection.transcripts);
});

test('the most heard are named people and outlets, by words, never a generic label', () => {
  const words = collection.voices.map((v) => v.count);
  expect(words).toEqual([...words].sort((a, b) => b - a));
  expect(collection.voices[0]?.name).toBe('Sjors Provoost');
  for (const v of collection.voices) expect(v.kind).not.toBe('role');
  const speaker = (name: string, kind: Speaker['kind'] = 'person') => ({ name, kind }) as Speaker;
  for (const generic of ['Q', 'A', 'Speaker 2', 'SPEAKER_01', 'Audience member', 'Unknown', 'Interviewer'])
    expect(isNamed(speaker(generic)), generic).toBe(false);
  expect(isNamed(speaker('Moderator', 'role'))).toBe(false);
  for (const named of ['Qi Yanjun', 'Reuters', 'China Central Television', '王毅', 'AP'])
    expect(isNamed(speaker(named, 'organisation')), named).toBe(true);
});

test('the busiest topics lead, and the search example comes from them', () => {
  const counts = collection.busiest.map((t) => t.count);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  expect(collection.examples).toEqual(collection.busiest.slice(0, 2).map((t) => t.name));
  expect(searchPlaceholder(collection.examples)).toBe(`e.g. ${collection.examples.join(' or ')}`);
  expect(searchPlaceholder([])).not.toMatch(/telecom/i);
});

test('the sources list names shows and folders, never a year folder', () => {
  const source = (file: string, text = 'Qi Yanjun:\nHello.\n') => ({
    file,
    bytes: new TextEncoder().encode(text),
    hash: file,
  });
  const archive = ingestArchive({
    sources: [
      source('tabconf/2021/covenants.md'),
      source('tabconf/2022/roast.md'),
      source('bitcoin-core-dev-tech/2018-10/accumulators.md'),
      source('jsparty/js-party-1.md', '**Jerod Santo:** Welcome to JS Party.\n'),
      source('jsparty/js-party-2.md', '**Jerod Santo:** This is JS Party.\n'),
    ],
  });
  const names = describeCollection(
    buildIndex(archive.transcripts.map(outlineOf), archive.speakers, archive.topics),
  ).sources;
  expect(names).toEqual([
    { name: 'JS Party', count: 2 },
    { name: 'Tabconf', count: 2 },
    { name: 'Bitcoin core dev tech', count: 1 },
  ]);
});
