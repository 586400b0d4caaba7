/**
 * Reusing the last run's transcripts files them under topics exactly as a
 * clean run would, in an archive large enough (20+) for the archive-wide
 * topic rule: a new transcript that makes a phrase a topic gets the older
 * transcripts that mention it filed under it, and only those are parsed again.
 */
import { expect, test } from 'vitest';
import { type Archive, ingestArchive } from '../../scripts/core/ingest-archive.ts';
import { base, transcript, WIND_TWICE } from '../helpers/topic-corpus.ts';

const filed = (archive: Archive) =>
  new Map([...archive.ingested].map(([file, f]) => [file, [...f.topics].sort().join(',')]));

test('a new transcript that makes a phrase a topic files the older ones that mention it, as a clean run does', () => {
  const first = ingestArchive({ sources: base() });
  expect(first.topics.map((t) => t.slug)).toContain('solar-panels');
  expect(first.topics.map((t) => t.slug)).not.toContain('wind-turbines');

  const grown = [...base(), transcript(24, WIND_TWICE)];
  const incremental = ingestArchive({ sources: grown, previous: first.ingested, previousTopics: first.topicsKey });
  const clean = ingestArchive({ sources: grown });

  expect(clean.topics.map((t) => t.slug)).toContain('wind-turbines');
  expect(filed(incremental)).toEqual(filed(clean));
  expect(filed(incremental).get('episode-02.txt')).toContain('wind-turbines');
  // Said once in passing: parsed again, but not filed under the topic (mentioned, not discussed).
  expect(filed(incremental).get('episode-04.txt')).not.toContain('wind-turbines');
  // Parsed again: the new file and the four older ones that mention wind turbines; the other 20 reused.
  expect(incremental.transcripts.map((t) => t.source.file).sort()).toEqual([
    'episode-02.txt',
    'episode-03.txt',
    'episode-04.txt',
    'episode-05.txt',
    'episode-24.txt',
  ]);
});

test('a transcript removed takes a topic away from the ones filed under it, as a clean run does', () => {
  const first = ingestArchive({ sources: base() });
  const shrunk = base().filter((s) => s.file !== 'episode-01.txt');
  const incremental = ingestArchive({ sources: shrunk, previous: first.ingested, previousTopics: first.topicsKey });
  const clean = ingestArchive({ sources: shrunk });
  expect(clean.topics.map((t) => t.slug)).not.toContain('solar-panels');
  expect(filed(incremental)).toEqual(filed(clean));
  expect(filed(incremental).get('episode-00.txt')).not.toContain('solar-panels');
});
