/**
 * Markup from Markdown sources, rendered on the page and stripped in
 * excerpts, titles and contents, the same way everywhere; raw HTML other
 * than a bare sup/sub pair stays text.
 */

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { markdownToPlain, micromarkToPlain } from '../../scripts/core/markdown-text.ts';
import { markdownToHtml } from '../../scripts/core/render-paragraph.ts';
import { excerptAround } from '../../src/lib/excerpt.ts';
import { SHORTCUT_EDGES } from '../helpers/markdown-pieces.ts';

describe('Markdown text', () => {
  test.each([
    ['OP\\_CHECKTEMPLATEVERIFY workshop', '<p>OP_CHECKTEMPLATEVERIFY workshop</p>', 'OP_CHECKTEMPLATEVERIFY workshop'],
    ['A = g<sup>u</sup>; Z<sub>N</sub>', '<p>A = g<sup>u</sup>; Z<sub>N</sub></p>', 'A = g^u; Z_N'],
    ['A<sup>1/x</sup>', '<p>A<sup>1/x</sup></p>', 'A^(1/x)'],
    ['值 $A_0 = g$ ，注', '<p>值 <code class="math">A_0 = g</code> ，注</p>', '值 A_0 = g ，注'],
    ['costs $5 and $10', '<p>costs $5 and $10</p>', 'costs $5 and $10'],
    ['**Bold** and *soft*', '<p><strong>Bold</strong> and <em>soft</em></p>', 'Bold and soft'],
  ])('%s', (source, html, plain) => {
    expect(markdownToHtml(source)).toBe(html);
    expect(markdownToPlain(source)).toBe(plain);
  });

  test('raw HTML other than a plain sup/sub pair, and anything in code, stays text', () => {
    expect(markdownToHtml('<sup onclick="x()">1</sup> <script>alert(1)</script>')).toBe(
      '<p>&lt;sup onclick=&quot;x()&quot;&gt;1&lt;/sup&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
    expect(markdownToHtml('`<sup>x</sup>` and `$a$`')).toBe(
      '<p><code>&lt;sup&gt;x&lt;/sup&gt;</code> and <code>$a$</code></p>',
    );
    expect(markdownToHtml('<sup><sup>x</sup></sup>')).not.toContain('<sup><sup>');
  });
});

describe('excerpts around a topic’s terms', () => {
  const words = (n: number, w = 'word') => Array.from({ length: n }, () => w).join(' ');

  test('a term late in a turn is shown and marked, with an ellipsis where text is left out', () => {
    const text = `${words(60)} and then Telecom-fraud rings ${words(60)}`;
    const parts = excerptAround(text, ['telecom fraud'], 20);
    expect(parts[0]).toEqual({ text: '… ' });
    expect(parts.filter((p) => p.hit)).toEqual([{ text: 'Telecom-fraud', hit: true }]);
    expect(parts.at(-1)).toEqual({ text: ' …' });
    expect(parts.map((p) => p.text).join('')).toMatch(/^… (word ){6}and then Telecom-fraud rings/);
  });

  test('a term near the start keeps the start; a turn with no match is its first words', () => {
    expect(excerptAround('Interpol and more', ['interpol'], 20)).toEqual([
      { text: 'Interpol', hit: true },
      { text: ' and more' },
    ]);
    expect(
      excerptAround(`${words(30)}`, ['absent'], 5)
        .map((p) => p.text)
        .join(''),
    ).toBe('word word word word word …');
  });

  /** The excerpt's start and end, read the plain way: every word of the text, from the beginning. */
  function reference(text: string, terms: readonly string[], maxWords: number): { start: number; end: number } {
    const words = [...text.matchAll(/[\p{L}\p{N}\p{M}]+(?:['’.-][\p{L}\p{N}\p{M}]+)*/gu)];
    const hit = excerptAround(text, terms, 1_000_000).find((p) => p.hit);
    const first = hit ? text.toLowerCase().indexOf(hit.text.toLowerCase()) : -1;
    const at = first < 0 ? -1 : words.findIndex((w) => w.index + w[0].length > first);
    const from = at >= maxWords - 2 ? Math.max(0, at - 8) : 0;
    const start = from === 0 ? 0 : (words[from]?.index ?? 0);
    const last = words[Math.min(words.length, from + maxWords) - 1];
    const cut = from + maxWords < words.length;
    return { start, end: cut && last ? last.index + last[0].length : text.length };
  }

  /** The excerpt the reference reads, as text. */
  function expected(text: string, terms: readonly string[], maxWords: number): string {
    const { start, end } = reference(text, terms, maxWords);
    return `${start > 0 ? '… ' : ''}${text.slice(start, end)}${end < text.length ? ' …' : ''}`;
  }
  const shown = (text: string, terms: readonly string[], maxWords: number): string =>
    excerptAround(text, terms, maxWords)
      .map((p) => p.text)
      .join('');

  test('however far into a long turn its term is, the excerpt is the one reading every word gives', () => {
    const piece = fc.constantFrom('word', 'fraud', "it's", 'e.g.', '-', '—', '(x)', '电信', '  ', '\n', 'a', ',');
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ weight: 12, arbitrary: piece }, { weight: 1, arbitrary: fc.constant('z'.repeat(150)) }), {
          maxLength: 3000,
        }),
        fc.constantFrom(['fraud'], ['word fraud', 'e.g'], ['电信'], ['absent']),
        fc.integer({ min: 3, max: 50 }),
        (pieces, terms, maxWords) => {
          const text = pieces.join(' ');
          expect(shown(text, terms, maxWords)).toBe(expected(text, terms, maxWords));
        },
      ),
      { numRuns: 300 },
    );
    // Long words just before the term: the words it starts from lie far back.
    const text = `${words(50)} ${Array.from({ length: 12 }, (_, i) => `${'z'.repeat(100)}${i}`).join(' ')} fraud end`;
    expect(shown(text, ['fraud'], 20)).toBe(expected(text, ['fraud'], 20));
    expect(shown(text, ['fraud'], 20)).toMatch(/^… z+4 /);
  });

  /** The terms as one pattern with their edges as lookarounds, the plain way to find them. */
  function onePattern(terms: readonly string[]): RegExp {
    const sources = [...terms]
      .sort((a, b) => b.length - a.length)
      .map((t) => {
        const body = t
          .split(/[\s\p{P}]+/u)
          .filter(Boolean)
          .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('[\\s\\p{P}]+');
        const start = /^[A-Za-z0-9]/.test(t) ? '(?<![\\p{L}\\p{N}])' : '';
        const end = /[A-Za-z0-9]$/.test(t) ? '(?![\\p{L}\\p{N}])' : '';
        return `${start}${body}${end}`;
      });
    return new RegExp(sources.join('|'), 'giu');
  }

  test('the terms marked are those one pattern of them all finds, edges and overlaps included', () => {
    const piece = fc.constantFrom(
      'fraud',
      'FRAUD',
      'fraudster',
      'x-fraud',
      'fraud9',
      'rings',
      'Fraud-rings',
      '电信',
      '诈骗',
      ' ',
      '.',
      'é',
    );
    const terms = fc.constantFrom(
      ['fraud'],
      ['fraud rings', 'fraud'],
      ['rings', 'fraud rings'],
      ['电信诈骗', '电信'],
      ['x'],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), terms, (pieces, ts) => {
        const text = pieces.join('');
        const hits = excerptAround(text, ts, 1_000_000).filter((p) => p.hit);
        expect(hits.map((p) => p.text)).toEqual([...text.matchAll(onePattern(ts))].map((m) => m[0]));
      }),
      { numRuns: 500 },
    );
  });

  test('whole words in Latin text, any part in Chinese', () => {
    expect(excerptAround('fraudster fraud', ['fraud'], 10).filter((p) => p.hit)).toEqual([
      { text: 'fraud', hit: true },
    ]);
    expect(excerptAround('打击电信诈骗犯罪', ['电信诈骗'], 10).filter((p) => p.hit)).toEqual([
      { text: '电信诈骗', hit: true },
    ]);
    // A term opening with a character outside the BMP, whose first match is not a whole word.
    expect(excerptAround('𠀀abcd then 𠀀abc', ['𠀀abc'], 10).filter((p) => p.hit)).toEqual([
      { text: '𠀀abc', hit: true },
    ]);
  });
});

