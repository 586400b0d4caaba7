import { stemmer as english } from '@orama/stemmers/english';
import { expect, test } from 'vitest';
import { noStem } from '../../src/lib/search-match.ts';
import {
  COMMON_SHARE,
  LOOKUP_AT_MOST,
  lookupWords,
  rankTurns,
  scoreTurn,
  type TurnEvidence,
} from '../../src/lib/search-rank.ts';

const turn = (text: string, page = 0, position = 0): TurnEvidence => ({ text, stem: english, page, position });

test('a turn that says the query as a phrase comes first, whatever its transcript’s rank or length', () => {
  const turns = [
    turn('Factories need a channel to sell through, and the channel decides the price of everything.', 0, 0),
    turn(`${'So this is a long answer about many things. '.repeat(20)} Then channel factories came up.`, 4, 7),
    turn('Channel factories?', 2, 3),
  ];
  const order = rankTurns(turns, ['channel', 'factories']);
  expect(order.slice(0, 2).sort()).toEqual([1, 2]);
  expect(order[2]).toBe(0);
});

test('words close together come before the same words far apart', () => {
  const far = turn(`The lightning network ${'and then we talked about other things, '.repeat(10)} the keys stay hot.`);
  const near = turn('In lightning you keep the keys hot, rather than cold.', 3, 0);
  expect(rankTurns([far, near], ['lightning', 'keys', 'hot'])).toEqual([1, 0]);
  expect(scoreTurn(near.text, ['lightning', 'keys', 'hot'], english).span).toBe(6);
  // Forms of a word count where they stand (`compiling` for `compiled`).
  expect(scoreTurn('the first one was compiling to C', ['compiled', 'first'], english)).toMatchObject({
    phrase: false,
    span: 4,
  });
});

test('among equally close turns, a rarer word repeated weighs more than a common one; ties keep the results’ order', () => {
  const rarity = { turns: 1000, holding: { mempool: 10, the: 900 } };
  const common = turn('The mempool, the fees, the the the.', 0, 0);
  const rare = turn('The mempool and the mempool again: mempool.', 1, 0);
  expect(rankTurns([common, rare], ['mempool'], rarity)).toEqual([1, 0]);
  expect(rankTurns([turn('x y', 1, 0), turn('x y', 0, 2), turn('x y', 0, 1)], ['x'])).toEqual([2, 1, 0]);
});

test('Chinese words are found as text and weigh by how often the turn says them', () => {
  const order = rankTurns(
    [
      { text: '我们讨论了很多。闪电网络。', stem: noStem, page: 0, position: 0 },
      { text: '闪电网络，闪电网络。', stem: noStem, page: 1, position: 0 },
    ],
    ['闪电网络'],
  );
  expect(order).toEqual([1, 0]);
});

test('common words are left out of what the passage index is asked when a rarer word is there; never all of them', () => {
  const turns = 100_000;
  const common = COMMON_SHARE * turns + 1;
  const rarity = { turns, holding: { open: 4_900, source: 3_800, maintainers: 250, of: 45_000, reserves: 10 } };
  expect(common).toBeLessThan(3_800);
  expect(lookupWords(['open', 'source', 'maintainers'], rarity)).toEqual(['maintainers']);
  expect(lookupWords(['proof', 'of', 'reserves'], { ...rarity, holding: { ...rarity.holding, proof: 400 } })).toEqual([
    'reserves',
    'proof',
  ]);
  // The rarest, never more than LOOKUP_AT_MOST of them.
  const rarer = { ...rarity.holding, proof: 400, bitcoin: 300, lightning: 350, taproot: 20, miniscript: 5 };
  expect(LOOKUP_AT_MOST).toBe(4);
  expect(
    lookupWords(['proof', 'of', 'bitcoin', 'lightning', 'taproot', 'reserves', 'miniscript'], {
      ...rarity,
      holding: rarer,
    }),
  ).toEqual(['miniscript', 'reserves', 'taproot', 'bitcoin']);
  // Only common words: the rarest is looked up.
  expect(lookupWords(['of', 'open', 'source'], rarity)).toEqual(['source']);
  // A word the vocabulary does not count, a word of a script without spaces, or no vocabulary: all words.
  expect(lookupWords(['open', 'unknownword'], rarity)).toEqual(['open', 'unknownword']);
  expect(lookupWords(['open', '闪电网络'], rarity)).toEqual(['open', '闪电网络']);
  expect(lookupWords(['open', 'source'], { turns: 0, holding: {} })).toEqual(['open', 'source']);
});
