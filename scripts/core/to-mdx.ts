/**
 * Writes entities as MDX files of a content collection: front matter
 * holding the validated record, and a body for free text.
 *
 * Transcript text is data, never code. Structured text (turns, credits)
 * travels in the front matter, which MDX never evaluates, and is rendered by
 * Astro components that escape it. Free text in the body goes through
 * {@link mdxText}, which turns it into a JavaScript string literal inside an
 * MDX expression: MDX prints it as text, and no `{`, `}`, `<`, `>` is left in
 * it for a parser to balance or interpret, so `import`/`export` lines,
 * `<script>`, JSX and Markdown syntax all come out exactly as written.
 */
import { parse as parseYaml } from 'yaml';
import { escapeHtml } from './render-paragraph.ts';
import type { Speaker, Topic, Transcript } from './schema.ts';

/** An MDX expression that prints `text` verbatim. */
export function mdxText(text: string): string {
  const literal = JSON.stringify(text).replace(
    /[{}<>\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `{${literal}}`;
}

/**
 * The front matter is JSON, which is YAML 1.2 flow syntax: every YAML
 * parser (Astro's, an editor's) reads it, strings stay strings (no `yes` or
 * `2024-09-05` read as something else), and the archive's own loader reads it
 * with `JSON.parse`, an order of magnitude faster than a YAML parser on
 * thousands of long transcripts. Indented, so a diff shows what changed.
 */
function frontMatter(data: object): string {
  return `---\n${JSON.stringify(data, null, 1)}\n---\n`;
}

/**
 * Splits an MDX file this module wrote into its record and its body. JSON
 * front matter is read with `JSON.parse`; YAML front matter (what earlier
 * versions wrote) is still read, more slowly. Returns `undefined` when the
 * file has no front matter that parses.
 */
export function parseMdxRecord(text: string): { data: unknown; body: string } | undefined {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (m?.[1] === undefined) return undefined;
  try {
    return { data: m[1].startsWith('{') ? JSON.parse(m[1]) : parseYaml(m[1]), body: text.slice(m[0].length) };
  } catch {
    return undefined;
  }
}

const PARAGRAPH = /^<p>\{("(?:[^"\\]|\\.)*")\}<\/p>$/;

/**
 * The HTML of a body {@link transcriptToMdx} wrote: each `<p>{"…"}</p>` line's
 * string literal, escaped, in a `<p>`. Anything else in the body is refused
 * with its 1-based line in the body, so no hand-written markup or code in an
 * MDX file reaches a page.
 */
export function mdxBodyToHtml(body: string): { html: string } | { line: number } {
  const out: string[] = [];
  for (const [i, line] of body.split('\n').entries()) {
    if (line.trim() === '') continue;
    const literal = PARAGRAPH.exec(line)?.[1];
    if (literal === undefined) return { line: i + 1 };
    out.push(`<p>${escapeHtml(JSON.parse(literal) as string)}</p>`);
  }
  return { html: out.join('\n') };
}

/** Body paragraphs, each a separate MDX paragraph. */
function body(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => `\n<p>${mdxText(p)}</p>\n`).join('');
}

export function transcriptToMdx(transcript: Transcript): string {
  return frontMatter(transcript) + body(transcript.summary ? [transcript.summary] : []);
}

/**
 * A speaker's page source. The body is the biography from the maintainer's
 * registry, in Markdown (the subset of MDX that needs no code); the site
 * renders it with micromark's safe defaults, never as code.
 */
export function speakerToMdx(speaker: Speaker, bio?: string): string {
  return frontMatter(speaker) + (bio ? `\n${bio.trim()}\n` : '');
}

export function topicToMdx(topic: Topic): string {
  return frontMatter(topic) + body(topic.description ? [topic.description] : []);
}
