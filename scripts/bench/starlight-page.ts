/**
 * The benchmark's Starlight peer, its pure part: a transcript file as the
 * `.md` docs page a user would write for it (a title from the file name, the
 * text as it is), and the stock project's own files. Pure.
 *
 * The text is data: every character Markdown could read as syntax is
 * backslash-escaped (CommonMark lets any ASCII punctuation be escaped), so
 * Markdown, HTML, JSX-looking braces and front-matter fences in a transcript
 * come out on the page as written and cannot break the build.
 */
import { stringify } from 'yaml';

/** The ASCII punctuation Markdown (CommonMark and GFM) can read as syntax. */
const SYNTAX = /[\\`*_{}[\]<>()#+\-.!|~&=]/g;

/** A transcript's leading YAML front matter (its metadata, not its text). */
const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

/** One line of text, literal in Markdown: no indentation (code block), no trailing spaces (hard break). */
function literalLine(line: string): string {
  return line.trim().replace(SYNTAX, '\\$&');
}

/**
 * Text as literal Markdown paragraphs: blank lines separate paragraphs as in
 * the source; lines within a paragraph stay lines (soft breaks).
 */
export function literalMarkdown(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) =>
      p
        .split('\n')
        .map(literalLine)
        .filter((l) => l !== '')
        .join('\n'),
    )
    .filter((p) => p !== '');
  return paragraphs.join('\n\n');
}

/** The page title: the file's name without its folder and extension, `-` and `_` read as spaces. */
export function pageTitle(file: string): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return base.replace(/[-_]+/g, ' ').trim() || base || 'Untitled';
}

/** A page's file name in `src/content/docs/`: the relative path flattened into a slug not yet in `taken`. */
export function pageName(file: string, taken: Set<string>): string {
  const stem =
    file
      .replace(/\.[^./\\]*$/, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'page';
  let name = stem;
  for (let n = 2; taken.has(name); n++) name = `${stem}-${n}`;
  taken.add(name);
  return `${name}.md`;
}

/** The `.md` page for the transcript `file` (relative path) holding `source`. */
export function starlightPage(file: string, source: string): string {
  const text = /\.mdx?$/i.test(file) ? source.replace(/^\uFEFF/, '').replace(FRONT_MATTER, '') : source;
  const body = literalMarkdown(text.replace(/^\uFEFF/, ''));
  return `---\n${stringify({ title: pageTitle(file) }, { lineWidth: 0 })}---\n\n${body}\n`;
}

/**
 * The stock project's files besides the pages, as `npm create astro --
 * --template starlight` writes them: Starlight with its defaults (its
 * sidebar lists every page; it runs Pagefind after the build).
 */
export function starlightProject(title: string): Record<string, string> {
  return {
    'astro.config.mjs': `import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

export default defineConfig({
  integrations: [starlight({ title: ${JSON.stringify(title)} })],
});
`,
    'src/content.config.ts': `import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
};
`,
    'tsconfig.json': `${JSON.stringify(
      { extends: 'astro/tsconfigs/strict', include: ['.astro/types.d.ts', '**/*'], exclude: ['dist'] },
      null,
      2,
    )}\n`,
  };
}
