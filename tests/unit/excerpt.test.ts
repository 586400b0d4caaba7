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
import { turnText } from '../../src/lib/excerpt.ts';
import { turnOf } from '../helpers/arbitraries.ts';

function plainExcerpt(turn: Turn, maxWords: number, text = turn.paragraphs.join(' ')): string {
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

  /** Turns of up to four paragraphs made of `words`. */
  const paragraphsOf = (words: readonly string[]) =>
    fc.array(
      fc.array(fc.constantFrom(...words), { maxLength: 30 }).map((w) => w.join(' ')),
      { maxLength: 4 },
    );

  it.each([
    ['plain', ['a', 'bé', "don't", 'U.S.', '42', '—', '…', '(x)', '日本', '', ' ']],
    ['markdown', ['a', '*bé*', "don't", '`x`', '\\[laughs\\]', '[a](https://e.example)', '—', '', ' ', '\n']],
  ] as const)(
    'of a %s turn, equals counting every word of its text as a reader sees it, then cutting',
    (format, words) => {
      fc.assert(
        fc.property(paragraphsOf(words), fc.integer({ min: 1, max: 12 }), (paragraphs, n) => {
          // A turn of its own for each: the whole text made for the expectation is kept per turn.
          const expected = plainExcerpt(turnOf(paragraphs), n, turnText(turnOf(paragraphs), format));
          expect(excerpt(turnOf(paragraphs), n, format)).toBe(expected);
        }),
      );
    },
  );
});
