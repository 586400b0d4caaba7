/**
 * A topic whose name changes while its terms stay (`Solar panel` for `Solar
 * panels`: a new transcript, first in file order, says the singular) files
 * every transcript as before. Transcripts that only mention it are not parsed
 * again; those whose page names it are, and either way the archive is the one
 * a clean run makes.
 */
import { expect, test } from 'vitest';
import { type Archive, ingestArchive, type SourceFile } from '../../scripts/core/ingest-archive.ts';
import { sourceFile } from '../helpers/source-file.ts';
import { base, transcript } from '../helpers/topic-corpus.ts';

const selected = (archive: Archive): string[] =>
  (JSON.parse(archive.topicsKey) as { selected: [string, { terms: string[] }][] }).selected.map(
    ([slug, t]) => `${slug}: ${[...t.terms].sort().join(', ')}`,
  );

/** The second run, reusing the first, and a clean run on the same files. */
function secondRuns(sources: SourceFile[], added: SourceFile): { first: Archive; next: Archive; clean: Archive } {
  const first = ingestArchive({ sources });
  const grown = [added, ...sources];
  const next = ingestArchive({ sources: grown, previous: first.ingested, previousTopics: first.topicsKey });
  return { first, next, clean: ingestArchive({ sources: grown }) };
}

function expectClean(next: Archive, clean: Archive): void {
  expect(JSON.stringify([...next.ingested])).toBe(JSON.stringify([...clean.ingested]));
  expect(next.topicsKey).toBe(clean.topicsKey);
  expect(next.topics).toEqual(clean.topics);
  expect(next.files).toEqual(clean.files);
}

test('a background topic renamed: only the new transcript is parsed, and the archive is a clean run’s', () => {
  // Said after "my" nearly every time: someone's own, not a subject (background, no page).
  const owned = ['I fixed my solar panel.', 'My solar panels broke, my solar panel too.', 'My solar panels, yes.'];
  const sources = base().map((s, i) => (i === 3 || i === 4 ? transcript(i, owned) : s));
  const added = sourceFile(
    'aaa.txt',
    'Alice Example:\nMy solar panel is new. My solar panel works.\n\nBob Sample:\nMy solar panel too.\n\nAlice Example:\nMy solar panel, good.\n',
  );
  const { first, next, clean } = secondRuns(sources, added);
  expect(selected(first)).toEqual(['solar-panels: solar panel, solar panels']);
  expect(selected(next)).toEqual(['solar-panel: solar panel, solar panels']);
  expect(next.ingested.get('episode-03.txt')?.filed).toEqual(['solar-panel']);
  expect(next.transcripts.map((t) => t.source.file)).toEqual(['aaa.txt']);
  expectClean(next, clean);
});

test('a topic renamed that transcripts show: they are parsed again and name it anew, as a clean run does', () => {
  const singular = ['We talked about the solar panel.', 'The price of the solar panel fell.', 'A solar panel, yes.'];
  const sources = base().map((s, i) => (i === 7 || i === 8 ? transcript(i, singular) : s));
  const added = sourceFile(
    'aaa.txt',
    'Alice Example:\nThe solar panel is new. The solar panel works.\n\nBob Sample:\nThe solar panel too.\n\nAlice Example:\nA solar panel, good.\n',
  );
  const { first, next, clean } = secondRuns(sources, added);
  expect(selected(first)).toEqual(['solar-panels: solar panel, solar panels']);
  expect(selected(next)).toEqual(['solar-panel: solar panel, solar panels']);
  const shown = (a: Archive) => a.transcripts.map((t) => `${t.source.file}: ${t.topics.map((tt) => tt.slug).join()}`);
  expect(shown(next)).toEqual([
    'aaa.txt: solar-panel',
    'episode-00.txt: solar-panel',
    'episode-01.txt: solar-panel',
    'episode-07.txt: solar-panel',
    'episode-08.txt: solar-panel',
  ]);
  expectClean(next, clean);
});
