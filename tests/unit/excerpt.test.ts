/**
 * A turn's excerpt, as speaker and topic pages list it: the first words up
 * to the limit with an ellipsis, or the whole text when it is short enough.
 * Checked against the plain definition (count every word, then cut).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Turn } from '../../scripts/core/schema.ts';
import { wordsOf } from '../../scripts/core/text.ts';
import { excerpt } from '../../src/lib/archive-index.ts';
import { turnOf } from '../helpers/arbitraries.ts';

function plainExcerpt(turn: Turn, maxWords: number): string {
  const text = turn.paragraphs.join(' ');
  if (wordsOf(text).length <= maxWords) return text;
  const re = /[\p{L}\p{N}\p{M}]+(?:['’.-][\p{L}\p{N}\p{M}]+)*/gu;
  let end = 0;
  for (let i = 0; i < maxWords; i++) {
    const m = re.exec(text);
    if (!m) break;
    end = m.index + m[0].length;
  }
  return `${text.slice(0, end)} …`;
}

describe('excerpt', () => {
  it('cuts after the last word it shows, or keeps a short turn whole', () => {
    expect(excerpt(turnOf(['One, two; three.']), 3)).toBe('One, two; three.');
    expect(excerpt(turnOf(['One, two; three four.']), 3)).toBe('One, two; three …');
    expect(excerpt(turnOf(['One two.', 'Three']), 2)).toBe('One two …');
  });

  it('equals counting every word, then cutting', () => {
    const word = fc.constantFrom('a', 'bé', "don't", 'U.S.', '42', '—', '…', '(x)', '日本', '', ' ');
    fc.assert(
      fc.property(
        fc.array(
          fc.array(word, { maxLength: 30 }).map((w) => w.join(' ')),
          { maxLength: 4 },
        ),
        fc.integer({ min: 1, max: 12 }),
        (paragraphs, n) => {
          expect(excerpt(turnOf(paragraphs), n)).toBe(plainExcerpt(turnOf(paragraphs), n));
        },
      ),
    );
  });
});
