import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseSrt } from '../../../scripts/core/formats/parse-srt.ts';
import type { ParsedDocument } from '../../../scripts/core/formats/types.ts';
import { wordsOf } from '../../../scripts/core/text.ts';

const FILE = 'debate.srt';
const parse = (lines: string[]): ParsedDocument => parseSrt(lines.join('\n'), FILE);
/** Numbered cues, one second each, separated by blank lines. */
const srt = (...cues: string[][]): string[] =>
  cues.flatMap((text, i) => [String(i + 1), `00:00:0${i},000 --> 00:00:0${i + 1},000`, ...text, '']);
const summary = (doc: ParsedDocument) => doc.turns.map((t) => [t.label, t.paragraphs.map((p) => p.text)]);

describe('speakers', () => {
  test('a NAME: prefix starts a turn, and cues without one continue it', () => {
    const doc = parse(srt(['JOHN: Good evening.'], ['Welcome to the show.'], ['MARY: Thank you.']));
    expect(summary(doc)).toEqual([
      ['JOHN', ['Good evening. Welcome to the show.']],
      ['MARY', ['Thank you.']],
    ]);
    expect(doc.problems).toEqual([]);
  });

  test('consecutive cues with the same prefix merge into one turn', () => {
    const doc = parse(srt(['JOHN: One.'], ['JOHN: Two.']));
    expect(summary(doc)).toEqual([['JOHN', ['One. Two.']]]);
  });

  test('a dialogue dash without a name is a change to an unknown speaker', () => {
    const doc = parse(srt(['- MARY: Are you coming?', '- Yes.'], ['-Then hurry.'], ['I am.']));
    expect(summary(doc)).toEqual([
      ['MARY', ['Are you coming?']],
      ['', ['Yes. Then hurry. I am.']],
    ]);
    expect(doc.turns[1]?.line).toBe(4);
  });

  test('titled names are labels: a title with a period, or a name used more than once', () => {
    const doc = parse(srt(['Dr. Smith: Hello.'], ['Mary Jones: Hi.'], ['Mary Jones: Again.']));
    expect(doc.turns.map((t) => t.label)).toEqual(['Dr. Smith', 'Mary Jones']);
  });

  test('a one-off capitalised prefix stays text and is listed as unsure', () => {
    const doc = parse(srt(['JOHN: We start.'], ['Remember: it took years.']));
    expect(summary(doc)).toEqual([['JOHN', ['We start. Remember: it took years.']]]);
    expect(doc.unsure).toEqual([
      { line: 7, label: 'Remember', reason: 'not taken as a label: `Remember` starts only this cue' },
    ]);
  });

  test('an upper-case prefix used once is a label', () => {
    const doc = parse(srt(['JOHN: We start.'], ['WAITER: Your table.']));
    expect(doc.turns.map((t) => t.label)).toEqual(['JOHN', 'WAITER']);
    expect(doc.unsure).toEqual([]);
  });

  test('colons in times, links and sentences are not prefixes', () => {
    const doc = parse(srt(['We meet at 10:30 today.'], ['See https://example.org now.'], ['the plan: simple.']));
    expect(summary(doc)).toEqual([['', ['We meet at 10:30 today. See https://example.org now. the plan: simple.']]]);
  });

  test('a prefix alone on its line names the speaker of the lines after it', () => {
    const doc = parse(srt(['ANNA:', 'Hello there.'], ['BEN:'], ['Hi.']));
    expect(summary(doc)).toEqual([
      ['ANNA', ['Hello there.']],
      ['BEN', ['Hi.']],
    ]);
  });
});

describe('cues and timing', () => {
  test('a turn starts at its first cue, on the line of that cue’s timing', () => {
    const doc = parse([
      '1',
      '00:01:02,500 --> 00:01:04,000',
      'JOHN: Hi.',
      '',
      '2',
      '01:00:00,250 --> 01:00:01,000',
      'MARY: Hello.',
    ]);
    expect(doc.turns.map((t) => [t.label, t.line, t.start])).toEqual([
      ['JOHN', 2, 62.5],
      ['MARY', 6, 3600.25],
    ]);
  });

  test('a pause of more than two seconds starts a new paragraph', () => {
    const doc = parse(['00:00:01,000 --> 00:00:02,000', 'JOHN: One.', '', '00:00:05,000 --> 00:00:06,000', 'Two.']);
    expect(doc.turns[0]?.paragraphs).toEqual([
      { text: 'One.', line: 2 },
      { text: 'Two.', line: 5 },
    ]);
  });

  test('the index line may be missing', () => {
    const doc = parse([
      '00:00:01,000 --> 00:00:02,000',
      'JOHN: One.',
      '',
      '00:00:02,000 --> 00:00:03,000',
      'MARY: Two.',
    ]);
    expect(summary(doc)).toEqual([
      ['JOHN', ['One.']],
      ['MARY', ['Two.']],
    ]);
    expect(doc.problems).toEqual([]);
  });

  test('cues without a blank line between them still split, the digits before a timing being its index', () => {
    const doc = parse([
      '1',
      '00:00:01,000 --> 00:00:02,000',
      'JOHN: One.',
      '2',
      '00:00:02,000 --> 00:00:03,000',
      'MARY: Two.',
      '00:00:03,000 --> 00:00:04,000',
      'JOHN: Three.',
    ]);
    expect(summary(doc)).toEqual([
      ['JOHN', ['One.']],
      ['MARY', ['Two.']],
      ['JOHN', ['Three.']],
    ]);
  });

  test('markup is stripped with its text kept', () => {
    const doc = parse(
      srt(['{\\an8}<i>JOHN:</i> <b>Bold</b> and <font color="#ff0000">red</font>', '<u>under</u>lined<br>words']),
    );
    expect(summary(doc)).toEqual([['JOHN', ['Bold and red underlined words']]]);
  });

  test('CRLF line endings and a byte-order mark read like plain LF', () => {
    const doc = parseSrt(
      '\uFEFF1\r\n00:00:01,000 --> 00:00:02,000\r\nJOHN: One.\r\n\r\n2\r\n00:00:02,500 --> 00:00:03,000\r\nTwo.\r\n',
      FILE,
    );
    expect(doc.turns).toEqual([{ label: 'JOHN', line: 2, start: 1, paragraphs: [{ text: 'One. Two.', line: 3 }] }]);
  });

  test('timings with dots and extra coordinates are read', () => {
    const doc = parse(['1', '00:00:01.500 --> 00:00:02.000 X1:10 X2:20 Y1:30 Y2:40', 'JOHN: Hi.']);
    expect(doc.turns[0]?.start).toBe(1.5);
  });
});

