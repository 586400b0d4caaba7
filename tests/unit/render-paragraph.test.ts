/**
 * Links and images in Markdown transcripts: a link survives only when a
 * reader can follow it from the archive, an image never makes a request, and
 * no URL that runs code reaches the page in any spelling.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { markdownToHtml, micromarkToHtml, plainToHtml } from '../../scripts/core/render-paragraph.ts';
import { SHORTCUT_EDGES } from '../helpers/markdown-pieces.ts';

describe('Markdown links', () => {
  test.each([
    ['[a](javascript:alert(1))', '<p>a</p>'],
    ['[b](JaVaScRiPt:alert(1))', '<p>b</p>'],
    ['[c](&#106;avascript:alert(1))', '<p>c</p>'],
    ['[d](javascript&colon;alert(1))', '<p>d</p>'],
    ['[e](data:text/html,hi)', '<p>e</p>'],
    ['[f](vbscript:msgbox)', '<p>f</p>'],
    ['<javascript:alert(1)>', '<p>javascript:alert(1)</p>'],
    ['[r][ref]\n\n[ref]: javascript:alert(1)', '<p>r</p>\n'],
  ])('`%s` is neutralised to its text', (md, html) => {
    expect(markdownToHtml(md)).toBe(html);
  });

  test('absolute web and mail links are kept', () => {
    expect(markdownToHtml('[ok](https://example.org/a?b=1&c=2) <mailto:a@example.org>')).toBe(
      '<p><a href="https://example.org/a?b=1&amp;c=2">ok</a> <a href="mailto:a@example.org">mailto:a@example.org</a></p>',
    );
  });

  test("a relative link into the transcript's original site is shown as its text", () => {
    expect(markdownToHtml('see [Core Dev](/core-dev/2019/) and [step 1](#1-header)')).toBe(
      '<p>see Core Dev and step 1</p>',
    );
  });
});

describe('Markdown images', () => {
  test('a remote image becomes a link to it, labelled with its alt text, and loads nothing', () => {
    expect(markdownToHtml('![a chart](https://evil.example/t.png "t")')).toBe(
      '<p><a href="https://evil.example/t.png">a chart</a></p>',
    );
  });

  test('a protocol-relative or relative image is shown as its alt text', () => {
    expect(markdownToHtml('![x](//evil.example/t.png) ![y *z*](/y.png)')).toBe('<p>x y z</p>');
  });

  test('an image inside a link gives its alt text to the link, never a link in a link', () => {
    expect(markdownToHtml('[![logo](https://e.example/x.png)](https://e.example)')).toBe(
      '<p><a href="https://e.example">logo</a></p>',
    );
  });

  test('an image without alt text is labelled with its address', () => {
    expect(markdownToHtml('![](https://e.example/x.png)')).toBe(
      '<p><a href="https://e.example/x.png">https://e.example/x.png</a></p>',
    );
  });
});

test('in plain text, Markdown links and images stay literal', () => {
  expect(plainToHtml('[a](javascript:alert(1)) ![i](https://e.example/x.png)')).toBe(
    '[a](javascript:alert(1)) ![i](https://e.example/x.png)',
  );
});

describe('Markdown paragraphs with nothing to mark up', () => {
  test('skip micromark and come out as micromark makes them', () => {
    const spoken = 'He said "yes" (twice), and we\'re 100% sure: 3.5 percent (Laughter.) of it.';
    expect(markdownToHtml(spoken)).toBe(micromarkToHtml(spoken));
    expect(markdownToHtml('1. A list')).toBe('<ol>\n<li>A list</li>\n</ol>');
  });

  test('agree with micromark on any text', () => {
    const piece = fc.constantFrom(
      ...'abc XYZ 123 é 日本 . , ; : ? ( ) " \' % $ @ / - + = # * _ ` ~ | ! [ ] < > & \\ \t \n \r \u0000 1. 2) -- ** __ http://x.y'.split(
        ' ',
      ),
      ' ',
      '  ',
      '(Laughter.)',
      '[inaudible]',
      ...SHORTCUT_EDGES,
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }), (pieces) => {
        const text = pieces.join('');
        expect(markdownToHtml(text)).toBe(micromarkToHtml(text));
      }),
      { numRuns: 3000 },
    );
  });
});
