/**
 * Newer/Older links on a transcript's page: dated transcripts go by date;
 * undated episodes of a show go by their number within the show; any other
 * undated transcript has no order to claim.
 */
import { expect, test } from 'vitest';
import { ingestArchive, type SourceFile } from '../../scripts/core/ingest-archive.ts';
import { buildIndex, neighbours } from '../../src/lib/archive-index.ts';
import { outlineOf } from '../../src/lib/transcript-outline.ts';

const source = (file: string): SourceFile => {
  const text = `Qi Yanjun:\nThis is ${file}.\n`;
  return { file, bytes: new TextEncoder().encode(text), hash: file };
};

const archive = ingestArchive({
  sources: [
    source('briefings/2024-09-05-briefing.txt'),
    source('briefings/2024-09-06-briefing.txt'),
    source('briefings/2024-09-07-briefing.txt'),
    source('show/go-time-2.txt'),
    source('show/go-time-10.txt'),
    source('show/go-time-9.txt'),
    source('show/go-time-bonus-3.txt'),
    source('show/2021/go-time-3.txt'),
    source('other/ship-it-4.txt'),
    source('misc/alpha.txt'),
    source('misc/beta.txt'),
  ],
});
const index = buildIndex(archive.transcripts.map(outlineOf), archive.speakers, archive.topics);
const slugOf = (file: string) => archive.transcripts.find((t) => t.source.file === file)?.slug ?? '';
const near = (file: string) => {
  const n = neighbours(index, slugOf(file));
  return { newer: n.newer?.source.file, older: n.older?.source.file, by: n.by };
};

test('dated transcripts link to the dated ones beside them, never to an undated one', () => {
  expect(near('briefings/2024-09-06-briefing.txt')).toEqual({
    newer: 'briefings/2024-09-07-briefing.txt',
    older: 'briefings/2024-09-05-briefing.txt',
    by: 'date',
  });
  // The oldest dated transcript is followed, in the archive's list, by undated ones: not its "older".
  expect(near('briefings/2024-09-05-briefing.txt')).toEqual({
    newer: 'briefings/2024-09-06-briefing.txt',
    older: undefined,
    by: 'date',
  });
});

test('undated episodes of a show go by number (9 before 10, not by title), within their own show', () => {
  expect(near('show/go-time-9.txt')).toEqual({
    newer: 'show/go-time-10.txt',
    older: 'show/2021/go-time-3.txt',
    by: 'number',
  });
  expect(near('show/go-time-10.txt')).toEqual({ newer: undefined, older: 'show/go-time-9.txt', by: 'number' });
  // A show is one show in every folder that names it alike (a folder a year): episode 3 sits between 2 and 9.
  expect(near('show/2021/go-time-3.txt')).toEqual({
    newer: 'show/go-time-9.txt',
    older: 'show/go-time-2.txt',
    by: 'number',
  });
  // Another show's episode has only its own show's.
  expect(near('other/ship-it-4.txt')).toEqual({ newer: undefined, older: undefined, by: 'number' });
});

test('an undated transcript with no episode number has no Newer/Older at all', () => {
  expect(near('misc/alpha.txt')).toEqual({ newer: undefined, older: undefined, by: undefined });
  // A bonus episode has no place in the numbered run.
  expect(near('show/go-time-bonus-3.txt')).toEqual({ newer: undefined, older: undefined, by: undefined });
});
