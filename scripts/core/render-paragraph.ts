/**
 * A paragraph as HTML, for the transcript page. Plain text is escaped
 * character by character; Markdown paragraphs go through micromark with its
 * safe defaults (raw HTML escaped, `javascript:` and other unsafe URLs dropped).
 * Annotations are wrapped in `<span class="annotation">` in both.
 *
 * A link from a Markdown transcript survives only when it leads somewhere
 * from this site: an absolute `http:`, `https:` or `mailto:` address. A link
 * whose URL micromark dropped as unsafe, or a relative one (it pointed into
 * the transcript's original site), is shown as its text. An image is never
 * loaded (the archive makes no request to another host): it becomes a link to
 * the picture, labelled with its alt text.
 *
 * Two things Markdown sources write that micromark leaves as text are
 * rendered: `<sup>…</sup>` and `<sub>…</sub>` pairs without attributes
 * (exponents and indices in technical talks), and TeX inline math between
 * single dollars (`$A_0 = g$`, the pandoc rule: no space inside the dollars,
 * no digit after the closing one, so "$5 and $10" stays text), shown as its
 * TeX in `<code class="math">`. Both are matched on the already escaped
 * text, so nothing from the source becomes a tag but those.
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

/** Link targets a reader can follow from the archive. */
const FOLLOWABLE = /^(?:https?:\/\/|mailto:)/i;
const LINK_OPEN = /^<a href="([^"]*)"/;
const IMAGE = /^<img src="([^"]*)" alt="([^"]*)"/;

/**
 * Text in which Markdown finds nothing to do: one line, no space at either
 * end, no character that can open syntax (emphasis, code, links, HTML,
 * escapes, headings, quotes, tables), no `![` (an image), no `&` that could
 * start a character reference, and no list marker at the start. micromark
 * would only wrap it in `<p>` and encode its quotes and ampersands; most
 * spoken paragraphs are like this, and skipping micromark for them saves
 * most of a Markdown transcript's rendering time. Tested against micromark
 * itself on random text.
 */
const INERT_MARKDOWN =
  /^(?![-+=]|\d{1,9}[.)])(?!.*!\[)(?!.*&[#\w])[^\s\\`*_[\]<>#|~$\0](?:[^\\`*_[\]<>#|~$\n\r\0]*[^\s\\`*_[\]<>#|~$\0])?$/;

/** A bracket escaped with a backslash (`\[laughs\]`, as Markdown transcripts write annotations): micromark shows the bracket. */
const ESCAPED_BRACKET = /\\([[\]])/g;

/**
 * What makes a bracket syntax: a link's `](` or a definition's `]:`. A
 * paragraph is rendered on its own, so a reference (`[laughs]`, `[1]`) has no
 * definition to find and stays text.
 */
const LINK_SYNTAX = /\]\(|\]:/;

/**
 * A line as micromark shows it when Markdown finds nothing else to do in it
 * (see {@link INERT_MARKDOWN}), its escaped brackets resolved; `undefined`
 * when micromark has work to do. Brackets that make no link, and dollars
 * that make no inline TeX ({@link MATH}; `$5 and $10`), open nothing either:
 * they stand for a letter in the test.
 */
export function inertMarkdown(line: string): string | undefined {
  if (INERT_MARKDOWN.test(line)) return line;
  // An escaped bracket opens nothing; any other backslash fails the test.
  const shown = line.includes('\\') ? line.replace(ESCAPED_BRACKET, '$1') : line;
  let test = shown === line ? line : line.replace(ESCAPED_BRACKET, 'x');
  if (!LINK_SYNTAX.test(test)) test = test.replace(/[[\]]/g, 'x');
  // TeX is found in the text as shown, brackets and all (`[$x$]` is TeX).
  if (!MATH_IN.test(shown)) test = test.replace(/\$/g, 'x');
  return test !== line && INERT_MARKDOWN.test(test) ? shown : undefined;
}

/** Block HTML for a Markdown paragraph (micromark wraps it in `<p>`, or makes a list, a quote…). */
export function markdownToHtml(text: string): string {
  // A paragraph of lines with nothing to mark up is one `<p>`, its line breaks kept as micromark keeps them.
  const inert = text.includes('\n') ? inertLines(text) : inertMarkdown(text);
  if (inert !== undefined) return `<p>${markAnnotations(inert.replace(/[&"]/g, (c) => ESCAPES[c] ?? c))}</p>`;
  return micromarkToHtml(text);
}

/** A text's lines through {@link inertMarkdown}, joined as they were; `undefined` when any line has work for micromark. */
function inertLines(text: string): string | undefined {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    const inert = inertMarkdown(line);
    if (inert === undefined) return undefined;
    lines.push(inert);
  }
  return lines.join('\n');
}

/** {@link markdownToHtml} through micromark, whatever the text (exported for the test that the shortcut agrees). */
export function micromarkToHtml(text: string): string {
  const out: string[] = [];
  // For each open `<a>`: whether it was kept (its `</a>` is kept with it).
  const links: boolean[] = [];
  for (const part of micromark(text).split(/(<[^>]*>)/)) {
    const open = LINK_OPEN.exec(part);
    const image = IMAGE.exec(part);
    if (open) {
      const keep = FOLLOWABLE.test(open[1] ?? '');
      links.push(keep);
      if (keep) out.push(part);
    } else if (part === '</a>') {
      if (links.pop()) out.push(part);
    } else if (image) {
      const [, src = '', alt = ''] = image;
      const label = alt || src;
      out.push(!links.includes(true) && FOLLOWABLE.test(src) ? `<a href="${src}">${label}</a>` : alt);
    } else {
      // Mark annotations in text only, never inside a tag.
      out.push(part.startsWith('<') ? part : markAnnotations(part));
    }
  }
  return inlineExtras(out.join(''));
}

/** `&lt;sup&gt;2&lt;/sup&gt;` as escaped by micromark, with no tag or other sup/sub inside. */
const SUP_SUB = /&lt;(sup|sub)&gt;((?:(?!&lt;\/?su[pb]&gt;)[^<])+?)&lt;\/\1&gt;/g;
/** Inline TeX between single dollars, in text between tags. */
const MATH = /(^|[^$\\\w])\$(?=[^\s$])([^$<\n]*?[^\s$\\])\$(?![\d$])/g;
/** {@link MATH}, to test a line: one match is enough. */
const MATH_IN = new RegExp(MATH.source);

/** Text outside code spans and blocks, where the source's own markup is literal. */
function inlineExtras(html: string): string {
  let inCode = 0;
  return html
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith('<')) {
        if (/^<(?:code|pre)\b/.test(part)) inCode++;
        else if (/^<\/(?:code|pre)>/.test(part)) inCode--;
        return part;
      }
      if (inCode > 0) return part;
      return part
        .replace(SUP_SUB, '<$1>$2</$1>')
        .replace(MATH, (_, before: string, tex: string) => `${before}<code class="math">${tex}</code>`);
    })
    .join('');
}
