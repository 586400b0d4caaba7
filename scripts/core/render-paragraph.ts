/**
 * A paragraph as HTML, for the transcript page. Plain text is escaped
 * character by character; Markdown paragraphs go through micromark with its
 * safe defaults (raw HTML escaped, `javascript:` and other unsafe URLs dropped).
 * Annotations are wrapped in `<span class="annotation">` in both.
 */
import { micromark } from 'micromark';
import { splitAnnotations } from './annotations.ts';

export type TextFormat = 'plain' | 'markdown';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function markAnnotations(escapedText: string): string {
  return splitAnnotations(escapedText)
    .map((s) => (s.annotation ? `<span class="annotation">${s.text}</span>` : s.text))
    .join('');
}

/** Inline HTML for a plain-text paragraph (to go inside a `<p>`). */
export function plainToHtml(text: string): string {
  return markAnnotations(escapeHtml(text));
}

/** Block HTML for a Markdown paragraph (micromark wraps it in `<p>`, or makes a list, a quote…). */
export function markdownToHtml(text: string): string {
  const html = micromark(text);
  // Mark annotations in text only, never inside a tag.
  return html
    .split(/(<[^>]*>)/)
    .map((part) => (part.startsWith('<') ? part : markAnnotations(part)))
    .join('');
}
