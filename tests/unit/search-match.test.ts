import { stemmer as english } from '@orama/stemmers/english';
import { expect, test } from 'vitest';
import {
  bucketCount,
  editDistance,
  excerptOf,
  formsCount,
  holdsAll,
  nearBucket,
  nearKeys,
  nearLengths,
  noStem,
  queryWords,
  suggestions,
  vocabularyBucket,
  wordsOf,
} from '../../src/lib/search-match.ts';

test('words are lower case, split at anything but letters and digits', () => {
  expect(wordsOf('Telecom-fraud, 50,000 <b>suspects</b>!')).toEqual([
    'telecom',
    'fraud',
    '50',
    '000',
    'b',
    'suspects',
    'b',
  ]);
  expect(queryWords('"Telecom fraud" telecom Myanmar')).toEqual(['telecom', 'fraud', 'myanmar']);
});

test('a turn holds a query only with every word whole, or a form of it with the same stem', () => {
  const turn = 'The first one was compiling to C code, in browsers.';
  expect(holdsAll(turn, ['compiled', 'browser'], english)).toBe(true);
  expect(holdsAll(turn, ['compiled', 'browser', 'rust'], english)).toBe(false);
  // No prefix matches, no fragments of words.
  expect(holdsAll('Television news', ['tele'], english)).toBe(false);
  expect(holdsAll('x marks the spot', ['xyzzyq'], english)).toBe(false);
  expect(holdsAll('Me too.', ['mempol'], english)).toBe(false);
  expect(holdsAll('feedback', ['fee'], english)).toBe(false);
  expect(holdsAll('fees and charges', ['fee'], english)).toBe(true);
  // Without a stemmer, words match exactly.
  expect(holdsAll('fees', ['fee'], noStem)).toBe(false);
  expect(holdsAll('anything', [], english)).toBe(true);
});

test('Chinese and Japanese query words are matched as text, since their words have no spaces', () => {
  expect(holdsAll('我们的立场是一贯的：对话协商。', ['对话协商'], noStem)).toBe(true);
  expect(holdsAll('我们的立场是一贯的：对话。', ['对话协商'], noStem)).toBe(false);
});

test('edit distance counts a swap of neighbours as one edit, and stops past the budget', () => {
  expect(editDistance('mempol', 'mempool', 2)).toBe(1);
  expect(editDistance('recieve', 'receive', 2)).toBe(1);
  expect(editDistance('kitten', 'sitting', 3)).toBe(3);
  expect(editDistance('abc', 'abcdefgh', 2)).toBe(3);
});

test('close matches come from the vocabulary, nearest then most used, never the word itself', () => {
  const vocabulary = { mempool: 40, memory: 90, temple: 3, mempools: 2 };
  expect(suggestions('mempol', vocabulary)).toEqual(['mempool']);
  expect(suggestions('mempool', vocabulary)).toEqual(['mempools']);
  // Short words get no suggestions: one letter off is another word.
  expect(suggestions('cat', { cut: 9 })).toEqual([]);
  expect(suggestions('lightnign', { lightning: 5, lighting: 9 })).toEqual(['lightning', 'lighting']);
  // A wrong first letter keeps the second, a wrong second letter keeps the first; a swap of neighbours is one edit.
  expect(suggestions('bempool', vocabulary)).toEqual(['mempool']);
  expect(suggestions('mwmpool', vocabulary)).toEqual(['mempool']);
  expect(suggestions('taproto', { taproot: 30, tapestry: 4 })).toEqual(['taproot']);
  // Neither of its first two letters: not a candidate.
  expect(suggestions('ewmpool', vocabulary)).toEqual([]);
});

test('a typo’s candidates are in the close-match files of its first two letters, for each length within its budget', () => {
  expect(nearLengths('mempol')).toEqual([5, 6, 7]);
  expect(nearLengths('reproducable')).toEqual([10, 11, 12, 13, 14]);
  expect(nearKeys('mempool')).toEqual(['0m7', '1e7']);
  // Every word one edit from `mempol` (keeping its first or second letter) is filed under a key the typo looks up.
  const looked = new Set(nearKeys('mempol', nearLengths('mempol')).map((k) => nearBucket(k, 64)));
  for (const meant of ['mempool', 'bempol', 'mmpol', 'mempl', 'memppol'])
    expect(
      nearKeys(meant).some((k) => looked.has(nearBucket(k, 64))),
      meant,
    ).toBe(true);
});

test('forms of a word land in the same vocabulary file; the file count grows with the vocabulary', () => {
  expect(vocabularyBucket('compiled', 64)).toBe(vocabularyBucket('compiling', 64));
  expect(bucketCount(10)).toBe(1);
  expect(bucketCount(300_000)).toBe(512);
});

test('an excerpt marks whole query words and their forms, never a word that only starts like one (compass)', () => {
  const parts = excerptOf('We compiled it. Compilers compile; the compass.', ['compile'], english);
  expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['compiled', 'Compilers', 'compile;']);
  expect(parts.map((p) => p.text).join('')).toBe('We compiled it. Compilers compile; the compass.');
  const long = excerptOf(`${'word '.repeat(50)}target ${'tail '.repeat(50)}`, ['target'], english, 10);
  expect(long[0]?.text.startsWith('… word')).toBe(true);
  expect(long.some((p) => p.mark && p.text === 'target')).toBe(true);
  expect(
    long
      .map((p) => p.text)
      .join('')
      .endsWith('tail …'),
  ).toBe(true);
  expect(
    long
      .map((p) => p.text)
      .join('')
      .split(/\s+/)
      .filter((w) => w !== '…').length,
  ).toBe(10);
});

test('a word’s count adds the turns of each form with its first letter and stem', () => {
  const counts = { channel: 40, channels: 7, chain: 90, tunnel: 3 };
  expect(formsCount(counts, 'channel', english)).toBe(47);
  expect(formsCount(counts, 'channels', english)).toBe(47);
  expect(formsCount(counts, 'channel', noStem)).toBe(40);
  expect(formsCount(counts, 'xyzzy', english)).toBe(0);
});
