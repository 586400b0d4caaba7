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
const COUNTED = new RegExp(WORD.source, 'gu');

/**
 * {@link turnText} as far as the paragraph that holds its word `words + 1`:
 * all that an excerpt of `words` words reads (a list shows thousands of
 * turns, and a turn can run to pages). A paragraph break is a space, which no
 * word spans, so the words are those of the whole text.
 */
export function leadText(turn: Turn, format: TextFormat, words: number): string {
  const whole = format === 'markdown' ? markdownTexts.get(turn) : undefined;
  if (whole !== undefined) return whole;
  const lead: string[] = [];
  let counted = 0;
  for (const paragraph of turn.paragraphs) {
    const text = format === 'markdown' ? markdownToPlain(paragraph) : paragraph;
    lead.push(text);
    COUNTED.lastIndex = 0;
    while (counted <= words && COUNTED.exec(text)) counted++;
    if (counted > words) break;
  }
  return lead.join(' ');
}

/** How many words to show before the first match, when the excerpt cannot start at the beginning. */
const LEAD = 8;

/**
 * A topic term as a pattern: any case, any run of spaces or punctuation
 * between its words; a term that starts (`start`) or ends (`end`) with a
 * Latin letter or digit matches only with no letter or digit just before or
 * after it. Those edges are checked here rather than as lookarounds in the
 * pattern: with them, V8 took ten times as long to compile each topic's
 * pattern, and a build compiles thousands.
 */
interface TermPattern {
  body: RegExp;
  start: boolean;
  end: boolean;
}

const LETTER_BEFORE = /[\p{L}\p{N}]$/u;
const LETTER_AFTER = /^[\p{L}\p{N}]/u;

/** A set of terms' patterns, longest first (the order they are tried at one place), or none. */
function termPatterns(terms: readonly string[]): TermPattern[] {
  return terms
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .sort((a, b) => b.length - a.length)
    .flatMap((t) => {
      const body = t
        .split(/[\s\p{P}]+/u)
        .filter(Boolean)
        .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[\\s\\p{P}]+');
      if (body === '') return [];
      return [{ body: new RegExp(body, 'giu'), start: /^[A-Za-z0-9]/.test(t), end: /[A-Za-z0-9]$/.test(t) }];
    });
}

/** Each set of terms' patterns, made once: a topic's list cuts every excerpt around the same terms. */
const patterns = new Map<string, TermPattern[]>();

function patternsOf(terms: readonly string[]): TermPattern[] {
  const key = terms.join('\0');
  let made = patterns.get(key);
  if (!made) {
    made = termPatterns(terms);
    patterns.set(key, made);
  }
  return made;
}

/** The first match of `term` in `text` at or after `from` whose edges hold. */
function nextMatch(text: string, term: TermPattern, from: number): RegExpExecArray | undefined {
  term.body.lastIndex = from;
  for (let m = term.body.exec(text); m; m = term.body.exec(text)) {
    const end = m.index + m[0].length;
    const startHolds = !term.start || !LETTER_BEFORE.test(text.slice(Math.max(0, m.index - 2), m.index));
    if (startHolds && (!term.end || !LETTER_AFTER.test(text.slice(end, end + 2)))) return m;
    // On past the match's first character, a whole one: from inside a surrogate pair the search would step back to it.
    term.body.lastIndex = m.index + ((text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
  }
  return undefined;
}

/**
 * Every match of the terms in `text`, as one pattern of them all would find
 * them: from left to right, at each place the first term (in order) that
 * matches there, the search going on after it.
 */
function termMatches(text: string, terms: readonly TermPattern[]): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  const next: (RegExpExecArray | undefined)[] = terms.map((t) => nextMatch(text, t, 0));
  for (let at = 0; ; ) {
    let best: RegExpExecArray | undefined;
    for (const [k, term] of terms.entries()) {
      let m = next[k];
      if (m && m.index < at) {
        m = nextMatch(text, term, at);
        next[k] = m;
      }
      if (m && (!best || m.index < best.index)) best = m;
    }
    if (!best) return found;
    found.push(best);
    at = best.index + best[0].length;
  }
}

/** Where the first of the terms starts in `text`, or -1. */
function firstTerm(text: string, terms: readonly TermPattern[]): number {
  let first = -1;
  for (const term of terms) {
    const m = nextMatch(text, term, 0);
    if (m && (first < 0 || m.index < first)) first = m.index;
  }
  return first;
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
  const pattern = patternsOf(terms);
  const first = firstTerm(text, pattern);
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
  for (const m of termMatches(shown, pattern)) {
    if (m.index > done) parts.push({ text: shown.slice(done, m.index) });
    parts.push({ text: m[0], hit: true });
    done = m.index + m[0].length;
  }
  if (done < shown.length) parts.push({ text: shown.slice(done) });
  if (cut) parts.push({ text: ' …' });
  return parts;
}
