/**
 * Excerpts of turns for lists (speaker and topic pages): the text a reader
 * sees (Markdown sources' markup stripped, as on the transcript page), cut
 * to a number of words. A topic's excerpt is cut around the words that filed
 * the turn under the topic, and marks them, so the reason is visible.
 * Pure.
 */
import { markdownToPlain } from '../../scripts/core/markdown-text.ts';
import type { TextFormat } from '../../scripts/core/render-paragraph.ts';
import type { Turn } from '../../scripts/core/schema.ts';

/** A run of an excerpt's text: a matched term (`hit`) or the text between. */
export interface ExcerptPart {
  text: string;
  hit?: true;
}

/** Markdown turns' text, made once: a turn is listed on its speaker's page and each topic's it is filed under, twice each. */
const markdownTexts = new WeakMap<Turn, string>();

/** A turn's text as one line, as a reader sees it. */
export function turnText(turn: Turn, format: TextFormat = 'plain'): string {
  if (format !== 'markdown') return turn.paragraphs.join(' ');
  let text = markdownTexts.get(turn);
  if (text === undefined) {
    text = turn.paragraphs.map(markdownToPlain).join(' ');
    markdownTexts.set(turn, text);
  }
  return text;
}

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’.-][\p{L}\p{N}\p{M}]+)*/gu;
/** How many words to show before the first match, when the excerpt cannot start at the beginning. */
const LEAD = 8;

/** A pattern for a topic term: any case, any run of spaces or punctuation between its words, whole words in Latin text. */
function termPattern(terms: readonly string[]): RegExp | undefined {
  const sources = terms
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .sort((a, b) => b.length - a.length)
    .map((t) => {
      const body = t
        .split(/[\s\p{P}]+/u)
        .filter(Boolean)
        .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[\\s\\p{P}]+');
      const start = /^[A-Za-z0-9]/.test(t) ? '(?<![\\p{L}\\p{N}])' : '';
      const end = /[A-Za-z0-9]$/.test(t) ? '(?![\\p{L}\\p{N}])' : '';
      return `${start}${body}${end}`;
    })
    .filter((s) => s !== '');
  return sources.length > 0 ? new RegExp(sources.join('|'), 'giu') : undefined;
}

/**
 * The first `maxWords` words of `text`, or, when the first of `terms` comes
 * later, `maxWords` words starting a few before it; with an ellipsis where
 * text is left out, and each term found marked as a hit.
 */
export function excerptAround(text: string, terms: readonly string[], maxWords: number): ExcerptPart[] {
  const pattern = termPattern(terms);
  const words = [...text.matchAll(WORD)];
  const first = pattern ? (new RegExp(pattern.source, 'iu').exec(text)?.index ?? -1) : -1;
  let from = 0;
  if (first >= 0) {
    const at = words.findIndex((w) => (w.index ?? 0) + w[0].length > first);
    if (at >= maxWords - 2) from = Math.max(0, at - LEAD);
  }
  const start = from === 0 ? 0 : (words[from]?.index ?? 0);
  const last = words[Math.min(words.length, from + maxWords) - 1];
  const cut = from + maxWords < words.length;
  const end = cut && last ? (last.index ?? 0) + last[0].length : text.length;
  const shown = text.slice(start, end);
  const parts: ExcerptPart[] = [];
  if (start > 0) parts.push({ text: '… ' });
  let at = 0;
  for (const m of pattern ? shown.matchAll(pattern) : []) {
    if ((m.index ?? 0) > at) parts.push({ text: shown.slice(at, m.index) });
    parts.push({ text: m[0], hit: true });
    at = (m.index ?? 0) + m[0].length;
  }
  if (at < shown.length) parts.push({ text: shown.slice(at) });
  if (cut) parts.push({ text: ' …' });
  return parts;
}
