/**
 * A transcript reused from the last run that a new topic touches is parsed
 * again to be filed under it. What depends on its text alone (its topic
 * candidates, its vocabulary) is taken from the last run instead of being
 * extracted again, and the archive is still the one a clean run makes.
 */
import { expect, test } from 'vitest';
import { type Archive, ingestArchive, type SourceFile } from '../../scripts/core/ingest-archive.ts';
import { sourceFile } from '../helpers/source-file.ts';

const source = sourceFile;

const before = [
  source(
    'harbour.txt',
    'Anna Berg:\nThe harbour wall held. The harbour wall is old, and the sea rose over the wall.\nBen Ode:\nWho paid for the sea defences?\nAnna Berg:\nThe town paid.\n',
  ),
  source('rain.txt', 'Anna Berg:\nThe rain gauges are full, and the rivers are high.\n'),
];
// Its tags curate a topic the harbour transcript speaks of, so that one is filed again.
const added = source('new.txt', 'Ben Ode:\nA word on the sea defences.\n', 'tags:\n  - sea defences\n');

const clean = (sources: SourceFile[]): Archive => ingestArchive({ sources });

test('a transcript filed again under a new topic keeps its candidates and vocabulary, and equals a clean run', () => {
  const first = clean(before);
  expect(first.topics.map((t) => t.slug)).not.toContain('sea-defences');
  const sources = [...before, added];
  const next = ingestArchive({ sources, previous: first.ingested, previousTopics: first.topicsKey });
  // Parsed again (it is filed under the new topic), the rain transcript not.
  expect(next.transcripts.map((t) => t.source.file).sort()).toEqual(['harbour.txt', 'new.txt']);
  expect(next.transcripts.find((t) => t.source.file === 'harbour.txt')?.topics.map((t) => t.slug)).toContain(
    'sea-defences',
  );
  const kept = first.ingested.get('harbour.txt');
  const refiled = next.ingested.get('harbour.txt');
  expect(kept?.candidates.length).toBeGreaterThan(0);
  // The very lists the last run kept: not extracted again.
  expect(refiled?.candidates).toBe(kept?.candidates);
  expect(refiled?.vocabulary).toBe(kept?.vocabulary);
  const fresh = clean(sources);
  expect(JSON.stringify([...next.ingested])).toBe(JSON.stringify([...fresh.ingested]));
  expect(next.topics).toEqual(fresh.topics);
  expect(next.files).toEqual(fresh.files);
});

test('a vocabulary left out of the last run’s entries is asked for, and finds the transcript a new topic touches', () => {
  const first = clean(before);
  const sources = [...before, added];
  const asked: string[] = [];
  const previous = new Map([...first.ingested].map(([file, { vocabulary: _, ...rest }]) => [file, rest]));
  const next = ingestArchive({
    sources,
    previous,
    previousTopics: first.topicsKey,
    previousVocabulary: (file) => {
      asked.push(file);
      return first.ingested.get(file)?.vocabulary;
    },
  });
  expect([...new Set(asked)].sort()).toEqual(['harbour.txt', 'rain.txt']);
  expect(next.transcripts.map((t) => t.source.file).sort()).toEqual(['harbour.txt', 'new.txt']);
  expect(next.ingested.get('harbour.txt')?.vocabulary).toBe(first.ingested.get('harbour.txt')?.vocabulary);
  // The same topics and filing as a clean run.
  const fresh = clean(sources);
  expect(next.topics).toEqual(fresh.topics);
  expect(next.files).toEqual(fresh.files);
});

test('no vocabulary is asked for when the topics are the same', () => {
  const first = clean(before);
  const asked: string[] = [];
  const previous = new Map([...first.ingested].map(([file, { vocabulary: _, ...rest }]) => [file, rest]));
  ingestArchive({
    sources: before,
    previous,
    previousTopics: first.topicsKey,
    previousVocabulary: (file) => {
      asked.push(file);
      return undefined;
    },
  });
  expect(asked).toEqual([]);
});
