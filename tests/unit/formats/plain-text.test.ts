import { expect, test } from 'vitest';
import { parsePlainText } from '../../../scripts/core/formats/parse-plain-text.ts';

const parse = (lines: string[]) => parsePlainText(lines.join('\n'));
const shape = (lines: string[]) => parse(lines).turns.map((t) => [t.label, t.paragraphs.map((p) => p.text)]);

test('each line is a paragraph when the file has no blank lines', () => {
  expect(shape(['Anna Berg:', 'One.', 'Two.', 'Ben Olsen:', 'Three.'])).toEqual([
    ['Anna Berg', ['One.', 'Two.']],
    ['Ben Olsen', ['Three.']],
  ]);
});

test('hard-wrapped lines join into one paragraph when blank lines separate paragraphs', () => {
  expect(shape(['Anna Berg:', 'One line', 'wrapped.', '', 'Second paragraph.'])).toEqual([
    ['Anna Berg', ['One line wrapped.', 'Second paragraph.']],
  ]);
});

test('a final newline does not turn line paragraphs into one block', () => {
  expect(parsePlainText('Anna Berg:\nOne.\nTwo.\n').turns[0]?.paragraphs.map((p) => p.text)).toEqual(['One.', 'Two.']);
});

test('a label-shaped line followed by another label is text, not an empty turn', () => {
  expect(shape(['Anna Berg:', 'Hello.', 'Question:', 'Ben Olsen:', 'Answer.'])).toEqual([
    ['Anna Berg', ['Hello.', 'Question:']],
    ['Ben Olsen', ['Answer.']],
  ]);
});

test('a label on the last line is kept as text', () => {
  expect(shape(['Anna Berg:', 'Words.', 'Ben Olsen:'])).toEqual([['Anna Berg', ['Words.', 'Ben Olsen:']]]);
});

test('text before the first label is the preamble, with its line', () => {
  const doc = parse(['Press conference, morning session', 'Anna Berg:', 'Words.']);
  expect(doc.preamble).toEqual([{ text: 'Press conference, morning session', line: 1 }]);
  expect(doc.turns[0]?.line).toBe(2);
});

test('CRLF and CR line endings read like LF', () => {
  expect(parsePlainText('Anna Berg:\r\nOne.\r\nBen Olsen:\rTwo.').turns.map((t) => t.label)).toEqual([
    'Anna Berg',
    'Ben Olsen',
  ]);
});

test('a label with a timestamp gives the turn its start time', () => {
  const doc = parse([
    'Aaron van Wirdum: 00:00:19',
    '',
    'Live from Utrecht.',
    '',
    'Sjors Provoost: 01:02:03',
    '',
    'Hi.',
  ]);
  expect(doc.turns.map((t) => [t.label, t.start])).toEqual([
    ['Aaron van Wirdum', 19],
    ['Sjors Provoost', 3723],
  ]);
});

test('full-width colons in Chinese labels start turns', () => {
  expect(shape(['王毅：', '谢谢。', '记者︰', '请问。'])).toEqual([
    ['王毅', ['谢谢。']],
    ['记者', ['请问。']],
  ]);
  expect(shape(['王毅：谢谢。', '记者：请问。', '王毅：好的。'])).toEqual([
    ['王毅', ['谢谢。']],
    ['记者', ['请问。']],
    ['王毅', ['好的。']],
  ]);
});

test('inline labels that recur start turns, and the format says so', () => {
  const doc = parse([
    'Anna Berg: Hello there.',
    'Ben Olsen: Hi, Anna.',
    'Anna Berg: Shall we start?',
    'Ben Olsen: Yes.',
  ]);
  expect(doc.format).toBe('inline-labels');
  expect(doc.turns.map((t) => [t.label, t.paragraphs[0]?.text])).toEqual([
    ['Anna Berg', 'Hello there.'],
    ['Ben Olsen', 'Hi, Anna.'],
    ['Anna Berg', 'Shall we start?'],
    ['Ben Olsen', 'Yes.'],
  ]);
});

test('a one-off `Name: text` is text, listed as unsure, while generic Q and A always count', () => {
  const doc = parse(['Q: Why?', 'A: Because.', 'Side Note: this is not a speaker.', 'Q: And then?', 'A: Then more.']);
  expect(doc.turns.map((t) => t.label)).toEqual(['Q', 'A', 'Q', 'A']);
  expect(doc.turns[1]?.paragraphs.map((p) => p.text)).toEqual(['Because.', 'Side Note: this is not a speaker.']);
  expect(doc.unsure).toEqual([
    {
      line: 3,
      label: 'Side Note',
      reason: 'not taken as a label (score 1, 2 needed): `Side Note` starts only this paragraph (+1)',
    },
  ]);
});

test('the period style of official records: upper-case labels, honorifics, Q.', () => {
  const doc = parse([
    'THE PRESIDENT. Good afternoon. Thank you all.',
    '',
    'Q. Sir, will you sign the bill?',
    '',
    'THE PRESIDENT. Yes.',
    '',
    'Mr. Smith. Thank you, Mr. President.',
    '',
    'Mr. Smith. One more thing.',
  ]);
  expect(doc.turns.map((t) => [t.label, t.paragraphs[0]?.text])).toEqual([
    ['THE PRESIDENT', 'Good afternoon. Thank you all.'],
    ['Q', 'Sir, will you sign the bill?'],
    ['THE PRESIDENT', 'Yes.'],
    ['Mr. Smith', 'Thank you, Mr. President.'],
    ['Mr. Smith', 'One more thing.'],
  ]);
});

test('short ordinary sentences are never labels: Yeah. Right. Thank you. OK.', () => {
  const doc = parse(['Anna Berg:', 'Yeah. I agree.', 'Right. So.', 'Thank you. Bye.', 'OK. Next.', 'OK. Done.']);
  expect(doc.turns).toHaveLength(1);
  expect(doc.turns[0]?.paragraphs).toHaveLength(5);
});

test('an upper-case label that appears once is text, and reported as unsure', () => {
  const doc = parse(['Anna Berg:', 'NATO. That is the answer.', 'Ben Olsen:', 'Fine.']);
  expect(doc.turns.map((t) => t.label)).toEqual(['Anna Berg', 'Ben Olsen']);
  expect(doc.unsure.map((u) => u.label)).toEqual(['NATO']);
});
