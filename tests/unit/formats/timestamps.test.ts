/**
 * Timestamps in plain-text and Markdown transcripts: where they stand beside a
 * label they give the turn its start; anywhere else they stay in the text.
 */
import { describe, expect, test } from 'vitest';
import { parseMarkdown } from '../../../scripts/core/formats/parse-markdown.ts';
import { parsePlainText } from '../../../scripts/core/formats/parse-plain-text.ts';
import {
  parseClock,
  timestampAlone,
  timestampAtLabel,
  wrappedTimestamp,
} from '../../../scripts/core/formats/timestamps.ts';

describe('clocks', () => {
  test.each([
    ['12:03', 723],
    ['00:12:03', 723],
    ['1:02:03', 3723],
    ['00:00:01.5', 1.5],
    ['00:00:01,250', 1.25],
  ])('%s is %d seconds', (clock, seconds) => {
    expect(parseClock(clock)).toBe(seconds);
  });

  test.each(['12:75', '1:75:00', '12', 'ab:cd', '123:00'])('%s is not a clock', (clock) => {
    expect(parseClock(clock)).toBeUndefined();
  });

  test('a timestamp at the start of a text: brackets (escaped or not) or parentheses, never a bare clock', () => {
    expect(wrappedTimestamp('[03:51] This episode')).toEqual({ text: 'This episode', start: 231 });
    expect(wrappedTimestamp('\\[03:51\\] This episode')).toEqual({ text: 'This episode', start: 231 });
    expect(wrappedTimestamp('(03:51) This episode')).toEqual({ text: 'This episode', start: 231 });
    expect(wrappedTimestamp('10:30 we met')).toBeUndefined();
    expect(wrappedTimestamp('We met [03:51]')).toBeUndefined();
  });

  test('beside a label: before it (a bare clock too) or between the name and its colon', () => {
    expect(timestampAtLabel('[00:12:03] Anna Berg: Hi')).toEqual({ text: 'Anna Berg: Hi', start: 723 });
    expect(timestampAtLabel('00:12:03 Anna Berg: Hi')).toEqual({ text: 'Anna Berg: Hi', start: 723 });
    expect(timestampAtLabel('Anna Berg [00:12:03]: Hi')).toEqual({ text: 'Anna Berg: Hi', start: 723 });
    expect(timestampAtLabel('Anna Berg (12:03):')).toEqual({ text: 'Anna Berg:', start: 723 });
    expect(timestampAtLabel('Anna Berg: Hi')).toBeUndefined();
  });

  test('a paragraph that is only a timestamp', () => {
    expect(timestampAlone('[00:12:03]')).toBe(723);
    expect(timestampAlone(' 1:02:03 ')).toBe(3723);
    expect(timestampAlone('(12:03)')).toBe(723);
    expect(timestampAlone('[00:12:03] Hi')).toBeUndefined();
  });
});

const TURNS: [string, string, string][] = [
  ['Anna Berg', '00:12:03', 'Good morning.'],
  ['Ben Olsen', '00:12:10', 'Thank you.'],
  ['Anna Berg', '00:13:01', 'Next question.'],
  ['Ben Olsen', '1:02:03', 'Sure thing.'],
];
const EXPECTED = [
  ['Anna Berg', 723, ['Good morning.']],
  ['Ben Olsen', 730, ['Thank you.']],
  ['Anna Berg', 781, ['Next question.']],
  ['Ben Olsen', 3723, ['Sure thing.']],
];
const WRITINGS: [string, (name: string, clock: string, text: string) => string][] = [
  ['before the label', (n, c, t) => `[${c}] ${n}: ${t}`],
  ['a bare clock before the label', (n, c, t) => `${c} ${n}: ${t}`],
  ['after the colon', (n, c, t) => `${n}: [${c}] ${t}`],
  ['between name and colon', (n, c, t) => `${n} [${c}]: ${t}`],
  ['in parentheses, label on its own line', (n, c, t) => `${n} (${c}):\n${t}`],
  ['alone on the line before the label', (n, c, t) => `[${c}]\n${n}:\n${t}`],
  ['alone, blank-line separated', (n, c, t) => `[${c}]\n\n${n}:\n\n${t}`],
  ['opening the text under a label', (n, c, t) => `${n}:\n[${c}] ${t}`],
];

describe.each([
  ['plain text', (text: string) => parsePlainText(text)],
  ['Markdown', (text: string) => parseMarkdown(text, 'x.md')],
])('%s', (_, parse) => {
  test.each(WRITINGS)('a timestamp %s is the turn’s start, not its text', (_how, write) => {
    const doc = parse(TURNS.map(([n, c, t]) => write(n, c, t)).join('\n\n'));
    expect(doc.turns.map((t) => [t.label, t.start, t.paragraphs.map((p) => p.text)])).toEqual(EXPECTED);
    expect(doc.preamble).toEqual([]);
  });

  test('a timestamp opening a later paragraph stays in the text, and so does a time of day', () => {
    const doc = parse(
      'Anna Berg: [00:00:05] Hello.\n\n[00:01:10] Later.\n\nBen Olsen: We meet at 10:30.\n\nAnna Berg: Fine.',
    );
    expect(doc.turns.map((t) => [t.start, t.paragraphs.map((p) => p.text)])).toEqual([
      [5, ['Hello.', '[00:01:10] Later.']],
      [undefined, ['We meet at 10:30.']],
      [undefined, ['Fine.']],
    ]);
  });

  test('a timestamp alone that no label follows stays as text', () => {
    const doc = parse('Anna Berg: Hello.\n\nMore.\n\n[00:01:10]\n\nStill Anna.\n\nBen Olsen: Yes.\n\nAnna Berg: No.');
    expect(doc.turns[0]?.paragraphs.map((p) => p.text)).toEqual(['Hello.', 'More.', '[00:01:10]', 'Still Anna.']);
  });
});

test('Markdown: a timestamp before a bold label, and one between the bold name and its colon', () => {
  const doc = parseMarkdown('\\[00:00:05\\] **Anna Berg:** Hi.\n\n**Ben Olsen** [00:00:09]: Hello.', 'x.md');
  expect(doc.turns.map((t) => [t.label, t.start, t.paragraphs[0]?.text])).toEqual([
    ['Anna Berg', 5, 'Hi.'],
    ['Ben Olsen', 9, 'Hello.'],
  ]);
});

test('Markdown: a timed label on its own line starts a turn with the next line; an untimed `Output:` line stays text', () => {
  const doc = parseMarkdown(
    'Sjors Provoost: 00:02:10\nThat’s right.\n\nAaron van Wirdum: 00:02:11\nOkay.\n\nSjors Provoost: 00:02:15\nOutput:\nNext step.',
    'x.md',
  );
  expect(doc.turns.map((t) => [t.label, t.start, t.paragraphs.map((p) => p.text)])).toEqual([
    ['Sjors Provoost', 130, ['That’s right.']],
    ['Aaron van Wirdum', 131, ['Okay.']],
    ['Sjors Provoost', 135, ['Output:\nNext step.']],
  ]);
});
