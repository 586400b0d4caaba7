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

/** Each set of terms' patterns, made once: a topic's list cuts every excerpt around the same terms. */
const patterns = new Map<string, { every: RegExp; first: RegExp } | undefined>();

function termPatterns(terms: readonly string[]): { every: RegExp; first: RegExp } | undefined {
  const key = terms.join('\0');
  if (patterns.has(key)) return patterns.get(key);
  const every = termPattern(terms);
  const made = every ? { every, first: new RegExp(every.source, 'iu') } : undefined;
  patterns.set(key, made);
  return made;
}

/**
 * A reader of `text`'s words from `origin`: 0, or just after a space. No word
 * holds a space, so from there it finds the very words reading from the
 * beginning would.
 */
class Words {
  readonly list: RegExpExecArray[] = [];
  readonly origin: number;
  readonly #text: string;
  #at: number;

  constructor(text: string, origin: number) {
    this.#text = text;
    this.origin = origin;
    this.#at = origin;
  }

  more(): boolean {
    WORD.lastIndex = this.#at;
    const m = WORD.exec(this.#text);
    if (m) {
      this.list.push(m);
      this.#at = WORD.lastIndex;
    }
    return m !== null;
  }
}

/** The index of the first word that ends after `pos`, reading at most `limit` words; -1 when none does. */
function wordEndingAfter(words: Words, pos: number, limit = Number.POSITIVE_INFINITY): number {
  for (let i = 0; i < limit; i++) {
    if (i >= words.list.length && !words.more()) return -1;
    const w = words.list[i] as RegExpExecArray;
    if (w.index + w[0].length > pos) return i;
  }
  return -1;
}

/**
 * The words from `LEAD` words before the one holding `pos`, read from a
 * space shortly before it (from the beginning only when no closer space
 * leaves room for `LEAD` words), and the index of the first of them; none
 * when no word ends after `pos`.
 */
function leadIn(text: string, pos: number): { words: Words; from: number } | undefined {
  const space = /\s/g;
  for (let span = 64 * (LEAD + 1); ; span *= 4) {
    let origin = 0;
    if (pos > span) {
      space.lastIndex = pos - span;
      const s = space.exec(text);
      origin = s && s.index < pos ? s.index + 1 : -1;
    }
    if (origin < 0) continue;
    const words = new Words(text, origin);
    const at = wordEndingAfter(words, pos);
    if (at < 0) return undefined;
    if (at >= LEAD || origin === 0) return { words, from: Math.max(0, at - LEAD) };
  }
}

/**
 * The first `maxWords` words of `text`, or, when the first of `terms` comes
 * later, `maxWords` words starting a few before it; with an ellipsis where
 * text is left out, and each term found marked as a hit. Words are read only
 * where the excerpt needs them, however long the turn.
 */
export function excerptAround(text: string, terms: readonly string[], maxWords: number): ExcerptPart[] {
  const pattern = termPatterns(terms);
  const first = pattern ? (pattern.first.exec(text)?.index ?? -1) : -1;
  let words = new Words(text, 0);
  let from = 0;
  // A first term past the opening words: the excerpt starts a few words before it.
  if (first >= 0 && wordEndingAfter(words, first, maxWords - 2) < 0) {
    const near = leadIn(text, first);
    if (near) ({ words, from } = near);
  }
  // One word past the excerpt tells whether it is cut.
  while (words.list.length <= from + maxWords && words.more());
  const start = from === 0 && words.origin === 0 ? 0 : (words.list[from]?.index ?? 0);
  const last = words.list[Math.min(words.list.length, from + maxWords) - 1];
  const cut = from + maxWords < words.list.length;
  const end = cut && last ? last.index + last[0].length : text.length;
  const shown = text.slice(start, end);
  const parts: ExcerptPart[] = [];
  if (start > 0) parts.push({ text: '… ' });
  let done = 0;
  for (const m of pattern ? shown.matchAll(pattern.every) : []) {
    if (m.index > done) parts.push({ text: shown.slice(done, m.index) });
    parts.push({ text: m[0], hit: true });
    done = m.index + m[0].length;
  }
  if (done < shown.length) parts.push({ text: shown.slice(done) });
  if (cut) parts.push({ text: ' …' });
  return parts;
}
