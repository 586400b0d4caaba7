import { expect, test } from 'vitest';
import { csvRows, jsonLine, toCsv } from '../../scripts/core/to-data.ts';

const row = (turn: string, text: string) => ({ transcript: 'a', title: 'A', turn, text });

test('the archive CSV joined from each transcript’s CSV, less its header, equals the CSV made at once', () => {
  const first = [row('t1', 'Hello, "world"'), row('t2', 'Two\n\nparagraphs\r\nand a CRLF')];
  const second = [row('t1', 'Again')];
  expect(toCsv([]) + csvRows(toCsv(first)) + csvRows(toCsv([])) + csvRows(toCsv(second))).toBe(
    toCsv([...first, ...second]),
  );
  expect(toCsv([])).toBe('transcript,title,date,turn,url,speaker,speaker_name,label,start,text\r\n');
  expect(csvRows(toCsv([]))).toBe('');
});

test('a pretty-printed twin becomes one JSON line with the same data', () => {
  const twin = { slug: 'a', turns: [{ id: 't1', paragraphs: ['Line one\nline two', '{braces} <b> \u2028'] }], n: 1.5 };
  const line = jsonLine(JSON.stringify(twin, null, 2));
  expect(line.endsWith('\n')).toBe(true);
  expect(line.slice(0, -1)).not.toContain('\n');
  expect(JSON.parse(line)).toEqual(twin);
  expect(line).toBe(`${JSON.stringify(twin)}\n`);
});
