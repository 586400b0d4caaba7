/** Bad input gets a clear problem at file:line, and the other files still come through. */
import { expect, test } from 'vitest';
import { ingestArchive, type SourceFile } from '../../scripts/core/ingest-archive.ts';
import { titleFromFileName } from '../../scripts/core/ingest-transcript.ts';
import { MAX_TRANSCRIPT_BYTES } from '../../scripts/core/input-limits.ts';
import { formatProblem } from '../../scripts/core/problems.ts';

const enc = new TextEncoder();
const source = (file: string, text: string | Uint8Array, meta?: string): SourceFile => ({
  file,
  bytes: typeof text === 'string' ? enc.encode(text) : text,
  hash: file,
  ...(meta === undefined ? {} : { meta: { file: file.replace(/\.txt$/, '.yaml'), text: meta } }),
});
const GOOD = 'Anna Berg:\nHello.\n';

test('a good file builds beside a binary file, an invalid UTF-8 file and an empty file', () => {
  const archive = ingestArchive({
    sources: [
      source('good.txt', GOOD),
      source('binary.txt', new Uint8Array([65, 58, 10, 0, 1, 2])),
      source('latin1.txt', new Uint8Array([...enc.encode('Anna Berg:\nline two\ncaf'), 0xe9, 10])),
      source('empty.txt', '  \n\n'),
    ],
  });
  expect(archive.transcripts.map((t) => t.slug)).toEqual(['good']);
  const problems = archive.files.flatMap((f) => f.problems).map((p) => [p.code, p.file, p.line]);
  expect(problems).toEqual([
    ['binary-file', 'binary.txt', 2],
    ['empty-file', 'empty.txt', 1],
    ['invalid-encoding', 'latin1.txt', 3],
  ]);
});

test('a problem reads as file:line, what is wrong, and what to do', () => {
  const archive = ingestArchive({ sources: [source('x.txt', GOOD, 'title: T\ndate: 5 September\n')] });
  const [p] = archive.files.flatMap((f) => f.problems);
  expect(p && formatProblem(p)).toBe(
    'x.yaml:2: error [invalid-metadata] date: expected a date as YYYY-MM-DD (or YYYY-MM, or YYYY)\n' +
      '  ↳ Fix the metadata file; see /docs/metadata/ for the fields it accepts.',
  );
  expect(archive.transcripts).toEqual([]);
});

test('malformed YAML and unknown metadata fields are reported at their line', () => {
  const archive = ingestArchive({
    sources: [source('a.txt', GOOD, 'title: [unclosed\n'), source('b.txt', GOOD, 'title: T\ncolour: blue\n')],
  });
  const problems = archive.files.flatMap((f) => f.problems);
  expect(problems.map((p) => [p.file, p.line, p.code])).toEqual([
    ['a.yaml', 2, 'invalid-metadata'],
    ['b.yaml', 2, 'invalid-metadata'],
  ]);
  expect(problems[1]?.message).toContain('colour');
});

test('metadata gives title, date, slug and the rest; an unquoted YAML date is read as written', () => {
  const archive = ingestArchive({
    sources: [
      source('x.txt', GOOD, 'title: Briefing\ndate: 2024-09-05\nslug: my-briefing\nsource: https://example.org/a\n'),
    ],
  });
  const [t] = archive.transcripts;
  expect([t?.slug, t?.title, t?.titleSource, t?.date, t?.sourceUrl]).toEqual([
    'my-briefing',
    'Briefing',
    'metadata',
    '2024-09-05',
    'https://example.org/a',
  ]);
});

test('a date and title come from the file name when nothing else gives them', () => {
  const [t] = ingestArchive({ sources: [source('2024-09-05-press-conference.txt', GOOD)] }).transcripts;
  expect([t?.date, t?.title]).toEqual(['2024-09-05', 'Press conference']);
});

test('a title from the file name keeps an episode number, and a hashed name gives none', () => {
  expect(titleFromFileName('gotime/go-time-100.md')).toBe('Go time 100');
  expect(titleFromFileName('2024-09-05-briefing-2.txt')).toBe('Briefing 2');
  expect(titleFromFileName('talks/roast.zh.md')).toBe('Roast');
  expect(titleFromFileName('000_b208c8174473c045.txt')).toBeUndefined();
  expect(titleFromFileName('2024-09-05.txt')).toBeUndefined();
});

