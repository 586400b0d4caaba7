import { expect, test } from 'vitest';
import { splitClosingMatter } from '../../scripts/core/split-credits.ts';

const paras = (...texts: string[]) => texts.map((text, i) => ({ text, line: i + 1 }));

test('a credit and a disclaimer in one closing paragraph are cut apart', () => {
  const r = splitClosingMatter(
    paras('Thank you.', 'Translated by A. Smith. In case of any discrepancy, the original prevails.'),
  );
  expect(r.spoken.map((p) => p.text)).toEqual(['Thank you.']);
  expect(r.credits).toEqual(['Translated by A. Smith.']);
  expect(r.notes).toEqual(['In case of any discrepancy, the original prevails.']);
});

test('only the end of a turn is closing matter: a credit-like sentence mid-turn stays spoken', () => {
  const r = splitClosingMatter(paras('Edited by the committee, the report was clear.', 'Thank you.'));
  expect(r.credits).toEqual([]);
  expect(r.spoken).toHaveLength(2);
});

test('a turn made only of a credit-like paragraph keeps it as speech', () => {
  const r = splitClosingMatter(paras('Transcribed by hand, these notes are mine.'));
  expect(r.spoken).toHaveLength(1);
  expect(r.credits).toEqual([]);
});

test('ordinary closing words are speech', () => {
  const r = splitClosingMatter(paras('Thank you, everyone. Goodbye.'));
  expect(r.spoken).toHaveLength(1);
});
