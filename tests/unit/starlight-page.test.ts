/**
 * The benchmark's Starlight peer pages: a transcript's text comes out of a
 * Markdown renderer exactly as written (no element but paragraphs, whatever
 * Markdown, HTML, JSX or front matter it looks like), the title survives any
 * file name, and page names are unique slugs.
 */
import fc from 'fast-check';
import { micromark } from 'micromark';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { literalMarkdown, pageName, pageTitle, starlightPage } from '../../scripts/bench/starlight-page.ts';

/** A page's front matter (up to the first `---` line, as Astro reads it) and its body. */
function split(page: string): { data: unknown; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(page);
  if (!m) throw new Error(`no front matter in ${JSON.stringify(page.slice(0, 80))}`);
  return { data: parse(m[1] as string), body: page.slice(m[0].length) };
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"' };

/** The text a reader sees in CommonMark HTML made only of paragraphs; throws on any other element. */
function paragraphsText(html: string): string {
  const inner = html.replace(/<\/?p>/g, ' ');
  if (/<[a-z/!]/i.test(inner)) throw new Error(`markup besides paragraphs: ${html}`);
  return inner.replace(/&(?:lt|gt|amp|quot);/g, (e) => ENTITIES[e] ?? e);
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

const HOSTILE = [
  '<script>alert(1)</script>',
  '{props.x}',
  '<Turn speaker="a">',
  'import X from "y"',
  'export const a = 1;',
  '---',
  '===',
  '***',
  '    indented',
  '\t',
  '# heading',
  '1. one',
  '2) two',
  '* star',
  '- dash',
  '+ plus',
  '> quote',
  '```js',
  '~~~',
  '`code`',
  '&amp; &#106; &copy;',
  '<!-- comment -->',
  '\\',
  '| a | b |',
  '[link](javascript:alert(1))',
  '![img](x.png)',
  '[ref]: http://x',
  '<http://x.y>',
  '**bold** _em_ ~~del~~',
  '<div>',
  '  ',
];

const piece = fc.oneof(fc.string(), fc.constantFrom(...HOSTILE));
const line = fc.array(piece, { maxLength: 5 }).map((a) => a.join(''));
const text = fc.array(line, { maxLength: 8 }).map((ls) => ls.join('\n'));

describe('literalMarkdown', () => {
  test('every hostile line renders as its own text in one paragraph', () => {
    for (const h of HOSTILE) {
      const html = micromark(literalMarkdown(`before\n${h}\nafter`));
      expect(html.startsWith('<p>') && html.endsWith('</p>')).toBe(true);
      expect(squash(paragraphsText(html))).toBe(squash(`before ${h} after`));
    }
  });

  test('any text renders to paragraphs holding exactly its words', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(squash(paragraphsText(micromark(literalMarkdown(t))))).toBe(squash(t));
      }),
      { numRuns: 500 },
    );
  });

  test('blank lines separate paragraphs; lines within one stay together', () => {
    expect(micromark(literalMarkdown('a\r\nb\n \nc'))).toBe('<p>a\nb</p>\n<p>c</p>');
  });
});

describe('starlightPage', () => {
  test('a Markdown transcript loses its own front matter; its text stays literal', () => {
    const page = starlightPage('talks/keynote.md', '---\ntitle: Evil\nlayout: x\n---\n**A:** <b>{hi}</b>\n');
    const { data, body } = split(page);
    expect(data).toEqual({ title: 'keynote' });
    expect(body).not.toContain('layout');
    expect(micromark(body)).toBe('<p>**A:** &lt;b&gt;{hi}&lt;/b&gt;</p>\n');
  });

  test('a plain-text transcript that starts like front matter keeps it as text', () => {
    const { data, body } = split(starlightPage('notes.txt', '---\ntitle: x\n---\nSpeaker: hi'));
    expect(data).toEqual({ title: 'notes' });
    expect(squash(paragraphsText(micromark(body)))).toBe('--- title: x --- Speaker: hi');
  });

  test('the title survives any file name in the front matter', () => {
    const name = fc.oneof(
      fc.string({ minLength: 1 }),
      fc.constantFrom('a\n---\nb', 'it\'s: "quoted" # not a comment', '{x}: [y]', '- dash', '&anchor *alias', '@at'),
    );
    fc.assert(
      fc.property(name, fc.constantFrom('.md', '.txt', '.vtt', '.srt', '.json'), (n, ext) => {
        const file = `dir/${n.replace(/[/\\]/g, '_')}${ext}`;
        expect(split(starlightPage(file, 'text')).data).toEqual({ title: pageTitle(file) });
      }),
      { numRuns: 300 },
    );
  });
});

describe('pageTitle and pageName', () => {
  test('the title is the file name without folder and extension, dashes read as spaces', () => {
    expect(pageTitle('jsparty/js-party-278.md')).toBe('js party 278');
    expect(pageTitle('000_b208c8174473c045.txt')).toBe('000 b208c8174473c045');
    expect(pageTitle('---.md')).toBe('---');
  });

  test('names are unique, lower-case slugs ending in .md', () => {
    const taken = new Set<string>();
    const names = ['a/b.md', 'a-b.txt', 'A/B.vtt', 'é.md', '.md'].map((f) => pageName(f, taken));
    expect(names).toEqual(['a-b.md', 'a-b-2.md', 'a-b-3.md', 'page.md', 'page-2.md']);
    for (const n of names) expect(n).toMatch(/^[a-z0-9-]+\.md$/);
  });
});
