/**
 * What Pagefind indexes for a transcript: not its page, but a page of its
 * own made from the transcript's JSON twin, at the same address. It holds
 * only what was said, turn after turn; where each turn starts, who spoke it
 * and the topics filed on it are metadata (`facts`), so a speaker's name is
 * never read as text and no per-turn anchor weighs on each hit's fragment.
 * The transcript's facts are filters and metadata. The transcript page's
 * design can change without touching search. Pure.
 */
import { isGenericLabel } from '../../scripts/core/label-kinds.ts';
import { escapeHtml } from '../../scripts/core/render-paragraph.ts';
import type { transcriptToTwin } from '../../scripts/core/to-twin.ts';
import { speakerPath } from '../../scripts/core/urls.ts';
import { KIND_LABELS } from './labels.ts';
import { filterKey } from './search-state.ts';

export type Twin = ReturnType<typeof transcriptToTwin>;

/**
 * The speaker filter's one value for every generic label (`Q`, `A`,
 * `Speaker 0`, `Audience member`): roles local to their transcripts, grouped
 * rather than listed among the people.
 */
export const UNNAMED_VOICES = 'Unnamed voices (Q, A, Speaker 1…)';

/** A speaker's value in the speaker filter: their name, or {@link UNNAMED_VOICES} for a generic label. */
export const speakerFilterValue = (name: string): string => (isGenericLabel(name) ? UNNAMED_VOICES : name);

/** The year filter's value for a transcript without a date. */
export const UNDATED = 'Undated';

/** A language's name for readers (`zh` → `Chinese`), in English like the rest of the interface. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Per-turn facts the page's script needs to filter and show turns, as
 * metadata: each turn's speaker (an index into `people`) and topics (indexes
 * into `topics`).
 */
export interface TurnFacts {
  /** `[name, speaker page path, kind label]`, per speaker. */
  people: [string, string, string][];
  topics: string[];
  /**
   * `[turn id, person index or -1, topic indexes, tokens, label]`: tokens are
   * the turn's runs of non-space characters, which is how the turn is found in
   * the text Pagefind gives back (its word positions count Chinese words, not
   * these); the label (as written, or `Unattributed`) only for a turn with no
   * person.
   */
  turns: ([string, number, number[], number] | [string, number, number[], number, string])[];
}

export function turnFacts(twin: Twin): TurnFacts {
  const people = twin.speakers.map((s): [string, string, string] => [
    s.name,
    speakerPath(s.slug),
    KIND_LABELS[s.kind as keyof typeof KIND_LABELS] ?? KIND_LABELS.person,
  ]);
  const bySlug = new Map(twin.speakers.map((s, i) => [s.slug, i]));
  const topics = twin.topics.map((t) => t.name);
  return {
    people,
    topics,
    turns: twin.turns.map((turn) => {
      const person = turn.speaker ? (bySlug.get(turn.speaker) ?? -1) : -1;
      const topicIndexes = twin.topics.flatMap((t, i) => (t.turns.includes(turn.id) ? [i] : []));
      const n = turn.paragraphs.reduce((sum, p) => sum + tokens(spokenText(p)), 0);
      return person === -1
        ? [turn.id, person, topicIndexes, n, turn.label || 'Unattributed']
        : [turn.id, person, topicIndexes, n];
    }),
  };
}

/** How many runs of non-space characters a text has. */
export const tokens = (text: string): number => text.split(/\s+/).filter((t) => t !== '').length;

/** A paragraph as it is read: Markdown links as their text. */
export const spokenText = (paragraph: string): string => paragraph.replace(/\[([^\]]*)\]\([^)\s]*\)/g, '$1');

const attr = (text: string): string => escapeHtml(text);

export function tag(kind: 'meta' | 'filter' | 'sort', key: string, value: string): string {
  return `<span data-pagefind-${kind}="${attr(key)}[data-value]" data-value="${attr(value)}"></span>`;
}

/**
 * The HTML Pagefind indexes for a transcript (see the module comment).
 * @param extra more metadata tags (a language version's, `search-versions.ts`)
 */
export function searchRecordHtml(twin: Twin, extra: readonly string[] = []): string {
  const facts = turnFacts(twin);
  const out: string[] = [
    `<!doctype html><html lang="${attr(twin.language)}"><head><meta charset="utf-8"><title>${escapeHtml(twin.title)}</title></head><body>`,
    '<article data-pagefind-body>',
    tag('meta', 'title', twin.title),
    tag('meta', 'facts', JSON.stringify(facts)),
    tag('sort', 'date', twin.date ?? '0000'),
    tag('filter', 'year', twin.date ? twin.date.slice(0, 4) : UNDATED),
    tag('filter', 'language', languageName(twin.language)),
    ...extra,
  ];
  if (twin.date) out.push(tag('meta', 'date', twin.date));
  for (const value of new Set(facts.people.map(([name]) => speakerFilterValue(name))))
    out.push(tag('filter', filterKey('speaker', value), value));
  for (const kind of new Set(facts.people.map((p) => p[2]))) out.push(tag('filter', 'kind', kind));
  for (const topic of new Set(facts.topics)) out.push(tag('filter', filterKey('topic', topic), topic));
  for (const turn of twin.turns) for (const p of turn.paragraphs) out.push(`<p>${escapeHtml(spokenText(p))}</p>`);
  out.push('</article></body></html>');
  return `${out.join('\n')}\n`;
}