describe('bad input is reported, never thrown', () => {
  test('a blank line inside a cue keeps the text in that cue, and is reported', () => {
    const doc = parse([
      '1',
      '00:00:01,000 --> 00:00:02,000',
      'JOHN: One.',
      '',
      'Still John.',
      '',
      '2',
      '00:00:02,000 --> 00:00:03,000',
      'MARY: Two.',
    ]);
    expect(summary(doc)).toEqual([
      ['JOHN', ['One. Still John.']],
      ['MARY', ['Two.']],
    ]);
    expect(doc.problems.map((p) => [p.code, p.line])).toEqual([['subtitle-quirk', 5]]);
  });

  test('text before the first cue is kept as preamble, and reported', () => {
    const doc = parse(['Debate, 3 May', '', '1', '00:00:01,000 --> 00:00:02,000', 'JOHN: One.']);
    expect(doc.preamble).toEqual([{ text: 'Debate, 3 May', line: 1 }]);
    expect(doc.problems.map((p) => [p.code, p.line, p.message])).toEqual([
      ['subtitle-quirk', 1, 'text before the first cue: kept as preamble'],
    ]);
  });

  test('a file with no timing lines at all keeps its text, and is reported', () => {
    const doc = parse(['JOHN: This is not', 'a subtitle file.']);
    expect(doc.turns).toEqual([]);
    expect(doc.preamble).toEqual([{ text: 'JOHN: This is not a subtitle file.', line: 1 }]);
    expect(doc.problems).toHaveLength(1);
  });

  test.each([
    ['-->'],
    ['1', '2', '3'],
    ['1', '00:00:01,000 --> ', 'JOHN:'],
    ['00:00:01,000 --> 00:00:02,000', '- ', '-', ': :', 'A:'],
    ['<font color=', '00:00:01,000 --> 00:00:02,000', '</i><i>'],
  ])('malformed input %j gives a document, not an exception', (...lines) => {
    expect(() => parse(lines)).not.toThrow();
    expect(parse(lines).format).toBe('srt');
  });
});

/** Words of the cue text: no indexes, timings, markup, or the given speaker prefixes. */
function cueWords(text: string, prefixes: RegExp): string[] {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => !l.includes('-->') && !/^\s*\d+\s*$/.test(l))
    .map((l) => l.replace(/<[^>]*>/g, '').replace(prefixes, ''));
  return wordsOf(lines.join('\n')).sort();
}

function docWords(doc: ParsedDocument): string[] {
  const paragraphs = [...doc.preamble, ...doc.turns.flatMap((t) => t.paragraphs)];
  return wordsOf(paragraphs.map((p) => p.text).join(' ')).sort();
}

describe('no text is lost', () => {
  test('every word of cue text reaches a paragraph, except the speaker prefixes', () => {
    const lines = srt(
      ['JOHN: Good evening, all.', 'A second <i>line</i>.'],
      ['Continued text.'],
      ['- MARY: Question?', '- Answer, from nobody known.'],
      ['Remember: a one-off stays.'],
      ['Dr. Smith: Numbers like 10:30 and 3.5 stay.'],
      ['Dr. Smith: again.'],
    );
    const doc = parse(lines);
    expect(docWords(doc)).toEqual(cueWords(lines.join('\n'), /^(?:- )?(?:JOHN|MARY|Dr\. Smith):/));
  });

  test('every word of the golden fixture reaches a paragraph, except the speaker prefixes', () => {
    const text = readFileSync('tests/fixtures/parser/srt-prefixes/input.srt', 'utf8');
    expect(docWords(parseSrt(text, FILE))).toEqual(cueWords(text, /^(?:- )?(?:MODERATOR|MARY|Dr\. Smith):/));
  });
});
