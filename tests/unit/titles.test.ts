import { expect, test } from 'vitest';
import { ingestArchive, type SourceFile } from '../../scripts/core/ingest-archive.ts';
import { distinctTitles, fileNameWords, nameTranscripts, namingOf, spellingsIn } from '../../scripts/core/titles.ts';

const derived = (file: string, text: string, extra: { date?: string; show?: string; language?: string } = {}) => ({
  key: file,
  naming: namingOf(file, text, { title: 'unused', derived: true, ...extra }),
});

test('file names give their words without date, language tag or hash', () => {
  expect(fileNameWords('jsparty/js-party-221.md')).toEqual(['js', 'party', '221']);
  expect(fileNameWords('2024-09-05-press-conference.en.txt')).toEqual(['press', 'conference']);
  expect(fileNameWords('000_b208c8174473c045.txt')).toEqual([]);
});

test('a phrase is found however the text writes it, across a short symbol gap but not a sentence', () => {
  const forms = spellingsIn('Welcome to Changelog & Friends. Changelog. Friends are here. JS Party is on.', [
    ['changelog', 'friends'],
    ['js', 'party'],
  ]);
  expect(forms['changelog friends']).toEqual({ 'Changelog & Friends': 1 });
  expect(forms['js party']).toEqual({ 'JS Party': 1 });
});

test('`Js party 221` becomes `JS Party 221`: the show spelled as its transcripts write it', () => {
  const named = nameTranscripts([
    derived('jsparty/js-party-221.md', 'Hello, JS Party people! Welcome to JS Party. A party for js.'),
    derived('jsparty/js-party-222.md', 'This is JS Party, and we talk about js party tricks.'),
  ]);
  expect(named.get('jsparty/js-party-221.md')).toEqual({ title: 'JS Party 221', show: 'JS Party', number: 221 });
  expect(named.get('jsparty/js-party-222.md')?.title).toBe('JS Party 222');
});

test('`the changelog 594` takes the show’s proper name, learned across the folder even where one text lacks it', () => {
  const named = nameTranscripts([
    derived('podcast/the-changelog-594.md', 'We talk about the changelog of the project.'),
    derived('podcast/the-changelog-595.md', 'This is The Changelog. Welcome to The Changelog, the show.'),
  ]);
  expect(named.get('podcast/the-changelog-594.md')).toEqual({
    title: 'The Changelog 594',
    show: 'The Changelog',
    number: 594,
  });
});

test('a show no text names in title style is title-cased; the words after the show keep the text’s acronyms', () => {
  const named = nameTranscripts([
    derived('gotime/go-time-100.md', 'it is go time'),
    derived('gotime/go-time-bonus-77.md', 'A bonus: the GC. We tune the GC, and a bonus on the gc.'),
    derived('gotime/go-time-gc-tuning-3.md', 'The GC again. GC pauses.'),
  ]);
  expect(named.get('gotime/go-time-100.md')).toEqual({ title: 'Go Time 100', show: 'Go Time', number: 100 });
  // Not episode 77 of the show: a bonus numbering of its own.
  expect(named.get('gotime/go-time-bonus-77.md')).toEqual({ title: 'Go Time bonus 77', show: 'Go Time' });
  expect(named.get('gotime/go-time-gc-tuning-3.md')?.title).toBe('Go Time GC tuning 3');
});

test('a file alone in its folder, or with names that share no start, has no show but a readable title', () => {
  const named = nameTranscripts([
    derived('talks/roast.md', 'ROAST is a protocol. ROAST again.'),
    derived('talks/braidpool.md', 'Braidpool.'),
    derived('spotlight/spotlight-1.md', 'Spotlight'),
  ]);
  expect(named.get('talks/roast.md')).toEqual({ title: 'ROAST' });
  expect(named.get('talks/braidpool.md')).toEqual({ title: 'Braidpool' });
  expect(named.get('spotlight/spotlight-1.md')).toEqual({ title: 'Spotlight 1', show: 'Spotlight', number: 1 });
});

test('a `show:` in the metadata names the show and spells the file name’s start', () => {
  const named = nameTranscripts([derived('eps/kubernetes-podcast-12.md', 'hello', { show: 'Kubernetes Podcast' })]);
  expect(named.get('eps/kubernetes-podcast-12.md')).toEqual({
    title: 'Kubernetes Podcast 12',
    show: 'Kubernetes Podcast',
    number: 12,
  });
});

