/**
 * A transcript's vocabulary filter: never says a term its turns hold is
 * missing, and rarely says a missing one is there, even when each of its
 * words is said somewhere.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldWords, matchTopics } from '../../scripts/core/match-topics.ts';
import { filterBits, vocabularyOf, vocabularyTest } from '../../scripts/core/vocabulary.ts';
import { turnOf } from '../helpers/arbitraries.ts';

describe('vocabulary filter', () => {
  it('holds every run of words a turn says, across its paragraphs, folded as the topic matcher folds them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ maxLength: 40 }), { maxLength: 4 }), { maxLength: 6 }),
        fc.nat(),
        fc.nat(),
        (turns, from, length) => {
          const ts = turns.map((p, i) => turnOf(p, `t${i}`));
          const holds = vocabularyTest(vocabularyOf(ts));
          for (const t of ts) {
            const words = foldWords(t.paragraphs.join(' '));
            if (words.length === 0) continue;
            const start = from % words.length;
            const run = words.slice(start, start + 1 + (length % 4));
            expect(holds(run)).toBe(true);
          }
        },
      ),
    );
    const turn = turnOf(['The Lightning-Network and TAPROOT, today.', 'Open', 'source wins.']);
    const holds = vocabularyTest(vocabularyOf([turn]));
    for (const term of ['lightning network', 'Taproot', 'open source', 'today open source'])
      expect(holds(foldWords(term))).toBe(true);
  });

  it('agrees with the topic matcher: a term it rules out files no turn', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.constantFrom('open', 'source', 'lightning', 'channel', 'the', 'code'), { maxLength: 12 }),
          {
            minLength: 1,
            maxLength: 5,
          },
        ),
        fc.array(fc.constantFrom('open', 'source', 'lightning', 'channel', 'code'), { minLength: 1, maxLength: 3 }),
        (turnWords, termWords) => {
          const turns = turnWords.map((words, i) => turnOf([words.join(' ')], `t${i}`));
          const term = termWords.join(' ');
          const filed = matchTopics([{ slug: 'x', name: term, origin: 'extracted', terms: [term] }], turns).length > 0;
          if (filed) expect(vocabularyTest(vocabularyOf(turns))(foldWords(term))).toBe(true);
        },
      ),
    );
  });

  it('says few missing words, and few pairs of words said apart, are there', () => {
    const said = Array.from({ length: 2000 }, (_, i) => `word${i}`);
    const holds = vocabularyTest(vocabularyOf([turnOf([said.join(' ')])]));
    const missing = Array.from({ length: 2000 }, (_, i) => `other${i}`);
    expect(missing.filter((w) => holds([w])).length / missing.length).toBeLessThan(0.03);
    // Every word is said, but not next to these neighbours.
    const apart = Array.from({ length: 2000 }, (_, i) => [`word${i}`, `word${(i * 7 + 3) % 2000}`]);
    expect(apart.filter((pair) => holds(pair)).length / apart.length).toBeLessThan(0.03);
    expect(holds(['word7', 'word8'])).toBe(true);
  });
});

describe('a filter read from its base64 text', () => {
  it('has every bit the bytes it encodes have, for any length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 64 }), (bytes) => {
        const filter = filterBits(Buffer.from(bytes).toString('base64'));
        expect(filter.bits).toBe(bytes.length * 8);
        for (let at = 0; at < filter.bits; at++)
          expect(filter.has(at)).toBe((((bytes[at >> 3] as number) >> (at & 7)) & 1) === 1);
      }),
    );
  });
});
