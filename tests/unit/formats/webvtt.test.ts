import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseTimestamp } from '../../../scripts/core/formats/cues.ts';
import { parseWebvtt } from '../../../scripts/core/formats/parse-webvtt.ts';
import type { ParsedDocument } from '../../../scripts/core/formats/types.ts';
import { emptyDocument } from '../../../scripts/core/formats/types.ts';
import { wordsOf } from '../../../scripts/core/text.ts';

const FILE = 'talk.vtt';
const parse = (lines: string[]): ParsedDocument => parseWebvtt(lines.join('\n'), FILE);
const vtt = (...cues: string[][]): string[] => ['WEBVTT', '', ...cues.flatMap((c) => [...c, ''])];
const summary = (doc: ParsedDocument) => doc.turns.map((t) => [t.label, t.paragraphs.map((p) => p.text)]);

describe('turns and their timing', () => {
  test('consecutive cues of one voice merge into one turn', () => {
    const doc = parse(
      vtt(
        ['00:00:01.000 --> 00:00:02.000', '<v Anna>Good morning.'],
        ['00:00:02.500 --> 00:00:04.000', '<v Anna>Welcome.'],
        ['00:00:04.000 --> 00:00:05.000', '<v Ben>Thanks.'],
      ),
    );
    expect(summary(doc)).toEqual([
      ['Anna', ['Good morning. Welcome.']],
      ['Ben', ['Thanks.']],
    ]);
    expect(doc.problems).toEqual([]);
  });

  test('a turn starts at the start of its first cue, on the line of that cue’s timing', () => {
    const doc = parse(
      vtt(['00:01:02.500 --> 00:01:04.000', '<v Anna>Hello.'], ['01:04.000 --> 01:05.000', '<v Ben>Hi.']),
    );
    expect(doc.turns.map((t) => [t.line, t.start])).toEqual([
      [3, 62.5],
      [6, 64],
    ]);
  });

  test('a pause of more than two seconds starts a new paragraph on the line of its cue text', () => {
    const doc = parse(
      vtt(
        ['00:00:01.000 --> 00:00:02.000', '<v Anna>One.'],
        ['00:00:04.000 --> 00:00:05.000', '<v Anna>Two, after exactly two seconds.'],
        ['00:00:07.500 --> 00:00:08.000', '<v Anna>Three, after a longer pause.'],
      ),
    );
    expect(doc.turns).toHaveLength(1);
    expect(doc.turns[0]?.paragraphs).toEqual([
      { text: 'One. Two, after exactly two seconds.', line: 4 },
      { text: 'Three, after a longer pause.', line: 10 },
    ]);
  });

  test('timestamps read with and without hours, and with fewer digits of milliseconds', () => {
    expect(parseTimestamp('00:01:02.500')).toBe(62.5);
    expect(parseTimestamp('01:02.500')).toBe(62.5);
    expect(parseTimestamp('1:00:00.1')).toBe(3600.1);
    expect(parseTimestamp('00:00:01.100')).toBe(1.1);
    expect(parseTimestamp('soon')).toBeUndefined();
  });
});

describe('speakers', () => {
  test('a voice tag with a class, or left unclosed, names the speaker', () => {
    const doc = parse(
      vtt(
        ['00:00:01.000 --> 00:00:02.000', '<v.loud.first Anna Berg>Loud words'],
        ['00:00:02.000 --> 00:00:03.000', '<v Ben Olsen>Open tag'],
      ),
    );
    expect(summary(doc)).toEqual([
      ['Anna Berg', ['Loud words']],
      ['Ben Olsen', ['Open tag']],
    ]);
  });

  test('two voices in one cue make two turns, the second on the line of its text', () => {
    const doc = parse(vtt(['00:00:01.000 --> 00:00:03.000', '<v Anna>Are you ready?</v>', '<v Ben>I am.</v>']));
    expect(doc.turns.map((t) => [t.label, t.line, t.start])).toEqual([
      ['Anna', 3, 1],
      ['Ben', 5, 1],
    ]);
  });

  test('a cue without a voice tag takes a NAME: prefix as its label', () => {
    const doc = parse(
      vtt(['00:00:01.000 --> 00:00:02.000', 'ANNA: Hello.'], ['00:00:02.000 --> 00:00:03.000', 'BEN: Hi, Anna.']),
    );
    expect(summary(doc)).toEqual([
      ['ANNA', ['Hello.']],
      ['BEN', ['Hi, Anna.']],
    ]);
  });

  test('a cue with no speaker after a voiced cue gets the empty label', () => {
    const doc = parse(
      vtt(['00:00:01.000 --> 00:00:02.000', '<v Anna>Hello.'], ['00:00:02.000 --> 00:00:03.000', '[applause]']),
    );
    expect(summary(doc)).toEqual([
      ['Anna', ['Hello.']],
      ['', ['[applause]']],
    ]);
  });

  test('cues before any speaker get the empty label', () => {
    const doc = parse(vtt(['00:00:01.000 --> 00:00:02.000', 'Music plays.']));
    expect(summary(doc)).toEqual([['', ['Music plays.']]]);
  });

  test('a cue with no speaker after a NAME: prefix continues that speaker, as in SRT', () => {
    const doc = parse(
      vtt(['00:00:01.000 --> 00:00:02.000', 'ANNA: Hello,'], ['00:00:02.000 --> 00:00:03.000', 'and welcome.']),
    );
    expect(summary(doc)).toEqual([['ANNA', ['Hello, and welcome.']]]);
  });

  test('text after a closing voice tag has no speaker', () => {
    const doc = parse(vtt(['00:00:01.000 --> 00:00:02.000', '<v Anna>Hello.</v> (laughter)']));
    expect(summary(doc)).toEqual([
      ['Anna', ['Hello.']],
      ['', ['(laughter)']],
    ]);
  });
});