test('two files that want the same slug: the first keeps it, the second is refused by name', () => {
  const archive = ingestArchive({ sources: [source('a-x.txt', GOOD), source('a/x.txt', GOOD)] });
  expect(archive.transcripts.map((t) => t.source.file)).toEqual(['a-x.txt']);
  const [p] = archive.files.flatMap((f) => f.problems);
  expect([p?.code, p?.file, p?.message]).toEqual([
    'duplicate-slug',
    'a/x.txt',
    'the slug `a-x` is already used by `a-x.txt`',
  ]);
});

test('text without labels becomes one unattributed turn, with a warning, and keeps every word', () => {
  const archive = ingestArchive({ sources: [source('x.txt', 'Just some words.\nMore words.')] });
  const [t] = archive.transcripts;
  expect(t?.turns.map((turn) => [turn.speaker, turn.paragraphs])).toEqual([
    ['unattributed', ['Just some words.', 'More words.']],
  ]);
  expect(archive.files[0]?.problems.map((p) => [p.code, p.severity])).toEqual([['no-speaker-labels', 'warning']]);
});

test('an invalid topics file is reported at its line, and transcripts still build', () => {
  const archive = ingestArchive({
    sources: [source('x.txt', GOOD)],
    topicRules: { file: 'topics.yaml', text: 'topics:\n  - name: A\n  - terms: [b]\n' },
  });
  expect(archive.transcripts).toHaveLength(1);
  expect(archive.problems.map((p) => [p.file, p.line, p.code])).toEqual([['topics.yaml', 3, 'invalid-topics']]);
});

test.each([
  'javascript:alert(1)',
  'JavaScript:alert(document.cookie)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox',
])('a metadata `source:` of `%s` is refused at its line, so it never becomes a link', (url) => {
  const archive = ingestArchive({ sources: [source('x.txt', GOOD, `title: T\nsource: '${url}'\n`)] });
  expect(archive.transcripts).toEqual([]);
  const [p] = archive.files.flatMap((f) => f.problems);
  expect([p?.code, p?.file, p?.line, p?.message]).toEqual([
    'invalid-metadata',
    'x.yaml',
    2,
    'source: expected a web address starting with http:// or https://',
  ]);
});

test('a `javascript:` media URL in Markdown front matter is dropped with a warning, and the text still builds', () => {
  const md = "---\ntitle: T\nmedia: 'javascript:alert(1)'\n---\n\n**Anna Berg:** Hello.\n";
  const archive = ingestArchive({ sources: [source('x.md', md)] });
  expect(archive.transcripts[0]?.media).toBeUndefined();
  expect(archive.files[0]?.problems.map((p) => [p.code, p.message])).toEqual([
    [
      'invalid-front-matter',
      'front matter `media`: expected a web address (http:// or https://) or a relative path such as `town-hall.mp3`',
    ],
  ]);
});

test('a transcript over the size limit is refused by name with its size, and the others still build', () => {
  const big = new Uint8Array(MAX_TRANSCRIPT_BYTES + 1).fill(0x61);
  const archive = ingestArchive({ sources: [source('good.txt', GOOD), source('huge.txt', big)] });
  expect(archive.transcripts.map((t) => t.slug)).toEqual(['good']);
  const [p] = archive.files.flatMap((f) => f.problems);
  expect([p?.code, p?.file, p?.message]).toEqual([
    'file-too-large',
    'huge.txt',
    'the file is 20.0 MB; transcripts over 20.0 MB are not built',
  ]);
});

test('a label of punctuation or an untransliterable script is a speaker with a page, not a crash', () => {
  const archive = ingestArchive({
    sources: [source('x.txt', 'ꓐ:\nFirst.\n'), source('y.md', '**ꓐꓑ:** Second.\n\n**Anna Berg:** Third.\n')],
  });
  expect(archive.files.flatMap((f) => f.problems)).toEqual([]);
  expect(archive.transcripts.flatMap((t) => t.turns.map((turn) => [turn.label, turn.speaker]))).toEqual([
    ['ꓐ', expect.stringMatching(/^name-[0-9a-f]{8}$/)],
    ['ꓐꓑ', expect.stringMatching(/^name-[0-9a-f]{8}$/)],
    ['Anna Berg', 'anna-berg'],
  ]);
});
