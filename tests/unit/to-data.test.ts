import { expect, test } from 'vitest';
import { toCsv } from '../../scripts/core/to-data.ts';

const row = (turn: string, text: string) => ({ transcript: 'a', title: 'A', turn, text });

test('a CSV streamed as a header, then each transcript’s rows, equals the CSV made at once', () => {
  const first = [row('t1', 'Hello, "world"'), row('t2', 'Two\n\nparagraphs')];
  const second = [row('t1', 'Again')];
  expect(toCsv([]) + toCsv(first, { header: false }) + toCsv(second, { header: false })).toBe(
    toCsv([...first, ...second]),
  );
  expect(toCsv([])).toBe('transcript,title,date,turn,url,speaker,speaker_name,label,start,text\r\n');
});
