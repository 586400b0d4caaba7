import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseDiarizedJson } from '../../../scripts/core/formats/parse-diarized-json.ts';
import type { ParsedDocument } from '../../../scripts/core/formats/types.ts';
import { emptyDocument } from '../../../scripts/core/formats/types.ts';
import { wordsOf } from '../../../scripts/core/text.ts';

const FILE = 'interview.json';
const parse = (lines: string[]): ParsedDocument => parseDiarizedJson(lines.join('\n'), FILE);
const summary = (doc: ParsedDocument) => doc.turns.map((t) => [t.label, t.paragraphs.map((p) => p.text)]);

describe('shapes', () => {
  test('a top-level array of segments is read', () => {
    const doc = parse(['[', '{ "speaker": "A", "start": 0, "end": 1, "text": "Hello." }', ']']);
    expect(doc.turns).toEqual([{ label: 'A', line: 2, start: 0, paragraphs: [{ text: 'Hello.', line: 2 }] }]);
    expect(doc.problems).toEqual([]);
  });

  test('an object with "segments" is read, and its other fields ignored', () => {
    const doc = parse([
      '{ "language": "en", "text": "Hello.",',
      '  "segments": [ { "speaker": "A", "start": 0, "end": 1, "text": "Hello.", "words": [] } ] }',
    ]);
    expect(summary(doc)).toEqual([['A', ['Hello.']]]);
  });

  test('valid JSON of another shape is an invalid-json problem saying what was expected', () => {
    const doc = parse(['{ "results": { "channels": [] } }']);
    expect(doc.turns).toEqual([]);
    expect(doc.problems.map((p) => [p.code, p.line, p.message])).toEqual([
      [
        'invalid-json',
        1,
        'expected an array of segments, or an object with "segments"; found an object with keys "results"',
      ],
    ]);
  });

  test('"segments" that is not an array is named in the problem', () => {
    const doc = parse(['{ "segments": "none" }']);
    expect(doc.problems.map((p) => p.message)).toEqual([
      'expected an array of segments, or an object with "segments"; "segments" is a string',
    ]);
  });

  test.each([['42'], ['"text"'], ['null']])('the JSON value %s is the wrong shape, not a crash', (json) => {
    const doc = parseDiarizedJson(json, FILE);
    expect(doc.problems.map((p) => p.code)).toEqual(['invalid-json']);
  });
});

describe('turns', () => {
  test('consecutive segments of one speaker merge into one turn, text joined with single spaces', () => {
    const doc = parse([
      '[',
      '{ "speaker": "A", "start": 0, "end": 1, "text": "  One  " },',
      '{ "speaker": "A", "start": 1, "end": 2, "text": "two\\nthree." },',
      '{ "speaker": "B", "start": 2, "end": 3, "text": "Four." },',
      '{ "speaker": "A", "start": 3, "end": 4, "text": "Five." }',
      ']',
    ]);
    expect(summary(doc)).toEqual([
      ['A', ['One two three.']],
      ['B', ['Four.']],
      ['A', ['Five.']],
    ]);
    expect(doc.turns.map((t) => [t.line, t.start])).toEqual([
      [2, 0],
      [4, 2],
      [5, 3],
    ]);
  });

  test('a numeric speaker is "Speaker N", and a segment without a speaker has the empty label', () => {
    const doc = parse([
      '[',
      '{ "speaker": 0, "text": "Zero." },',
      '{ "speaker": 2, "text": "Two." },',
      '{ "text": "Nobody." },',
      '{ "speaker": null, "text": "Still nobody." },',
      '{ "speaker": "", "text": "Nobody again." }',
      ']',
    ]);
    expect(summary(doc)).toEqual([
      ['Speaker 0', ['Zero.']],
      ['Speaker 2', ['Two.']],
      ['', ['Nobody. Still nobody. Nobody again.']],
    ]);
    expect(doc.turns.map((t) => t.start)).toEqual([undefined, undefined, undefined]);
    expect(doc.turns.every((t) => !('start' in t))).toBe(true);
  });

  test('times may be numeric strings', () => {
    const doc = parse(['[{ "speaker": "A", "start": "62.5", "end": "63", "text": "Hi." }]']);
    expect(doc.turns[0]?.start).toBe(62.5);
  });

  test("times that are not numbers are left out, each reported at its segment's line", () => {
    const doc = parse(['[{ "speaker": "A", "start": "soon", "end": -1, "text": "Hi." }]']);
    expect(doc.turns[0]).toEqual({ label: 'A', line: 1, paragraphs: [{ text: 'Hi.', line: 1 }] });
    expect(doc.problems.map((p) => [p.code, p.severity, p.line])).toEqual([
      ['invalid-time', 'warning', 1],
      ['invalid-time', 'warning', 1],
    ]);
  });

  test('a time of "NaN" or -5 is a warning at file:line naming the segment and the value, and the words stay', () => {
    const doc = parse([
      '[',
      '{ "speaker": "A", "start": 0, "end": 1, "text": "One." },',
      '{ "speaker": "A", "start": "NaN", "end": 2, "text": "Two." },',
      '{ "speaker": "B", "start": -5, "text": "Three." }',
      ']',
    ]);
    expect(doc.problems.map((p) => [p.file, p.line, p.message])).toEqual([
      [FILE, 3, 'segment 2 has a "start" of `NaN`, not a time in seconds: the text is kept without it'],
      [FILE, 4, 'segment 3 has a "start" of `-5`, not a time in seconds: the text is kept without it'],
    ]);
    expect(doc.problems[0]?.hint).toMatch(/seconds/);
    expect(summary(doc)).toEqual([
      ['A', ['One. Two.']],
      ['B', ['Three.']],
    ]);
  });

  test('absent and null times are not problems', () => {
    const doc = parse(['[{ "speaker": "A", "start": null, "text": "Hi." }, { "speaker": "B", "text": "Yo." }]']);
    expect(doc.problems).toEqual([]);
  });

  test('a pause of more than two seconds between segments of one speaker starts a new paragraph', () => {
    const doc = parse([
      '[',
      '{ "speaker": "A", "start": 0, "end": 1, "text": "One." },',
      '{ "speaker": "A", "start": 3, "end": 4, "text": "Two." },',
      '{ "speaker": "A", "start": 6.5, "end": 7, "text": "Three." }',
      ']',
    ]);
    expect(doc.turns[0]?.paragraphs).toEqual([
      { text: 'One. Two.', line: 2 },
      { text: 'Three.', line: 4 },
    ]);
  });

  test('each segment carries the line its object starts on, whatever its strings hold', () => {
    const doc = parse([
      '{',
      '  "note": "a [ { tricky \\" string ]",',
      '  "nested": { "segments": [ { "text": "not these" } ] },',
      '  "segments": [',
      '    {',
      '      "speaker": "A",',
      '      "text": "One } ] {",',
      '      "words": [ { "word": "One" } ]',
      '    },',
      '    { "speaker": "B", "text": "Two." }',
      '  ]',
      '}',
    ]);
    expect(doc.turns.map((t) => [t.label, t.line])).toEqual([
      ['A', 5],
      ['B', 10],
    ]);
  });

  test('with duplicate "segments" keys the last one is read, with its own lines', () => {
    const doc = parse([
      '{ "segments": [ { "text": "first" } ],',
      '  "segments": [',
      '    { "speaker": "A", "text": "last" } ] }',
    ]);
    expect(doc.turns).toEqual([{ label: 'A', line: 3, paragraphs: [{ text: 'last', line: 3 }] }]);
  });

  test('CRLF line endings and a byte-order mark do not shift the lines', () => {
    const doc = parseDiarizedJson('\uFEFF[\r\n{ "text": "a" },\r\n\r\n{ "speaker": 1, "text": "b" }\r\n]', FILE);
    expect(doc.turns.map((t) => t.line)).toEqual([2, 4]);
  });
});

