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
