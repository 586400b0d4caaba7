/**
 * Reusing the last run's transcripts files them under topics exactly as a
 * clean run would, in an archive large enough (20+) for the archive-wide
 * topic rule: a new transcript that makes a phrase a topic gets the older
 * transcripts that mention it filed under it, and only those are parsed again.
 */
import { expect, test } from 'vitest';
import { type Archive, ingestArchive, type SourceFile } from '../../scripts/core/ingest-archive.ts';

const enc = new TextEncoder();
const source = (file: string, text: string): SourceFile => ({
  file,
  bytes: enc.encode(text),
  hash: `${file}:${text.length}`,
});

/** A transcript of two speakers; `extra` is said by the second, then in turn by each (a subject is talked about in turns). */
function transcript(i: number, extra: string | readonly string[]): SourceFile {
  const [first, ...more] = typeof extra === 'string' ? [extra] : extra;
  const replies = more.map((said, k) => `${k % 2 === 0 ? 'Alice Example' : 'Bob Sample'}:\n${said}\n`);
  const text = `Alice Example:\nWelcome to episode ${i} about city gardens and bicycle lanes number ${i}.\n\nBob Sample:\nThank you. ${first}\n${replies.map((r) => `\n${r}`).join('')}`;
  return source(`episode-${String(i).padStart(2, '0')}.txt`, text);
}

const SOLAR = ['We talked about solar panels.', 'The price of solar panels fell.'];
const WIND_TWICE = ['We talked about wind turbines.', 'The height of wind turbines grew.', 'Wind turbines, yes.'];
const WIND_ONCE = 'I once saw wind turbines on a hill.';

function base(): SourceFile[] {
  return Array.from({ length: 24 }, (_, i) =>
    transcript(i, i < 2 ? SOLAR : i === 2 ? WIND_TWICE : i < 6 ? WIND_ONCE : 'Nothing else today.'),
  );
}

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
