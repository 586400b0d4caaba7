/** Chart data adds up: every item counted, undated ones in their own bar. */
import { expect, test } from 'vitest';
import { perYear, topBars, UNDATED } from '../../src/lib/charts.ts';

test('per year: every year from first to last, gaps as zero, then the undated', () => {
  expect(perYear(['2022-05-01', undefined, '2024', '2024-02', undefined])).toEqual([
    { label: '2022', value: 1 },
    { label: '2023', value: 0 },
    { label: '2024', value: 2 },
    { label: UNDATED, value: 2 },
  ]);
});

test('per year with no dates at all: one Undated bar, so the count is still shown', () => {
  expect(perYear([undefined, undefined])).toEqual([{ label: 'Undated', value: 2 }]);
  expect(perYear([])).toEqual([]);
});

test('top bars keep the total: the rest summed into one figure', () => {
  const bars = Array.from({ length: 14 }, (_, i) => ({ label: `s${i}`, value: i + 1 }));
  const top = topBars(bars, 10);
  expect(top.reduce((n, b) => n + b.value, 0)).toBe(bars.reduce((n, b) => n + b.value, 0));
  expect(top.at(-1)).toEqual({ label: '4 others', value: 10, rest: true });
});
