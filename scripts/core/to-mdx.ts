/**
 * Writes entities as MDX files of a content collection: YAML front matter
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
import { stringify } from 'yaml';
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
 * YAML in 1.1 style quotes every scalar that an older parser would read as
 * something other than a string (`2024-09-05` as a date, `yes` as a boolean),
 * so the record reads back the same whatever YAML parser Astro uses.
 */
function frontMatter(data: object): string {
  return `---\n${stringify(data, { version: '1.1', lineWidth: 0, minContentWidth: 0 })}---\n`;
}

/** Body paragraphs, each a separate MDX paragraph. */
function body(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => `\n<p>${mdxText(p)}</p>\n`).join('');
}

export function transcriptToMdx(transcript: Transcript): string {
  return frontMatter(transcript) + body(transcript.summary ? [transcript.summary] : []);
}

/**
 * A speaker's page source. The biography comes from the maintainer's registry
 * and is MDX on purpose (links, emphasis, components); it is the only MDX body
 * the ingest writes unescaped, because it is the archive's own writing, not
 * transcript text.
 */
export function speakerToMdx(speaker: Speaker, bio?: string): string {
  return frontMatter(speaker) + (bio ? `\n${bio.trim()}\n` : '');
}

export function topicToMdx(topic: Topic): string {
  return frontMatter(topic) + body(topic.description ? [topic.description] : []);
}