describe('cue text', () => {
  test('markup is stripped with its text kept, and entities are decoded', () => {
    const doc = parse(
      vtt([
        '00:00:01.000 --> 00:00:05.000',
        '<v Anna><i>Fish</i> &amp; <b>chips</b>, <c.yellow.bg_blue>two</c> <u>for</u><00:00:03.000> <lang fr>un euro</lang>',
        '1 &lt; 2 &gt; 0,&nbsp;says &lrm;she&rlm;. <ruby>漢<rt>kan</rt></ruby>',
      ]),
    );
    expect(doc.turns[0]?.paragraphs[0]?.text).toBe(
      'Fish & chips, two for un euro 1 < 2 > 0, says \u200eshe\u200f. 漢kan',
    );
  });

  test('a literal angle bracket that is not a known tag stays text', () => {
    const doc = parse(vtt(['00:00:01.000 --> 00:00:02.000', 'x <y and z> w']));
    expect(doc.turns[0]?.paragraphs[0]?.text).toBe('x <y and z> w');
  });

  test('the header, NOTE, STYLE and REGION blocks and cue identifiers are not text', () => {
    const doc = parse([
      'WEBVTT - a title',
      'Kind: captions',
      '',
      'REGION',
      'id:fred width:40%',
      '',
      'STYLE',
      '::cue { color: red }',
      '',
      'NOTE a comment',
      'over two lines',
      '',
      'cue-1',
      '00:00:01.000 --> 00:00:02.000',
      '<v Anna>Only this.',
    ]);
    expect(summary(doc)).toEqual([['Anna', ['Only this.']]]);
    expect(doc.turns[0]?.line).toBe(14);
  });

  test('empty cues and cues of markup only add nothing', () => {
    const doc = parse(
      vtt(
        ['00:00:01.000 --> 00:00:02.000', '<v Anna>Hello.'],
        ['00:00:02.000 --> 00:00:03.000'],
        ['00:00:03.000 --> 00:00:04.000', '<v Anna><i></i>'],
        ['00:00:04.000 --> 00:00:05.000', '<v Anna>Again.'],
      ),
    );
    expect(summary(doc)).toEqual([['Anna', ['Hello. Again.']]]);
  });

  test('CRLF and CR line endings read like LF', () => {
    const text =
      'WEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\n<v Anna>One\r\ntwo\r\r00:00:02.000 --> 00:00:03.000\r<v Ben>Three';
    expect(summary(parseWebvtt(text, FILE))).toEqual([
      ['Anna', ['One two']],
      ['Ben', ['Three']],
    ]);
    expect(parseWebvtt(text, FILE).turns[1]?.line).toBe(7);
  });
});