test('a title given by the metadata is kept as written', () => {
  const named = nameTranscripts([
    {
      key: 'a.md',
      naming: namingOf('a.md', 'text', { title: 'OP_RETURN', derived: false, show: 'Bitcoin Explained' }),
    },
  ]);
  expect(named.get('a.md')).toEqual({ title: 'OP_RETURN', show: 'Bitcoin Explained' });
});

test('equal titles are told apart by date, then language, then number', () => {
  const out = distinctTitles([
    { key: 'a', title: 'Press conference', date: '2024-09-05' },
    { key: 'b', title: 'press conference', date: '2024-09-06' },
    { key: 'c', title: 'Covenants', date: '2021-11-05', language: 'en' },
    { key: 'd', title: 'Covenants', date: '2021-11-05', language: 'zh' },
    { key: 'e', title: 'Briefing' },
    { key: 'f', title: 'Briefing' },
    { key: 'g', title: 'Briefing (2)' },
    { key: 'h', title: 'Alone' },
  ]);
  expect(out.get('a')).toBe('Press conference (2024-09-05)');
  expect(out.get('b')).toBe('press conference (2024-09-06)');
  expect(out.get('c')).toBe('Covenants (en)');
  expect(out.get('d')).toBe('Covenants (zh)');
  expect(out.get('e')).toBe('Briefing');
  // `Briefing (2)` is another transcript's title already.
  expect(out.get('f')).toBe('Briefing (2) (2)');
  expect(out.get('g')).toBe('Briefing (2)');
  expect(out.get('h')).toBe('Alone');
  expect(new Set([...out.values()].map((t) => t.toLowerCase())).size).toBe(8);
});

const source = (file: string, text: string): SourceFile => ({
  file,
  bytes: new TextEncoder().encode(text),
  hash: `h-${file}-${text.length}`,
});

test('the archive titles its transcripts so, and never twice alike', () => {
  const text = (n: number) => `**Jerod Santo:** Welcome to JS Party number ${n}, friends.\n\n**Nick Nisi:** Hoy hoy.\n`;
  const archive = ingestArchive({
    sources: [
      source('jsparty/js-party-221.md', text(221)),
      source('jsparty/js-party-222.md', text(222)),
      source('a/press-conference.txt', 'Qi Yanjun:\nGood afternoon.\n'),
      source('b/press-conference.txt', 'Qi Yanjun:\nGood evening.\n'),
    ],
  });
  const bySlug = new Map(archive.transcripts.map((t) => [t.source.file, t]));
  expect(bySlug.get('jsparty/js-party-221.md')).toMatchObject({ title: 'JS Party 221', show: 'JS Party', number: 221 });
  const titles = archive.transcripts.map((t) => t.title.toLowerCase());
  expect(new Set(titles).size).toBe(titles.length);
  expect(bySlug.get('b/press-conference.txt')?.title).toBe('Press conference (2)');
});

test('a transcript reused from the last run is named again when a new file changes its name', () => {
  const first = ingestArchive({ sources: [source('x/briefing.txt', 'Qi Yanjun:\nHello.\n')] });
  expect(first.transcripts[0]?.title).toBe('Briefing');
  const second = ingestArchive({
    sources: [source('x/briefing.txt', 'Qi Yanjun:\nHello.\n'), source('a/briefing.txt', 'Qi Yanjun:\nBye.\n')],
    previous: first.ingested,
    previousTopics: first.topicsKey,
  });
  // The new one comes first in order and keeps the bare title; the reused one is written again as the second.
  expect(second.transcripts.map((t) => [t.source.file, t.title])).toEqual([
    ['a/briefing.txt', 'Briefing'],
    ['x/briefing.txt', 'Briefing (2)'],
  ]);
  const third = ingestArchive({
    sources: [source('x/briefing.txt', 'Qi Yanjun:\nHello.\n'), source('a/briefing.txt', 'Qi Yanjun:\nBye.\n')],
    previous: second.ingested,
    previousTopics: second.topicsKey,
  });
  expect(third.transcripts).toEqual([]);
});
