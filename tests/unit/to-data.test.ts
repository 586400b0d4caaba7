import fc from 'fast-check';
import Papa from 'papaparse';
import { expect, test } from 'vitest';
import { ARCHIVE_COLUMNS, archiveRows, jsonLine, toCsv } from '../../scripts/core/to-data.ts';

const row = (turn: string, text: string) => ({ turn, speaker: 'anna-berg', text });

test('a transcript’s CSV holds its turns and none of its own fields; the archive’s rows lead with them', () => {
  const csv = toCsv([row('t1', 'Hello, "world"'), row('t2', 'Two\n\nparagraphs\r\nand a CRLF')]);
  expect(csv.split('\r\n')[0]).toBe('turn,speaker,speaker_name,label,start,text');
  const rows = archiveRows(csv, { slug: 'a', title: 'A, the title', date: null });
  expect(rows).toBe(
    toCsv(
      [
        { transcript: 'a', title: 'A, the title', turn: 't1', speaker: 'anna-berg', text: 'Hello, "world"' },
        {
          transcript: 'a',
          title: 'A, the title',
          turn: 't2',
          speaker: 'anna-berg',
          text: 'Two\n\nparagraphs\r\nand a CRLF',
        },
      ],
      { header: false, columns: ARCHIVE_COLUMNS },
    ),
  );
  const archive = Papa.parse<Record<string, string>>(toCsv([], { columns: ARCHIVE_COLUMNS }) + rows, {
    header: true,
    skipEmptyLines: true,
  });
  expect(archive.meta.fields).toEqual([...ARCHIVE_COLUMNS]);
  expect(archive.data.map((r) => [r['transcript'], r['date'], r['turn'], r['text']])).toEqual([
    ['a', '', 't1', 'Hello, "world"'],
    ['a', '', 't2', 'Two\n\nparagraphs\r\nand a CRLF'],
  ]);
  expect(archiveRows(toCsv([]), { slug: 'b', title: 'B', date: '2024' })).toBe('');
});

/** The archive's rows the plain way: the transcript's CSV parsed, each row led by the transcript's fields, written again. */
function parsedAndWritten(csv: string, lead: { transcript: string; title: string; date: string }): string {
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true, delimiter: ',' });
  return toCsv(
    parsed.data.map((r) => ({ ...lead, ...r })),
    { header: false, columns: ARCHIVE_COLUMNS },
  );
}

test('the archive’s rows are the bytes parsing the transcript’s CSV and writing it again gives, whatever the text', () => {
  // Text made of what CSV quotes for: quotes, commas, line breaks of every kind, spaces at either end.
  const text = fc
    .array(fc.constantFrom('a', 'é', ' ', '"', ',', '\r', '\n', '\r\n', '""', ';', '\t', '𝒳'), { maxLength: 12 })
    .map((parts) => parts.join(''));
  const turn = fc.record({ turn: fc.constantFrom('t1', 't22'), speaker: text, label: text, start: text, text });
  fc.assert(
    fc.property(fc.array(turn, { maxLength: 6 }), text, text, (turns, title, date) => {
      const csv = toCsv(turns);
      const lead = { transcript: 'a-slug', title, date };
      expect(archiveRows(csv, { slug: 'a-slug', title, date: date || null })).toBe(parsedAndWritten(csv, lead));
    }),
    { numRuns: 500 },
  );
});

test('a CSV whose rows cannot be found in its text (a quote left open, no line end) is parsed and written again', () => {
  const lead = { transcript: 'b', title: 'B', date: '2024' };
  for (const csv of [
    'turn,speaker,speaker_name,label,start,text\r\nt1,x,,,,"open\r\n',
    'turn,text\r\nt1,no line end',
  ]) {
    expect(archiveRows(csv, { slug: 'b', title: 'B', date: '2024' })).toBe(parsedAndWritten(csv, lead));
  }
});

test('a pretty-printed twin becomes one JSON line with the same data', () => {
  const twin = { slug: 'a', turns: [{ id: 't1', paragraphs: ['Line one\nline two', '{braces} <b> \u2028'] }], n: 1.5 };
  const line = jsonLine(JSON.stringify(twin, null, 2));
  expect(line.endsWith('\n')).toBe(true);
  expect(line.slice(0, -1)).not.toContain('\n');
  expect(JSON.parse(line)).toEqual(twin);
  expect(line).toBe(`${JSON.stringify(twin)}\n`);
  // A twin as the build writes it (one line) is taken as it is, with or without its line end.
  expect(jsonLine(`${JSON.stringify(twin)}\n`)).toBe(line);
  expect(jsonLine(JSON.stringify(twin))).toBe(line);
});
