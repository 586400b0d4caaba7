/**
 * A transcript's vocabulary filter: never says a word it holds is missing,
 * and rarely says a missing word is there.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldWords } from '../../scripts/core/match-topics.ts';
import { vocabularyOf, vocabularyTest } from '../../scripts/core/vocabulary.ts';
import { turnOf } from '../helpers/arbitraries.ts';

describe('vocabulary filter', () => {
  it('holds every word the turns say, folded as the topic matcher folds them', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 40 }), { maxLength: 4 }), { maxLength: 6 }), (turns) => {
        const ts = turns.map((p, i) => turnOf(p, `t${i}`));
        const holds = vocabularyTest(vocabularyOf(ts));
        for (const t of ts) for (const p of t.paragraphs) expect(holds(foldWords(p))).toBe(true);
      }),
    );
    const holds = vocabularyTest(vocabularyOf([turnOf(['The Lightning-Network and TAPROOT, today.'])]));
    expect(holds(foldWords('lightning network'))).toBe(true);
    expect(holds(foldWords('Taproot'))).toBe(true);
  });

  it('says few missing words are there', () => {
    const said = Array.from({ length: 2000 }, (_, i) => `word${i}`);
    const holds = vocabularyTest(vocabularyOf([turnOf([said.join(' ')])]));
    const missing = Array.from({ length: 2000 }, (_, i) => `other${i}`);
    const falseYes = missing.filter((w) => holds([w])).length;
    expect(falseYes / missing.length).toBeLessThan(0.03);
    expect(holds(['word7', 'other1'])).toBe(holds(['other1']));
  });
});
