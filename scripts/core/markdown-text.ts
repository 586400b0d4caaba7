/**
 * Markdown from a source as plain text, for places that show it as one
 * line: titles and section headings (made plain by the ingest), contents and
 * excerpts. It goes through the same renderer as the transcript's paragraphs
 * (render-paragraph.ts), so `OP\_CHECKTEMPLATEVERIFY` reads
 * `OP_CHECKTEMPLATEVERIFY` everywhere, and `**bold**` is bold in a paragraph
 * and plain in an excerpt, never asterisks.
 */
import { inertMarkdown, micromarkToHtml } from './render-paragraph.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#') && name !== '#39') return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

/** Markdown as the plain text a reader sees: markup gone, escapes and entities resolved, one line. */
export function markdownToPlain(text: string): string {
  // Lines in which Markdown finds nothing to do read as written, joined by a space: most spoken paragraphs
  // (micromark took most of the site stage's time when every excerpt went through it).
  const lines = text.split('\n').map(inertMarkdown);
  if (lines.every((line) => line !== undefined)) return lines.join(' ').replace(/\s+/g, ' ').trim();
  return micromarkToPlain(text);
}

/** {@link markdownToPlain} through micromark, whatever the text (exported for the test that the shortcut agrees). */
export function micromarkToPlain(text: string): string {
  // A title or a line of text is inline: `1) What are we solving?` keeps its number, not a list's.
  const inline = text.replace(/^(\s*\d{1,9})([.)])(?=\s)/, '$1\\$2').replace(/^(\s*)([-+*>])(?=\s)/, '$1\\$2');
  const html = micromarkToHtml(inline)
    .replace(/<br\s*\/?>/g, ' ')
    .replace(/<\/(?:p|li|h\d|blockquote|pre)>/g, ' ')
    // Exponents and indices as plain text writes them: g^u, Z_N, A^(1/x).
    .replace(
      /<(sup|sub)>([^<]*)<\/\1>/g,
      (_, tag: string, x: string) => `${tag === 'sup' ? '^' : '_'}${x.length > 1 ? `(${x})` : x}`,
    );
  return decode(html.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}