test('a numbered heading keeps its number, and a heading link keeps its text: every word survives', async () => {
  expect(markdownToPlain('1) What are we solving?')).toBe('1) What are we solving?');
  expect(markdownToPlain('2. Results')).toBe('2. Results');
  expect(markdownToPlain('- not a list')).toBe('- not a list');
  const { ingestTranscript } = await import('../../scripts/core/ingest-transcript.ts');
  const { lostWords } = await import('../../scripts/core/word-check.ts');
  const text = [
    '## 1) What are we solving?',
    '',
    'Ann: We start here.',
    '',
    '## Erlay ([Paper](https://arxiv.org/abs/1905.10518))',
    '',
    'Bob: Then [the BIP](https://github.com/bips/bip-0330.mediawiki) says so.',
    '',
  ].join('\n');
  const t = ingestTranscript({ file: 'talk.md', text, meta: {}, hash: 'h' }).transcript;
  expect(t?.sections.map((s) => s.title)).toEqual(['1) What are we solving?', 'Erlay (Paper)']);
  expect(t && lostWords(text, t)).toEqual([]);
});

test('lines with nothing to mark up skip micromark and read as micromark reads them, on any text', () => {
  expect(markdownToPlain('He said "yes"\nand  we\'re (Laughter.) sure: 3.5%')).toBe(
    'He said "yes" and we\'re (Laughter.) sure: 3.5%',
  );
  const piece = fc.constantFrom(
    ...'abc XYZ 123 é 日本 . , ; : ? ( ) " \' % $ @ / - + = # * _ ` ~ | ! [ ] < > & \\ \t \n \n\n \r \u00a0 1. 2) -- ** __ ==='.split(
      ' ',
    ),
    ' ',
    '  ',
    '    ',
    '(Laughter.)',
    '<sup>2</sup>',
    ...SHORTCUT_EDGES,
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 25 }), (pieces) => {
      const text = pieces.join('');
      expect(markdownToPlain(text)).toBe(micromarkToPlain(text));
    }),
    { numRuns: 3000 },
  );
});
