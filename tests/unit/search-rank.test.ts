import { expect, test } from 'vitest';
import { rankTurns, sameWord, type TurnEvidence } from '../../src/lib/search-rank.ts';

const turn = (matched: string[], length: number, page: number, position: number, score = 1): TurnEvidence => ({
  matched,
  scores: matched.map(() => score),
  length,
  page,
  position,
});

test('forms of one word match; different words do not', () => {
  expect(sameWord('compiling', 'compiled')).toBe(true);
  expect(sameWord('Browsers,', 'browser')).toBe(true);
  expect(sameWord('AI', 'ai')).toBe(true);
  expect(sameWord('port', 'portable')).toBe(false);
  expect(sameWord('hot', 'hop')).toBe(false);
  expect(sameWord('累加器', '累加器')).toBe(true);
});

test('a turn holding every query word comes before turns holding one, whatever the reading order', () => {
  const turns = [
    turn(['AI'], 40, 0, 0),
    turn(['AI', 'AI', 'AI'], 400, 0, 1),
    turn(['Geoffrey', 'Hinton', 'AI', 'winter'], 90, 1, 0),
  ];
  expect(rankTurns(turns, ['Geoffrey', 'Hinton', 'AI', 'winter'])).toEqual([2, 0, 1]);
});

test('among turns holding as many words, the short dense one comes first; ties keep the results order', () => {
  const turns = [turn(['fraud'], 900, 0, 0), turn(['fraud'], 30, 0, 5), turn(['fraud'], 30, 1, 0)];
  expect(rankTurns(turns, ['fraud'])).toEqual([1, 2, 0]);
  expect(rankTurns([turn(['x'], 10, 0, 0), turn(['x'], 10, 0, 1)], ['x'])).toEqual([0, 1]);
});
