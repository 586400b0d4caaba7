import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { escapeHtml } from '../../scripts/core/render-paragraph.ts';
import type { Transcript } from '../../scripts/core/schema.ts';
import { mdxBodyToHtml, mdxText, parseMdxRecord, topicToMdx, transcriptToMdx } from '../../scripts/core/to-mdx.ts';

const HOSTILE = [
  '{alert(1)}',
  '</p><script>window.x = 1</script>',
  "import fs from 'node:fs'",
  'export const x = 1;',
  '<Turn id="t9" /> {...props}',
  '**bold** [link](javascript:alert(1)) `code` &amp; \\{escaped\\}',
  'line one\nline two \u2028 separator',
  '# heading',
];

test.each(HOSTILE)('mdxText leaves no brace or angle bracket for MDX to interpret: %j', (text) => {
  const line = mdxText(text);
  expect(line.startsWith('{"') && line.endsWith('"}')).toBe(true);
  expect(line.slice(1, -1)).not.toMatch(/[{}<>\n\u2028]/);
});

test.each(HOSTILE)('mdxText is a string literal whose value is the text exactly: %j', (text) => {
  // The expression between the braces is a JSON string literal: parse it back.
  expect(JSON.parse(mdxText(text).slice(1, -1))).toBe(text);
});

test('transcript MDX keeps hostile text in the front matter as data, intact', () => {
  const t = {
    slug: 's',
    title: '<script>x</script> {title}',
    titleSource: 'metadata',
    language: 'en',
    source: { file: 'x.txt', format: 'label-lines', hash: 'h' },
    participants: [],
    preamble: [],
    turns: [{ id: 't1', speaker: 'a', label: '{A}:', paragraphs: HOSTILE, line: 1, earlier: [] }],
    sections: [],
    exchanges: [],
    retiredTurns: [],
    retiredAnchors: [],
    textFormat: 'plain',
    topics: [],
    credits: [],
    notes: [],
    versions: [],
    words: 0,
  } satisfies Transcript;
  const mdx = transcriptToMdx(t);
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(mdx)?.[1] ?? '';
  expect(parse(fm)).toEqual(t);
  expect(parseMdxRecord(mdx)?.data).toEqual(t);
  expect(mdx).toBe(`---\n${fm}\n---\n`);
});

test('the MDX body reads back as escaped paragraphs, and anything else in it is refused at its line', () => {
  const mdx = topicToMdx({ slug: 't', name: 'T', origin: 'rules', terms: ['t'], description: HOSTILE.join(' ') });
  const body = parseMdxRecord(mdx)?.body ?? '';
  const html = mdxBodyToHtml(body);
  expect(html).toEqual({ html: `<p>${escapeHtml(HOSTILE.join(' '))}</p>` });
  expect(mdxBodyToHtml(`${body}\n<script>alert(1)</script>\n`)).toEqual({ line: body.split('\n').length + 1 });
});
