/**
 * The attribution gold set (tests/gold/, see SOURCES.md there) meets the
 * targets of issue 17: at least 40 hand-checked files, at least 97% of
 * (file, speaker) pairs right, no turn given to the wrong speaker, every word
 * kept. `npm run check:attribution` prints the same figures per file.
 */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { checkGoldSet, totals } from '../../scripts/check-attribution.ts';
import { ROOT } from '../../scripts/lib/cli.ts';

const results = checkGoldSet(join(ROOT, 'tests/gold'));
const all = totals(results);

test('the gold set has at least 40 files, real ones among them', () => {
  expect(all.files).toBeGreaterThanOrEqual(40);
  expect(results.filter((r) => r.case.startsWith('real-')).length).toBeGreaterThanOrEqual(10);
});

test('at least 97% of (file, speaker) pairs are right', () => {
  expect(results.flatMap((r) => r.wrongPairs.map((w) => ({ case: r.case, ...w })))).toEqual([]);
  expect(all.pairsRight / all.pairs).toBeGreaterThanOrEqual(0.97);
});

test('no turn is attributed to the wrong speaker', () => {
  expect(results.flatMap((r) => r.misattributed.map((m) => ({ case: r.case, ...m })))).toEqual([]);
});

test('every word is kept', () => {
  expect(all.wordsKept).toBe(all.words);
});
