/**
 * What search keeps of a transcript: not its page, but a record made from
 * the transcript's JSON twin, at the same address. Its text is only what was
 * said, turn after turn; where each turn starts, who spoke it and the topics
 * filed on it are metadata (`facts`), so a speaker's name is never read as
 * text. The transcript's facts are filters and metadata. The record is
 * served as a passage of the passage index (`passage-index.ts`), which finds
 * a query's words, and given to Pagefind as a record of its filters and date
 * alone, for browsing by filters. The transcript page's design can change
 * without touching search. Pure.
 */
import { isGenericLabel } from '../../scripts/core/label-kinds.ts';
import type { transcriptToTwin } from '../../scripts/core/to-twin.ts';
import { speakerPath } from '../../scripts/core/urls.ts';
import { KIND_LABELS } from './labels.ts';
import type { PageData } from './search-hits.ts';
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

/** A transcript's search page before it is written: what Pagefind indexes, and what the passage index serves. */
export interface SearchRecord {
  language: string;
  title: string;
  /** Metadata: shown with a hit, never searched. */
  meta: Record<string, string>;
  /** The date Pagefind sorts by (`0000` when undated). */
  sortDate: string;
  /** `[filter key, value]` pairs, in the order written. */
  filters: [string, string][];
  /** The spoken text, paragraph by paragraph. */
  paragraphs: string[];
}

/**
 * A transcript's search record (see the module comment).
 * @param extra more metadata (a language version's, `search-versions.ts`)
 */
export function searchRecord(twin: Twin, extra: Readonly<Record<string, string>> = {}): SearchRecord {
  const facts = turnFacts(twin);
  const filters: [string, string][] = [
    ['year', twin.date ? twin.date.slice(0, 4) : UNDATED],
    ['language', languageName(twin.language)],
  ];
  for (const value of new Set(facts.people.map(([name]) => speakerFilterValue(name))))
    filters.push([filterKey('speaker', value), value]);
  for (const kind of new Set(facts.people.map((p) => p[2]))) filters.push(['kind', kind]);
  for (const topic of new Set(facts.topics)) filters.push([filterKey('topic', topic), topic]);
  return {
    language: twin.language,
    title: twin.title,
    meta: {
      title: twin.title,
      facts: JSON.stringify(facts),
      ...extra,
      ...(twin.date ? { date: twin.date } : {}),
    },
    sortDate: twin.date ?? '0000',
    filters,
    paragraphs: twin.turns.flatMap((turn) => turn.paragraphs.map(spokenText)),
  };
}

/** What Pagefind indexes for a search page: a custom record (`addCustomRecord`), no HTML to parse. */
export interface PagefindRecord {
  url: string;
  content: string;
  language: string;
  meta: { title: string };
  filters: Record<string, string[]>;
  sort: { date: string };
}

/**
 * The record Pagefind indexes for a search record at `url`: its filters and
 * date, for browsing by filters. Its text is not there (the passage index
 * serves it, by the page's address): Pagefind's time and memory grow with the
 * text it holds. The only text is the title, as Pagefind skips a record with
 * none. The language is lower-cased, as Pagefind files an HTML page's.
 */
export function pagefindRecord(record: SearchRecord, url: string): PagefindRecord {
  const filters: Record<string, string[]> = {};
  for (const [key, value] of record.filters) filters[key] = [...(filters[key] ?? []), value];
  return {
    url,
    content: record.title,
    language: record.language.toLowerCase(),
    meta: { title: record.title },
    filters,
    sort: { date: record.sortDate },
  };
}

/**
 * A search record as the search page reads a passage: its address, its
 * metadata, its text (paragraphs joined by spaces, as Pagefind gives it) and
 * the transcript-wide filters a hit shows (year, language).
 */
export function recordData(record: SearchRecord, url: string): PageData {
  const filters: Record<string, string[]> = {};
  for (const [key, value] of record.filters)
    if (key === 'year' || key === 'language') filters[key] = [...(filters[key] ?? []), value];
  return { url, meta: record.meta, content: record.paragraphs.join(' '), filters };
}
