/**
 * Feeds carry metadata as text: whatever a title or summary holds, a feed
 * reader that reads the entry's `type="html"` content shows exactly those
 * characters and builds no element from them (no `<img onerror>`, no
 * `<script>`), and the XML stays well-formed (no `]]>` escaping its CDATA).
 */
import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import type { Transcript } from '../../scripts/core/schema.ts';
import { transcriptsFeed } from '../../scripts/core/to-feed.ts';

const HOSTILE_TITLE = '<script>window.__pwned=1</script> ]]> <b>bold</b> & "quotes"';
const HOSTILE_SUMMARY = '<img src=x onerror=window.__pwned=2> ]]><![CDATA[ <a href="javascript:x">x</a> &amp;';

const transcript = {
  slug: 'hostile',
  title: HOSTILE_TITLE,
  summary: HOSTILE_SUMMARY,
  date: '2024-05-01',
  published: '2024-05-02',
  updated: '2024-05-03',
  turns: [],
  words: 3,
} as unknown as Transcript;

/** What a feed reader shows of an Atom text construct: CDATA or XML text, then HTML when `type="html"`. */
function shown(xml: string, element: 'title' | 'summary'): { text: string; elements: string[] } {
  const entry = xml.slice(xml.indexOf('<entry>'));
  const m = new RegExp(`<${element} type="(\\w+)">(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${element}>`).exec(
    entry,
  );
  if (!m) throw new Error(`no <${element}> in the entry`);
  const [, type, cdata, text] = m;
  const content = cdata ?? parse(text ?? '').textContent;
  if (type === 'text') return { text: content, elements: [] };
  const html = parse(content);
  return { text: html.textContent, elements: html.querySelectorAll('*').map((el) => el.tagName) };
}

describe('an Atom entry of a transcript with markup in its metadata', () => {
  const xml = transcriptsFeed({ title: 'All', path: '/', feedPath: '/feed.xml', transcripts: [transcript] });

  test('shows the title as the characters written, and builds no element from it', () => {
    expect(shown(xml, 'title')).toEqual({ text: HOSTILE_TITLE, elements: [] });
  });

  test('shows the summary as the characters written, and builds no element from it', () => {
    const summary = shown(xml, 'summary');
    expect(summary.elements).toEqual([]);
    expect(summary.text).toContain(HOSTILE_SUMMARY);
  });

  test('keeps every CDATA section closed where it should be: one per text construct', () => {
    const entry = xml.slice(xml.indexOf('<entry>'));
    expect(entry.match(/<!\[CDATA\[/g)).toHaveLength(2);
    expect(entry.match(/\]\]>/g)).toHaveLength(2);
  });
});