describe('bad input is reported, never thrown', () => {
  test('JSON that does not parse is an invalid-json problem with the parser’s message and its line', () => {
    const doc = parse(['[', '  { "speaker": "A", "text": "Hi." }', '  { "speaker": "B" }', ']']);
    expect(doc.turns).toEqual([]);
    expect(doc.problems).toHaveLength(1);
    expect(doc.problems[0]).toMatchObject({ code: 'invalid-json', file: FILE, line: 3, severity: 'error' });
    expect(doc.problems[0]?.message).toMatch(/JSON/);
  });

  test('JSON cut off at the end is reported on its last line', () => {
    const doc = parse(['[', '  { "speaker": "A", "text": "Hi." },']);
    expect(doc.problems.map((p) => [p.code, p.line])).toEqual([['invalid-json', 2]]);
  });

  test('a segment that is not an object is reported with its line, and the others are kept', () => {
    const doc = parse([
      '[',
      '  "loose text",',
      '  { "speaker": "A", "text": "Kept." },',
      '  { "speaker": "A", "text": ["x"] }',
      ']',
    ]);
    expect(summary(doc)).toEqual([['A', ['Kept.']]]);
    expect(doc.problems.map((p) => [p.code, p.line, p.message])).toEqual([
      ['invalid-json', 2, 'segment 1 is a string, expected an object'],
      ['invalid-json', 4, 'segment 3 has a "text" that is an array'],
    ]);
  });

  test('an empty file is an empty document, left to the ingest to report', () => {
    expect(parseDiarizedJson(' \n', FILE)).toEqual(emptyDocument('diarized-json'));
  });
});

describe('no text is lost', () => {
  test('empty segments are skipped and every word of every other segment reaches a paragraph', () => {
    const segments = [
      { speaker: 'A', start: 0, end: 1, text: ' Words, with punctuation! ' },
      { speaker: 'A', start: 1, end: 2, text: '' },
      { speaker: 'A', start: 1, end: 2, text: '   ' },
      { speaker: 1, start: 2, end: 3, text: 'Numbers 3.5 and 10:30.' },
      { start: 9, end: 10, text: 'Nobody said this.' },
      { speaker: 'A', start: 10, end: 11, text: 42 },
      { speaker: 'A', text: 'No times at all.' },
    ];
    const doc = parseDiarizedJson(JSON.stringify({ segments }, null, 2), FILE);
    const words = (texts: string[]) => wordsOf(texts.join(' ')).sort();
    expect(words(doc.turns.flatMap((t) => t.paragraphs.map((p) => p.text)))).toEqual(
      words(segments.map((s) => String(s.text))),
    );
    expect(doc.problems).toEqual([]);
  });

  test('every word of the golden fixtures reaches a paragraph', () => {
    for (const name of ['diarized-json-whisperx', 'diarized-json-array']) {
      const text = readFileSync(`tests/fixtures/parser/${name}/input.json`, 'utf8');
      const data: unknown = JSON.parse(text);
      const segments = (Array.isArray(data) ? data : (data as { segments: unknown[] }).segments) as { text: string }[];
      const doc = parseDiarizedJson(text, FILE);
      const out = wordsOf(doc.turns.flatMap((t) => t.paragraphs.map((p) => p.text)).join(' ')).sort();
      expect(out).toEqual(wordsOf(segments.map((s) => s.text).join(' ')).sort());
    }
  });
});
