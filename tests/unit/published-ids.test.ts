/** The published-address check finds a page's ids in its bytes, as the attribute pattern finds them in its text. */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { idsIn } from '../../scripts/lib/check-published-fs.ts';

/** The pattern the check used on the decoded page, with ASCII whitespace (what separates attributes). */
const byPattern = (html: string): Set<string> =>
  new Set(Array.from(html.matchAll(/[ \t\n\f\r]id="([^"]*)"/g), (m) => m[1] ?? ''));

test('ids are found where an attribute can start, with their text decoded', () => {
  const html =
    '<p id="t1">x</p><p\nid="t2"></p><p data-id="no"></p><h2 class="a" id="é-ü 1">y</h2><p id="t1">again</p> id="';
  expect(idsIn(Buffer.from(html))).toEqual(new Set(['t1', 't2', 'é-ü 1']));
});

test('on any text, the ids found in bytes are those the pattern finds in the decoded text', () => {
  const piece = fc.constantFrom(' ', '\n', '\t', 'id="', 'id=', '"', 'd', 'x', 'é', '中', '-', '<p ', '>');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const html = pieces.join('');
      expect(idsIn(Buffer.from(html))).toEqual(byPattern(html));
    }),
    { numRuns: 2000, seed: 19 },
  );
});