describe('bad input is reported, never thrown', () => {
  test('a file without the WEBVTT signature is reported, and its cues still read', () => {
    const doc = parse(['00:00:01.000 --> 00:00:02.000', '<v Anna>Hello.']);
    expect(summary(doc)).toEqual([['Anna', ['Hello.']]]);
    expect(doc.problems.map((p) => [p.code, p.line, p.message])).toEqual([
      ['subtitle-quirk', 1, 'the file does not start with `WEBVTT`'],
    ]);
  });

  test('text without a timing line is kept in the cue above and reported with its line', () => {
    const doc = parse(vtt(['00:00:01.000 --> 00:00:02.000', '<v Anna>Hello,'], ['and more after a blank line.']));
    expect(summary(doc)).toEqual([['Anna', ['Hello, and more after a blank line.']]]);
    expect(doc.problems.map((p) => [p.code, p.line])).toEqual([['subtitle-quirk', 6]]);
  });

  test('a timing line that is not understood is reported and its cue kept without a start', () => {
    const doc = parse(vtt(['00:00:01 --> later', '<v Anna>Hello.']));
    expect(doc.turns).toEqual([{ label: 'Anna', line: 3, paragraphs: [{ text: 'Hello.', line: 4 }] }]);
    expect(doc.problems.map((p) => [p.code, p.line, p.message])).toEqual([
      ['subtitle-quirk', 3, 'timing line not understood: `00:00:01 --> later`'],
    ]);
  });

  test('a file with only a header is reported as having no cues', () => {
    const doc = parse(['WEBVTT', '', 'NOTE nothing here']);
    expect(doc.turns).toEqual([]);
    expect(doc.problems.map((p) => p.message)).toEqual(['the file has no cues']);
  });

  test('an empty file is an empty document, left to the ingest to report', () => {
    expect(parseWebvtt('', FILE)).toEqual(emptyDocument('webvtt'));
  });

  test.each([
    ['-->'],
    ['WEBVTT', '-->', '-->', '<v'],
    ['WEBVTT', '', '00:00:01.000 --> 00:00:02.000', '<v Anna', '</v></v><v>x'],
    ['<v Anna>no timing at all'],
    ['WEBVTT', '', 'NOTE', '00:00:01.000 --> 00:00:02.000', 'in a note'],
    ['\uFEFFWEBVTT', '', '99:99:99.999 --> 00:00:00.000', '&bogus; &#0; &#x110000; &'],
  ])('malformed input %j gives a document, not an exception', (...lines) => {
    expect(() => parse(lines)).not.toThrow();
    expect(parse(lines).format).toBe('webvtt');
  });
});

/** Words of the cue text as a reader sees it: no header, NOTE/STYLE blocks, identifiers, timings or voice names. */
function cueWords(text: string): string[] {
  const blocks = text.split(/\r?\n\s*\r?\n/).map((b) => b.split(/\r?\n/));
  const kept = blocks
    .filter((b) => !/^(?:WEBVTT|NOTE|STYLE|REGION)\b/.test(b[0] ?? ''))
    .flatMap((b) => b.slice(b.findIndex((l) => l.includes('-->')) + 1));
  const plain = kept
    .join('\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&(?:nbsp|lrm|rlm);/g, ' ');
  return wordsOf(plain).sort();
}

function docWords(doc: ParsedDocument): string[] {
  const paragraphs = [...doc.preamble, ...doc.turns.flatMap((t) => t.paragraphs)];
  return wordsOf(paragraphs.map((p) => p.text).join(' ')).sort();
}

describe('no text is lost', () => {
  test('every word of cue text reaches a paragraph', () => {
    const lines = vtt(
      ['intro', '00:00:01.000 --> 00:00:02.000', '<v Anna Berg>First <i>words</i>,', 'wrapped line.'],
      ['00:00:02.000 --> 00:00:03.000', '<v.loud Ben>Shouted &amp; loud</v> aside', '<v Anna Berg>back to Anna'],
      ['NOTE', 'not spoken at all'],
      ['00:00:09.000 --> 00:00:10.000', 'JANE DOE: prefixed words', 'and a second line'],
      ['00:00:10.000 --> 00:00:11.000', '- dashed words', 'Remember: this stays text'],
    );
    const doc = parse(lines);
    // `JANE DOE:` is a label, so its words leave the text; everything else stays.
    const expected = cueWords(lines.join('\n').replace('JANE DOE:', ''));
    expect(docWords(doc)).toEqual(expected);
    expect(doc.turns.map((t) => t.label)).toEqual(['Anna Berg', 'Ben', '', 'Anna Berg', 'JANE DOE', '']);
  });

  test('every word of the golden fixture reaches a paragraph', () => {
    const text = readFileSync('tests/fixtures/parser/webvtt-voices/input.vtt', 'utf8');
    expect(docWords(parseWebvtt(text, FILE))).toEqual(cueWords(text));
  });
});
