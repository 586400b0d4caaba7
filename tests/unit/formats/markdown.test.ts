import { expect, test } from 'vitest';
import { parseMarkdown } from '../../../scripts/core/formats/parse-markdown.ts';

const parse = (lines: string[]) => parseMarkdown(lines.join('\n'), 'x.md');

test('front matter becomes the file’s metadata and body lines keep their numbers', () => {
  const doc = parse([
    '---',
    "title: 'Cluster Mempool'",
    'date: 2024-12-20',
    'speakers:',
    '  - Mark Erhardt',
    '---',
    '**Mark Erhardt:** Hello.',
  ]);
  expect(doc.meta).toEqual({ title: 'Cluster Mempool', date: '2024-12-20', speakers: ['Mark Erhardt'] });
  expect(doc.turns).toEqual([{ label: 'Mark Erhardt', line: 7, paragraphs: [{ text: 'Hello.', line: 7 }] }]);
});

test.each([
  ['**Kris Brandow:** Welcome.', 'colon inside the bold'],
  ['**Kris Brandow**: Welcome.', 'colon outside the bold'],
  ['**Kris Brandow: Welcome.', 'bold left unclosed'],
])('a bold label starts a turn: %j (%s)', (line) => {
  expect(parse([line]).turns.map((t) => [t.label, t.paragraphs[0]?.text])).toEqual([['Kris Brandow', 'Welcome.']]);
});

test('a bold label needs no recurrence, and a bold phrase that is not name-shaped is text', () => {
  const doc = parse(['**Jerod Santo:** Hi.', '', '**Note, however:** this is emphasis.']);
  expect(doc.turns.map((t) => t.paragraphs.map((p) => p.text))).toEqual([
    ['Hi.', '**Note, however:** this is emphasis.'],
  ]);
});

test('a label with nothing after it (`**Break:**`) becomes a section, not an empty turn', () => {
  const doc = parse(['**Jerod Santo:** Before.', '', '**Break:**', '', '**Jerod Santo:** After.']);
  expect(doc.turns.map((t) => t.paragraphs[0]?.text)).toEqual(['Before.', 'After.']);
  expect(doc.sections).toEqual([{ title: 'Break', line: 3, beforeTurn: 1 }]);
});

test('an escaped timestamp opening a turn is its start time; later ones stay in the text', () => {
  const doc = parse(['**Kris Brandow:** \\[00:01:05\\] Welcome.', '', '\\[03:51\\] This episode is to help you.']);
  expect(doc.turns[0]?.start).toBe(65);
  expect(doc.turns[0]?.paragraphs.map((p) => p.text)).toEqual(['Welcome.', '\\[03:51\\] This episode is to help you.']);
});

test('ATX and setext headings become sections; a heading mid-speech continues the speaker', () => {
  const doc = parse([
    '## Intro',
    '',
    'Aaron van Wirdum: 00:00:19',
    '',
    'Live from Utrecht.',
    '',
    'Topic two',
    '---------',
    '',
    'Still Aaron.',
  ]);
  expect(doc.sections).toEqual([
    { title: 'Intro', line: 1, beforeTurn: 0 },
    { title: 'Topic two', line: 7, beforeTurn: 1 },
  ]);
  expect(doc.turns.map((t) => [t.label, t.start, t.paragraphs.map((p) => p.text)])).toEqual([
    ['Aaron van Wirdum', 19, ['Live from Utrecht.']],
    ['Aaron van Wirdum', undefined, ['Still Aaron.']],
  ]);
});

test('lines ending with a colon that are not speakers stay text', () => {
  const doc = parse([
    '**Kris Brandow:** Welcome.',
    '',
    'Part 1: What is required in your proposal?',
    '',
    'Side note:',
    '',
    'Title',
  ]);
  expect(doc.turns).toHaveLength(1);
  expect(doc.turns[0]?.paragraphs.map((p) => p.text)).toEqual([
    'Welcome.',
    'Part 1: What is required in your proposal?',
    'Side note:',
    'Title',
  ]);
});

test('a fenced code block stays one paragraph, blank lines and all', () => {
  const doc = parse(['**Ana:** Look:', '', '```js', 'const a = 1;', '', 'const b = 2;', '```', '', 'Done.']);
  expect(doc.turns[0]?.paragraphs.map((p) => p.text)).toEqual([
    'Look:',
    '```js\nconst a = 1;\n\nconst b = 2;\n```',
    'Done.',
  ]);
});

test('without labels everything is preamble, for the ingest to attribute', () => {
  const doc = parse([
    '---',
    'speakers: [Tim Ruffing]',
    '---',
    '哈咯各位，我叫 Tim。',
    '',
    '## 比特币中的 Schnorr 签名',
    '',
    '最近。',
  ]);
  expect(doc.turns).toEqual([]);
  expect(doc.preamble.map((p) => p.text)).toEqual(['哈咯各位，我叫 Tim。', '最近。']);
});

test('malformed front matter is a problem at its line, not a crash', () => {
  const doc = parse(['---', 'title: [unclosed', '---', '**A B:** Hi.']);
  expect(doc.problems.map((p) => [p.code, p.line])).toEqual([['invalid-front-matter', 2]]);
  expect(doc.turns).toHaveLength(1);
});

test('a heading between two speakers is a section, not a speaker', () => {
  const doc = parse([
    'Aaron van Wirdum: 00:00:19',
    '',
    'Question?',
    '',
    '## War',
    '',
    'Sjors Provoost: 00:01:00',
    '',
    'Answer.',
  ]);
  expect(doc.sections).toEqual([{ title: 'War', line: 5, beforeTurn: 1 }]);
  expect(doc.turns.map((t) => t.label)).toEqual(['Aaron van Wirdum', 'Sjors Provoost']);
});
