import { expect, test } from 'vitest';
import { parseLabelLines } from '../../scripts/core/parse-label-lines.ts';
import { toLines } from '../../scripts/core/text.ts';

const parse = (lines: string[]) => parseLabelLines(toLines(lines.join('\n')));

test('each line is a paragraph when the file has no blank lines', () => {
  const raw = parse(['Anna Berg:', 'One.', 'Two.', 'Ben Olsen:', 'Three.']);
  expect(raw.turns.map((t) => [t.label, t.paragraphs.map((p) => p.text)])).toEqual([
    ['Anna Berg', ['One.', 'Two.']],
    ['Ben Olsen', ['Three.']],
  ]);
});

test('hard-wrapped lines join into one paragraph when blank lines separate paragraphs', () => {
  const raw = parse(['Anna Berg:', 'One line', 'wrapped.', '', 'Second paragraph.']);
  expect(raw.turns[0]?.paragraphs.map((p) => p.text)).toEqual(['One line wrapped.', 'Second paragraph.']);
});

test('a label-shaped line followed by another label is text, not an empty turn', () => {
  const raw = parse(['Anna Berg:', 'Hello.', 'Question:', 'Ben Olsen:', 'Answer.']);
  expect(raw.turns.map((t) => t.label)).toEqual(['Anna Berg', 'Ben Olsen']);
  expect(raw.turns[0]?.paragraphs.map((p) => p.text)).toEqual(['Hello.', 'Question:']);
});

test('a label on the last line is kept as text', () => {
  const raw = parse(['Anna Berg:', 'Words.', 'Ben Olsen:']);
  expect(raw.turns[0]?.paragraphs.map((p) => p.text)).toEqual(['Words.', 'Ben Olsen:']);
});

test('text before the first label is kept as the preamble, with its line', () => {
  const raw = parse(['Press conference, morning session', 'Anna Berg:', 'Words.']);
  expect(raw.preamble).toEqual([{ text: 'Press conference, morning session', line: 1 }]);
  expect(raw.turns[0]?.line).toBe(2);
});

test('CRLF and CR line endings read like LF', () => {
  const crlf = parseLabelLines(toLines('Anna Berg:\r\nOne.\r\nBen Olsen:\rTwo.'));
  expect(crlf.turns.map((t) => [t.label, t.paragraphs[0]?.text])).toEqual([
    ['Anna Berg', 'One.'],
    ['Ben Olsen', 'Two.'],
  ]);
});

test('a final newline does not turn line paragraphs into one block', () => {
  const raw = parseLabelLines(toLines('Anna Berg:\nOne.\nTwo.\n'));
  expect(raw.turns[0]?.paragraphs.map((p) => p.text)).toEqual(['One.', 'Two.']);
});
