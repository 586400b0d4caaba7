import { expect, test } from 'vitest';
import { isAnnotationOnly, splitAnnotations, spokenWords } from '../../scripts/core/annotations.ts';
import { markdownToHtml, plainToHtml } from '../../scripts/core/render-paragraph.ts';

test.each([
  '（笑声）',
  '(Laughter.)',
  '[inaudible]',
  '\\[laughs\\]',
  '(A video is played.)',
  '[crosstalk]',
  '(Applause)',
])('%j is an annotation', (text) => {
  expect(isAnnotationOnly(text)).toBe(true);
});

test.each(['(CCTV)', '[sic]', '(and this matters)', '\\[03:51\\]', 'plain words'])(
  '%j is not an annotation',
  (text) => {
    expect(isAnnotationOnly(text)).toBe(false);
  },
);

test('annotations inside speech are split out, and joined segments give the text back', () => {
  const text = 'We won (Applause.) and then [inaudible] the end (CCTV).';
  const segments = splitAnnotations(text);
  expect(segments.filter((s) => s.annotation).map((s) => s.text)).toEqual(['(Applause.)', '[inaudible]']);
  expect(segments.map((s) => s.text).join('')).toBe(text);
});

test('annotations are not counted as spoken words', () => {
  expect(spokenWords('We won (Laughter.) today.')).toEqual(['We', 'won', 'today']);
});

test('plain text is escaped and annotations are marked', () => {
  expect(plainToHtml('a <b> & (Laughter.)')).toBe('a &lt;b&gt; &amp; <span class="annotation">(Laughter.)</span>');
});

test('Markdown keeps links and emphasis, drops raw HTML and javascript: links', () => {
  expect(markdownToHtml('*so* [site](https://example.org) \\[laughs\\]')).toBe(
    '<p><em>so</em> <a href="https://example.org">site</a> <span class="annotation">[laughs]</span></p>',
  );
  expect(markdownToHtml('<script>x()</script> <img src=x onerror=y>')).toBe(
    '&lt;script&gt;x()&lt;/script&gt; &lt;img src=x onerror=y&gt;',
  );
  expect(markdownToHtml('Hi <img src=x onerror=y> there')).toBe('<p>Hi &lt;img src=x onerror=y&gt; there</p>');
  expect(markdownToHtml('[click](javascript:alert(1))')).toBe('<p>click</p>');
});
