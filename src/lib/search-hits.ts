/**
 * The hits of a search, pure: from the candidate passages a search found,
 * the turns that hold every query word and phrase and answer
 * every filter, and how many hits each filter value has. A transcript's
 * filters (year, language) hold for all its turns; a speaker, a kind and a
 * topic are the turn's own (`src/lib/search-record.ts` puts them in each
 * transcript's metadata).
 */
import { holdsAll, type Stem } from './search-match.ts';
import { speakerFilterValue, type TurnFacts } from './search-record.ts';
import { type FilterName, hasPhrases, type SearchState } from './search-state.ts';
import { alternatesOf } from './search-versions.ts';

/** What the page's script needs of a candidate passage (`passage-index.ts`). */
export interface PageData {
  url: string;
  meta: Record<string, string>;
  content: string;
  /** The filters of the transcript as Pagefind holds them (long lists split into buckets). */
  filters?: Record<string, string[]>;
}

export interface TurnHit {
  /** The transcript's address and the turn's id. */
  url: string;
  id: string;
  title: string;
  date?: string;
  speaker: string;
  /** The speaker's page, when the speaker is in the registry. */
  speakerUrl?: string;
  /** The turn's text, for the excerpt. */
  text: string;
  /** The turn's value of each filter. */
  values: Record<FilterName, string[]>;
  /** The transcript it belongs to, when it is one of several language versions: they count as one. */
  transcript?: string;
  /** The same turn in the transcript's other language versions: the language's name and the turn's address. */
  also?: { name: string; url: string }[];
  /** For a turn of a transcript in several languages: the original's turn (`<transcript url>#<id>`), which counts once. */
  turn?: string;
  /** For a transcript in several languages: the name of the language whose version prevails, when one does. */
  prevails?: string;
}

/** What a filter's count counts once: a turn, whichever language versions of it are hits. */
const countedAs = (hit: TurnHit): string => hit.turn ?? `${hit.url}#${hit.id}`;

/** A transcript's per-turn facts from its metadata; empty facts when they are missing or unreadable. */
export function factsOf(page: PageData): TurnFacts {
  try {
    return JSON.parse(page.meta['facts'] ?? '') as TurnFacts;
  } catch {
    return { people: [], topics: [], turns: [] };
  }
}

/** Each turn's text, cut from the transcript's text by the turns' token counts. */
export function turnTextsByTokens(content: string, facts: TurnFacts): Map<string, string> {
  const words = content.split(/\s+/).filter((w) => w !== '');
  const out = new Map<string, string>();
  let at = 0;
  for (const [id, , , n] of facts.turns) {
    out.set(id, words.slice(at, at + n).join(' '));
    at += n;
  }
  return out;
}

/** The address of the page a search page's turns are on: its own, or the transcript's for a part of a long one. */
export const pageUrl = (page: PageData): string => page.meta['page'] ?? page.url;

/** Every turn of a search page with its values, in reading order. */
export function turnsOf(page: PageData): TurnHit[] {
  const facts = factsOf(page);
  const texts = turnTextsByTokens(page.content, facts);
  const year = page.filters?.['year'] ?? [];
  const language = page.filters?.['language'] ?? [];
  const alternates = alternatesOf(page.meta);
  return facts.turns.map(([id, person, topics, , label]) => {
    const p = facts.people[person];
    const also = alternates.flatMap(([name, url, turns]) => (turns[id] ? [{ name, url: `${url}#${turns[id]}` }] : []));
    const transcript = page.meta['transcript'];
    const original = transcript === undefined ? undefined : alternates.find(([, url]) => url === transcript)?.[2][id];
    return {
      url: pageUrl(page),
      id,
      ...(page.meta['transcript'] ? { transcript: page.meta['transcript'] } : {}),
      ...(also.length > 0 ? { also } : {}),
      ...(transcript === undefined ? {} : { turn: `${transcript}#${original ?? id}` }),
      ...(page.meta['prevails'] ? { prevails: page.meta['prevails'] } : {}),
      title: page.meta['title'] ?? '',
      ...(page.meta['date'] ? { date: page.meta['date'] } : {}),
      speaker: p?.[0] ?? label ?? '',
      ...(p?.[1] ? { speakerUrl: p[1] } : {}),
      text: texts.get(id) ?? '',
      values: {
        speaker: p ? [speakerFilterValue(p[0])] : [],
        kind: p ? [p[2]] : [],
        topic: topics.flatMap((i) => facts.topics[i] ?? []),
        year,
        language,
      },
    };
  });
}

/** Whether a turn answers the filters, leaving out `except` (for counting that filter's values). */
export function answersFilters(hit: TurnHit, state: SearchState, except?: FilterName): boolean {
  return Object.entries(state.filters).every(([name, chosen]) => {
    if (name === except || !chosen || chosen.length === 0) return true;
    const values = hit.values[name as FilterName] ?? [];
    return chosen.some((c) => values.includes(c));
  });
}

/** The turns of a transcript that hold the query (`words`, `phrases`), before filters. */
export function matchingTurns(
  page: PageData,
  words: readonly string[],
  phrases: readonly string[],
  stem: Stem,
): TurnHit[] {
  return turnsOf(page).filter(
    (t) => holdsAll(t.text, words, stem) && (phrases.length === 0 || hasPhrases(t.text, phrases)),
  );
}

/**
 * How many hits each value of each filter would give if chosen: counted over
 * the turns that hold the query and answer every other filter (a turn found
 * in two language versions of a transcript counts once). A value of a
 * filter that already has a choice adds its turns to that choice's, so its
 * count is the same: the turns it would add.
 */
export function valueCounts(
  matching: readonly TurnHit[],
  state: SearchState,
  names: readonly FilterName[],
): Record<FilterName, Map<string, number>> {
  const out = {} as Record<FilterName, Map<string, number>>;
  for (const name of names) {
    const turns = new Map<string, Set<string>>();
    for (const hit of matching) {
      if (!answersFilters(hit, state, name)) continue;
      for (const v of new Set(hit.values[name])) turns.set(v, (turns.get(v) ?? new Set()).add(countedAs(hit)));
    }
    out[name] = new Map([...turns].map(([v, set]) => [v, set.size]));
  }
  return out;
}

/**
 * One hit per turn: a turn that is a hit in several language versions of
 * its transcript shows once, in the first of `readerLanguages` (language
 * names, as the language filter names them) it is found in, else in the
 * version that prevails, else in the original; the hit offers the others
 * ("the same turn in English"). Each turn keeps the place of its first hit.
 */
export function oneHitPerTurn(hits: readonly TurnHit[], readerLanguages: readonly string[]): TurnHit[] {
  const preference = (hit: TurnHit): number => {
    const language = hit.values.language[0] ?? '';
    const reader = readerLanguages.indexOf(language);
    if (reader !== -1) return reader;
    if (hit.prevails !== undefined && language === hit.prevails) return readerLanguages.length;
    return hit.transcript === undefined || hit.url === hit.transcript
      ? readerLanguages.length + 1
      : readerLanguages.length + 2;
  };
  const best = new Map<string, TurnHit>();
  for (const hit of hits) {
    const key = countedAs(hit);
    const kept = best.get(key);
    if (kept === undefined || preference(hit) < preference(kept)) best.set(key, hit);
  }
  const placed = new Set<string>();
  return hits.flatMap((hit) => {
    const key = countedAs(hit);
    if (placed.has(key)) return [];
    placed.add(key);
    return [best.get(key) ?? hit];
  });
}

/** Hits per candidate passage assumed before any is checked (a passage holds tens of turns). */
const GUESSED_HITS_PER_PASSAGE = 2;

/**
 * How many candidate passages to load next: enough, at the rate of hits per
 * passage seen so far, to show `missing` more hits, and at most `most`. Each
 * passage costs a fragment to load (a few KB), so the first screen loads
 * about as many as its hits need rather than a fixed batch. Pure.
 */
export function batchSize(missing: number, hits: number, checked: number, most: number): number {
  if (missing <= 0) return 0;
  const rate = checked === 0 ? GUESSED_HITS_PER_PASSAGE : hits / checked;
  if (rate <= 0) return most;
  return Math.max(1, Math.min(most, Math.ceil(missing / rate)));
}
